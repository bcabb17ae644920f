package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.EnumSet;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkType;

/**
 * {@link AutolinkGate#mayHoldLink}: never false where flexmark's extension would find a link; and
 * the limits past which a stretch of text is not read for autolinks, at their edges.
 */
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

    private static final Parser PARSER = Parser.builder(MarkdownDialect.options()).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(MarkdownDialect.options()).build();

    private static boolean linked(String markdown) {
        return RENDERER.render(PARSER.parse(markdown)).contains("<a href=\"http");
    }

    @Test
    void aStretchJoiningMoreReferencesThanTheLimitIsNotReadForLinks() {
        String within = "https://example.com/?" + "a=1&amp;".repeat(AutolinkGate.MAX_REFERENCES) + "z=2";
        String past = "https://example.com/?" + "a=1&amp;".repeat(AutolinkGate.MAX_REFERENCES + 1) + "z=2";
        assertTrue(linked(within + "\n"), within);
        assertFalse(linked(past + "\n"), past);
        // A space at a seam ends the stretch: each word below joins one reference.
        assertTrue(linked("x&amp; ".repeat(100) + "https://example.com\n"));
        // The stretch takes in the whole text nodes at its ends; text in other nodes (after emphasis here) is read as usual.
        assertEquals(0, count(RENDERER.render(PARSER.parse("www.before.example " + past + " www.after.example\n")), "<a href="));
        assertEquals(2, count(RENDERER.render(PARSER.parse("www.before.example *x* " + past + " *y* www.after.example\n")),
                "<a href="));
    }

    @Test
    void aStretchOfMoreEscapesThanTheLimitIsNotReadForLinks() {
        String within = "\\*".repeat(AutolinkGate.MAX_ESCAPES) + " www.example.com\n";
        String past = "\\*".repeat(AutolinkGate.MAX_ESCAPES + 1) + " www.example.com\n";
        assertTrue(linked(within));
        assertFalse(linked(past));
        // A backslash before anything but ASCII punctuation is no escape.
        assertTrue(linked("C:\\Users\\a ".repeat(AutolinkGate.MAX_ESCAPES) + " www.example.com\n"));
    }

    @Test
    void aRunOfSchemeCharactersLongerThanTheLimitIsNotReadForLinks() {
        String longest = "www." + "a".repeat(AutolinkGate.MAX_RUN - 8) + ".com";
        assertEquals(AutolinkGate.MAX_RUN, longest.length());
        assertTrue(linked("See " + longest + " now.\n"));
        assertFalse(linked("See " + longest + "x now.\n"));
        assertFalse(linked("www.".repeat(10_000) + "\n"));
        // Other characters end a run: a long URL with a path is read.
        assertTrue(linked("https://example.com/" + "segment/".repeat(200) + "\n"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
