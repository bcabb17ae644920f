package dev.certdocs.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file's bytes as UTF-8, bad bytes replaced by U+FFFD as before, and says where the
 * first bad byte was, so that loading can report it instead of publishing replacement characters
 * in silence (a file saved as Latin-1 by an old editor is the usual cause).
 */
final class Utf8 {

    /** The text, and the offset in it of the character the first bad bytes became (-1: every byte was UTF-8). */
    record Decoded(String text, int invalidAt) {
    }

    private Utf8() {
    }

    static Decoded decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // The fast path, nearly always: no U+FFFD at all, so no byte was bad.
        if (text.indexOf('\uFFFD') < 0) return new Decoded(text, -1);
        // Some U+FFFD: written as such, or made from bad bytes. A strict decoder stops at the first
        // bad byte, having decoded exactly the characters before it.
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(text.length());
        CoderResult result = strict.decode(ByteBuffer.wrap(bytes), out, true);
        return new Decoded(text, result.isError() ? out.position() : -1);
    }
}
