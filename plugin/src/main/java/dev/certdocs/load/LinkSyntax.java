package dev.certdocs.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CommonMark's rules for the parts of a link, as {@link LinkLines} and {@link HeadingText} read
 * them: destinations, titles, reference labels, and the characters escapes and entities stand for.
 * Each reads forward from a position, at most {@link #MAX_DESTINATION} characters.
 */
final class LinkSyntax {

    /** Characters of a link destination or title read at most: a line of thousands of {@code [a](} stays linear. */
    static final int MAX_DESTINATION = 2048;

    private LinkSyntax() {
    }

    /**
     * Where an inline link's {@code (destination "title")} that follows the ']' at {@code close}
     * ends (after its ')'), or -1 when there is none: the rules {@link #close} reads links by.
     */
    static int inlineLinkEnd(String line, int close) {
        int n = line.length();
        if (close + 1 >= n || line.charAt(close + 1) != '(') return -1;
        int start = skipSpace(line, close + 2);
        int[] dest = destination(line, start);
        if (dest == null) return -1;
        int end = skipSpace(line, dest[1]);
        if (end > dest[1] && end < n && line.charAt(end) != ')') {
            end = title(line, end);
            if (end >= 0) end = skipSpace(line, end);
        }
        return end >= 0 && end < n && line.charAt(end) == ')' ? end + 1 : -1;
    }

    /** The destination of a definition at {@code start}, with an optional title and nothing else after it; {@code null} if it is none. */
    static String definitionDestination(String line, int start) {
        start = skipSpace(line, start);
        int[] dest = destination(line, start);
        if (dest == null || dest[1] == start) return null;
        int after = skipSpace(line, dest[1]);
        if (after < line.length()) {
            if (after == dest[1]) return null;
            int end = title(line, after);
            if (end < 0 || !line.substring(end).isBlank()) return null;
        }
        return unescape(line.charAt(start) == '<' ? line.substring(start + 1, dest[1] - 1) : line.substring(start, dest[1]));
    }

    /** Where a reference label that starts at {@code from} ends (its ']'), or -1: no '[' inside, at most 999 characters. */
    static int labelEnd(String line, int from) {
        for (int i = from; i < line.length() && i - from <= 999; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /**
     * A link destination at {@code start}: {@code <…>} without spaces or line breaks, or up to white
     * space, a control character or an unbalanced ')'. Returns {start, end} or {@code null}.
     */
    static int[] destination(String line, int start) {
        int n = line.length();
        if (start < n && line.charAt(start) == '<') {
            for (int i = start + 1; i < n && i - start <= MAX_DESTINATION; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '>') {
                    return new int[] {start, i + 1};
                } else if (c == '<' || c == ' ' || c == '\t') {
                    return null;
                }
            }
            return null;
        }
        int depth = 0;
        int i = start;
        while (i < n && i - start <= MAX_DESTINATION) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n && isPunctuation(line.charAt(i + 1))) {
                i += 2;
                continue;
            }
            if (c <= ' ') break;
            if (c == '(') depth++;
            if (c == ')' && depth-- == 0) break;
            i++;
        }
        if (i - start > MAX_DESTINATION || depth > 0) return null;
        return new int[] {start, i};
    }

    /** A link title at {@code start} ({@code "…"}, {@code '…'} or {@code (…)}) on this line: where it ends, or -1. */
    static int title(String line, int start) {
        char open = line.charAt(start);
        char close = open == '(' ? ')' : open;
        if (open != '"' && open != '\'' && open != '(') return -1;
        for (int i = start + 1; i < line.length() && i - start <= MAX_DESTINATION; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == close) {
                return i + 1;
            } else if (open == '(' && c == '(') {
                return -1;
            }
        }
        return -1;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('&') < 0) return s;
        return com.vladsch.flexmark.util.sequence.Escaping.unescapeString(s);
    }

    static String unescapeEntities(String s) {
        if (s.indexOf('&') < 0) return s;
        return org.jsoup.parser.Parser.unescapeEntities(s, true);
    }

    /** Labels match case-insensitively with white space folded, as CommonMark matches them. */
    static String normalize(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        boolean space = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(Character.toLowerCase(Character.toUpperCase(c)));
            }
        }
        return sb.toString();
    }

    static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isEmailLocal(char c) {
        return isAsciiLetter(c) || isDigit(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }

    static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
