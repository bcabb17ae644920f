package dev.certdocs.serve;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request path reduced to the site's segments, or refused. The raw path (still
 * percent-encoded) is decoded once, strictly (bad escapes and bad UTF-8 are refused); no segment
 * may be {@code .} or {@code ..}, not even once more decoded ({@code %252e%252e}), none may hold a
 * slash, a backslash, a control character or a drive letter, and the path may not be absolute
 * twice over ({@code //etc/passwd}). A path ending in {@code /} names its {@code index.html}; the
 * root itself is no segment at all.
 */
public final class SitePath {

    private SitePath() {
    }

    /** The segments of a raw request path such as {@code /public/1.0.0/compute/x.html}; empty when refused. */
    public static Optional<List<String>> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.startsWith("//")) return Optional.empty();
        if (rawPath.equals("/")) return Optional.of(List.of());
        List<String> segments = new ArrayList<>();
        String[] parts = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String raw = parts[i];
            if (raw.isEmpty()) {
                if (i == parts.length - 1) break; // a trailing slash
                return Optional.empty(); // a//b
            }
            Optional<String> decoded = decode(raw);
            if (decoded.isEmpty() || !allowed(decoded.get())) return Optional.empty();
            // Decoded once more, a double-encoded "..", a slash or a backslash would still read as one to a careless reader.
            Optional<String> twice = decode(decoded.get());
            if (twice.isPresent() && !allowed(twice.get())) return Optional.empty();
            segments.add(decoded.get());
        }
        if (rawPath.endsWith("/")) segments.add("index.html");
        return Optional.of(List.copyOf(segments));
    }

    private static boolean allowed(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return false;
        for (int k = 0; k < segment.length(); k++) {
            char c = segment.charAt(k);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
        }
        // C: and the like: absolute on Windows whatever precedes them
        return !(segment.length() >= 2 && segment.charAt(1) == ':' && Character.isLetter(segment.charAt(0)));
    }

    /** Strict percent-decoding: '+' stays '+', a bad escape or bad UTF-8 is no path at all. */
    static Optional<String> decode(String s) {
        if (s.indexOf('%') < 0) return Optional.of(s);
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%') {
                if (k + 2 >= s.length()) return Optional.empty();
                int hi = Character.digit(s.charAt(k + 1), 16);
                int lo = Character.digit(s.charAt(k + 2), 16);
                if (hi < 0 || lo < 0) return Optional.empty();
                out[n++] = (byte) (hi * 16 + lo);
                k += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                return Optional.empty(); // a raw path is ASCII
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The media type of a file served at {@code path}, by its extension. */
    public static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int dot = p.lastIndexOf('.');
        String ext = dot < 0 ? "" : p.substring(dot + 1);
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "xml" -> "application/xml; charset=utf-8";
            case "txt", "md" -> "text/plain; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "ico" -> "image/x-icon";
            case "pdf" -> "application/pdf";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }
}
