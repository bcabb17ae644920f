package dev.certdocs.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one search index script ({@link SearchIndex}), written as UTF-8 straight into one
 * buffer: the bytes the index made before through Jackson's {@code writeValueAsString}, string
 * concatenation, two {@code replace} calls and {@code getBytes} (four copies of each file's text,
 * a fifth of the index's time under C1). Guarantees the same bytes: a JSON string is escaped as
 * Jackson's default writer escapes it ({@code \"}, {@code \\}, {@code \b \t \n \f \r}, other
 * characters below U+0020 as <code>&#92;u00XX</code> with upper-case hex, nothing else), U+2028 and U+2029
 * are written <code>&#92;u2028</code> and <code>&#92;u2029</code> wherever they are, and a lone surrogate becomes
 * {@code ?} as {@link String#getBytes} makes it ({@code ScriptBytesTest} compares it with the old
 * way on random text). Not thread-safe; reusable after {@link #toBytes} with {@link #clear}.
 */
final class ScriptBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;

    ScriptBytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Empties it, keeping its buffer. */
    ScriptBytes clear() {
        size = 0;
        return this;
    }

    /** The bytes written so far. */
    int size() {
        return size;
    }

    /** A copy of the bytes written. */
    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    /** Plain ASCII text (the scripts' own syntax). */
    ScriptBytes ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[size++] = (byte) s.charAt(i);
        return this;
    }

    ScriptBytes ascii(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    /** A number, as {@code Integer.toString}. */
    ScriptBytes number(int n) {
        ensure(11);
        if (n < 0) {
            if (n == Integer.MIN_VALUE) return ascii(Integer.toString(n));
            buf[size++] = '-';
            n = -n;
        }
        int digits = 1;
        for (int x = n; x >= 10; x /= 10) digits++;
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        size = end;
        return this;
    }

    /** {@code null}, or a JSON string: quoted and escaped. */
    ScriptBytes string(String s) {
        if (s == null) return ascii("null");
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length + 2);
        buf[size++] = '"';
        // Escapes apply to ASCII bytes only, which never occur inside a multi-byte UTF-8 sequence.
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c >= 0x20 ? c != '"' && c != '\\' : c < 0 && c != (byte) 0xE2) {
                if (size == buf.length) ensure(b.length - i + 1);
                buf[size++] = c;
            } else {
                i = special(b, i);
            }
        }
        ensure(1);
        buf[size++] = '"';
        return this;
    }

    /** Text as it is (a term of the index: letters and digits, nothing to escape), U+2028 and U+2029 aside. */
    ScriptBytes raw(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c == (byte) 0xE2 && separator(b, i)) {
                lineSeparator(b[i + 2]);
                i += 2;
            } else {
                if (size == buf.length) ensure(b.length - i);
                buf[size++] = c;
            }
        }
        return this;
    }

    /** Bytes written by another {@code ScriptBytes} (a part made once, used in several files). */
    ScriptBytes bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Writes the escape of byte {@code i} of a string's UTF-8 (or the byte itself); returns the last byte index used. */
    private int special(byte[] b, int i) {
        byte c = b[i];
        ensure(6);
        if (c == (byte) 0xE2) {
            if (separator(b, i)) {
                lineSeparator(b[i + 2]);
                return i + 2;
            }
            buf[size++] = c;
        } else if (c == '"' || c == '\\') {
            buf[size++] = '\\';
            buf[size++] = c;
        } else if (c < 0) {
            buf[size++] = c; // a byte of a multi-byte sequence
        } else {
            char e = switch (c) {
                case 0x08 -> 'b';
                case 0x09 -> 't';
                case 0x0A -> 'n';
                case 0x0C -> 'f';
                case 0x0D -> 'r';
                default -> 0;
            };
            buf[size++] = '\\';
            if (e != 0) {
                buf[size++] = (byte) e;
            } else {
                buf[size++] = 'u';
                buf[size++] = '0';
                buf[size++] = '0';
                buf[size++] = HEX[c >> 4];
                buf[size++] = HEX[c & 0xF];
            }
        }
        return i;
    }

    /** Whether bytes {@code i..i+2} are U+2028 or U+2029 (E2 80 A8, E2 80 A9). */
    private static boolean separator(byte[] b, int i) {
        return i + 2 < b.length && b[i + 1] == (byte) 0x80 && (b[i + 2] == (byte) 0xA8 || b[i + 2] == (byte) 0xA9);
    }

    private void lineSeparator(byte last) {
        ascii(last == (byte) 0xA8 ? "\\u2028" : "\\u2029");
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
