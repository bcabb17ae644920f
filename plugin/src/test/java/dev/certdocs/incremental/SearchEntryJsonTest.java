package dev.certdocs.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchEntryJsonTest {

    @Test
    void everyEntryGetsItsOwnJsonWhetherOrNotTheLastWasEqual() {
        Random random = new Random(3);
        String[] values = {"", "a", "b", "Ré\"sumé", "x\ny", "<b>"};
        SearchEntryJson json = new SearchEntryJson();
        SearchEntry last = null;
        for (int i = 0; i < 5_000; i++) {
            SearchEntry entry;
            if (last != null && random.nextInt(3) == 0) {
                // equal, as another cloud's page of the article: copies of the same strings
                entry = new SearchEntry(new String(last.t()), last.d(), new String(last.u()), last.s(), last.k(), last.h(), new String(last.b()));
            } else {
                String[] f = new String[7];
                for (int k = 0; k < f.length; k++) f[k] = values[random.nextInt(values.length)];
                entry = new SearchEntry(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
            }
            assertArrayEquals(SiteRenderer.searchIndexEntry(entry), json.of(entry), "entry " + i);
            last = entry;
        }
    }

    @Test
    void anEqualEntryTakesTheSameBytes() {
        SearchEntryJson json = new SearchEntryJson();
        byte[] first = json.of(new SearchEntry("t", "d", "u.html", "s", "k", "h", "b"));
        assertSame(first, json.of(new SearchEntry("t", "d", "u.html", "s", "k", "h", "b")));
    }
}
