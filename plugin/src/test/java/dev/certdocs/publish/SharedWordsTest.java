package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.render.SearchEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link SharedWords}: one entry per word, on several threads, through growth and through words made to collide. */
class SharedWordsTest {

    /** "aq" and "c3" have the same polynomial hash (31 × 97 + 113 = 31 × 99 + 51), and so do words of {@code blocks} of them. */
    private static List<String> colliding(int blocks) {
        List<String> words = new ArrayList<>();
        for (int bits = 0; bits < 1 << blocks; bits++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < blocks; k++) b.append((bits >> k & 1) == 0 ? "aq" : "c3");
            words.add(b.toString());
        }
        return words;
    }

    private static SharedWords.Entry intern(SharedWords shared, String word) {
        char[] c = ("  " + word + " ").toCharArray();
        return shared.intern(c, 2, 2 + word.length(), WordCounts.hash(c, 2, 2 + word.length()));
    }

    @Test
    void eachWordIsOneEntryOnEveryThreadThroughGrowthAndCollisions() throws Exception {
        List<String> words = new ArrayList<>(colliding(11));
        int hash = WordCounts.hash(words.get(0).toCharArray(), 0, words.get(0).length());
        for (String w : words) assertEquals(hash, WordCounts.hash(w.toCharArray(), 0, w.length()), w);
        Random random = new Random(7);
        for (int i = 0; i < 20000; i++) words.add("w" + Integer.toString(random.nextInt(1 << 30), 36));
        SharedWords shared = new SharedWords();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SharedWords.Entry>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> order = new ArrayList<>(words);
                Collections.shuffle(order, new Random(t));
                runs.add(pool.submit(() -> {
                    List<SharedWords.Entry> got = new ArrayList<>();
                    for (String w : order) got.add(intern(shared, w));
                    return got;
                }));
            }
            Map<String, SharedWords.Entry> first = new TreeMap<>();
            for (Future<List<SharedWords.Entry>> run : runs) {
                for (SharedWords.Entry e : run.get()) {
                    assertEquals(e.word(), new String(e.chars()));
                    SharedWords.Entry had = first.putIfAbsent(e.word(), e);
                    if (had != null) assertSame(had, e, e.word());
                }
            }
            assertEquals(new java.util.TreeSet<>(words), first.keySet());
            // Looked up again, alone: the same entries, those past their slots as well.
            for (String w : words) assertSame(first.get(w), intern(shared, w), w);
            assertTrue(shared.crowdedWords() > 2048 - 2 * SharedWords.PROBES, "crowded: " + shared.crowdedWords());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wordsMadeToCollideAreWeighedAsAnyOthers() {
        // Texts of hundreds of colliding words each: the weights are those of the map of words to counts, and a word is
        // the same string in every text.
        List<String> words = colliding(10);
        SearchIndex.Weights weights = new SearchIndex.Weights();
        Map<String, String> seen = new TreeMap<>();
        for (int a = 0; a < 8; a++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 300; k++) body.append(words.get((a * 97 + k * 7) % words.size())).append(' ');
            SearchIndex.Weighted w = weights.of(new SearchEntry("Title " + a, "", "u", "s", "k", "", body.toString()));
            Map<String, Integer> got = new TreeMap<>();
            for (int k = 0; k < w.terms().length; k++) {
                got.put(w.terms()[k], w.weights()[k]);
                String had = seen.putIfAbsent(w.terms()[k], w.terms()[k]);
                if (had != null) assertSame(had, w.terms()[k], w.terms()[k]);
            }
            Map<String, Integer> expected = new TreeMap<>();
            for (String t : SearchTerms.of(body.toString())) expected.merge(t, 1, Integer::sum);
            expected.replaceAll((t, n) -> Math.min(n, 5));
            expected.put("title", SearchIndex.TITLE_WEIGHT + 10 / 2);
            expected.put(Integer.toString(a), SearchIndex.TITLE_WEIGHT + 10 / 2);
            assertEquals(expected, got, "text " + a);
        }
    }
}
