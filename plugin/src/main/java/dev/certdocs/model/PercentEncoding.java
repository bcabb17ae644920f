package dev.certdocs.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one URL percent-decoding of certdocs, for paths, fragments and {@code mailto:}/{@code tel:}
 * parts of links, include targets, and the URL policy's reading of a URL as a browser would.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * Decodes every valid {@code %XX} escape (consecutive escapes as UTF-8 bytes, a malformed
     * sequence as U+FFFD), keeping a '%' that starts none as written ({@code 100%.md} stays itself)
     * and '+' as '+' (a path, not a form).
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
        }
        if (bytes.size() > 0) out.append(bytes.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
