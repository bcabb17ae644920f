package dev.certdocs.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.model.SourcePosition;
import org.junit.jupiter.api.Test;

/** A message that quotes a hostile line or URL stays one readable log line. */
class DiagnosticMessageTest {

    private static Diagnostic withMessage(String message) {
        return Diagnostic.of(Rules.LINK_AIR_GAPPED, new SourcePosition("articles/a.md", 3, 1), message);
    }

    @Test
    void aLongMessageIsCutAndSaysHowLongItWas() {
        String url = "http://" + "www.".repeat(10_000) + "example";
        String message = url + " is not the cloud's portal";
        assertEquals(40_040, message.length());
        Diagnostic d = withMessage(message);
        assertEquals(message.substring(0, Diagnostic.MAX_MESSAGE) + "… (40,040 characters in all)", d.message());
        assertTrue(d.format().length() < 1_100, d.format());
    }

    @Test
    void aMessageAtTheLimitIsKeptWholeAndACutNeverSplitsASurrogatePair() {
        String whole = "x".repeat(Diagnostic.MAX_MESSAGE);
        assertEquals(whole, withMessage(whole).message());
        String emoji = "x".repeat(Diagnostic.MAX_MESSAGE - 1) + "😀" + "tail";
        String cut = withMessage(emoji).message();
        assertEquals("x".repeat(Diagnostic.MAX_MESSAGE - 1) + "… (1,005 characters in all)", cut);
    }
}
