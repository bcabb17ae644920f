package dev.certdocs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one percent-decoding: valid escapes as UTF-8, anything else as written. */
class PercentEncodingTest {

    @Test
    void decodesEscapesAsUtf8() {
        assertEquals("my file.md", PercentEncoding.decode("my%20file.md"));
        assertEquals("résumé#étape", PercentEncoding.decode("r%C3%A9sum%C3%A9#%c3%a9tape"));
        assertEquals("javascript:x", PercentEncoding.decode("javascript%3ax"));
    }

    @Test
    void keepsWhatIsNoEscapeAsWritten() {
        assertEquals("100%.md", PercentEncoding.decode("100%.md"));
        assertEquals("a%zz b", PercentEncoding.decode("a%zz%20b"), "a stray '%' does not stop the valid escapes");
        assertEquals("a+b%", PercentEncoding.decode("a+b%"), "'+' is a '+' in a path");
        assertEquals("\uFFFD", PercentEncoding.decode("%C3"), "bytes that are not UTF-8");
    }
}
