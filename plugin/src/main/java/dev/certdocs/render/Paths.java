package dev.certdocs.render;

import java.util.ArrayDeque;
import java.util.Deque;

/** Slash-separated relative paths of the site and the repository (never the platform's separator). */
final class Paths {

    private Paths() {
    }

    /** The folder part of a path, with its trailing slash ({@code "a/b/"}), or {@code ""}. */
    static String dir(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i + 1);
    }

    /** Resolves {@code .} and {@code ..}; a path that climbs above its start keeps leading {@code ../}. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/", -1)) {
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
                else parts.addLast("..");
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /** The path from folder {@code fromDir} ({@code "a/b/"} or {@code ""}) to {@code target}. */
    static String relativize(String fromDir, String target) {
        String[] base = fromDir.isEmpty() ? new String[0] : fromDir.substring(0, fromDir.length() - 1).split("/");
        String[] parts = target.split("/");
        int common = 0;
        while (common < base.length && common < parts.length - 1 && base[common].equals(parts[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < base.length; i++) sb.append("../");
        for (int i = common; i < parts.length; i++) {
            sb.append(parts[i]);
            if (i < parts.length - 1) sb.append('/');
        }
        return sb.toString();
    }

    /** Percent-encodes what may not stand in a URL path (spaces, quotes, non-ASCII), keeping '/'. */
    static String encode(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
