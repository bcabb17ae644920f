package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkType;

/** {@link AutolinkGate#mayHoldLink}: never false where flexmark's extension would find a link. */
class AutolinkGateTest {

    /** The extractor and the pattern flexmark's autolink extension runs over a text node's unescaped characters. */
    private static final LinkExtractor EXTRACTOR = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL)).build();
    private static final Pattern URI_PREFIX = Pattern.compile("\\b([a-z][a-z0-9+.-]*://)(?:\\s|$)");

    private static boolean extensionFinds(String text) {
        return EXTRACTOR.extractLinks(text).iterator().hasNext() || URI_PREFIX.matcher(text).find();
    }

    @Test
    void passesByOnlyTextWithoutAPossibleLink() {
        String[] pieces = {"www", "www.", "ww.", "WWW.", "w", ".", ":", "/", "//", "://", "http", "https", "ftp", "mailto:",
            "@", "a", "example", ".com", "x", " ", "\n", "-", "_", "+", "(", ")", "é", "1", "a@b", "x.y", "\\", "&", "\u001f"};
        Random random = new Random(17);
        int passedBy = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8) + 1; k > 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
            String s = text.toString();
            if (!AutolinkGate.mayHoldLink(s)) {
                passedBy++;
                assertFalse(extensionFinds(s), s);
            }
        }
        assertTrue(passedBy > 10_000, "the gate passed by " + passedBy + " texts: too few to prove anything");
    }

    @Test
    void handsOnEveryLinkKind() {
        for (String s : new String[] {"see http://example.com", "www.example.com", "a@b.co", "ftp://", "x \\ y", "&#64;",
            "a\u001fb"}) {
            assertTrue(AutolinkGate.mayHoldLink(s), s);
        }
        assertEquals(false, AutolinkGate.mayHoldLink("Restart the VM: then check ww. and w.w.w. and :/ again"));
    }
}
