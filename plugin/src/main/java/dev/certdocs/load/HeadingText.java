package dev.certdocs.load;

import java.util.function.Predicate;

/**
 * The text a reader sees of a heading, as the rendered page has it (jsoup's {@code text()} of the
 * heading flexmark renders): code spans as written, links reduced to their text, images and tags
 * dropped, emphasis marks dropped, escapes and entities decoded, an undefined reference as
 * written, white space folded.
 */
final class HeadingText {

    /** Links inside links are read this deep; deeper ones are text (the nesting limit cuts such lines anyway). */
    private static final int MAX_DEPTH = 32;

    private HeadingText() {
    }

    /** The plain text of a Markdown heading's raw text; {@code defined} tells a defined reference label (normalised). */
    static String of(String raw, Predicate<String> defined) {
        StringBuilder sb = new StringBuilder(raw.length());
        String masked = InlineText.maskCodeSpans(raw);
        append(raw, masked, Emphasis.marks(masked), 0, raw.length(), defined, sb, 0);
        return foldWhiteSpace(sb).strip();
    }

    /** Each run of {@code [\\s\\u00A0]+} as one space: a scan, as that pattern's matcher cost more than the rest of the heading. */
    static String foldWhiteSpace(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            if (!foldable(s.charAt(i))) {
                out.append(s.charAt(i++));
                continue;
            }
            while (i < s.length() && foldable(s.charAt(i))) i++;
            out.append(' ');
        }
        return out.toString();
    }

    /** {@code \\s} (without the Unicode flag) or a no-break space. */
    private static boolean foldable(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
    }

    /** The text of an HTML heading whose tag starts at {@code at} of the line: up to its closing tag on the same line. */
    static String ofHtml(String line, int at, String name) {
        if (at < 0 || at >= line.length()) return "";
        var body = org.jsoup.Jsoup.parseBodyFragment(line.substring(at)).body();
        var heading = body.selectFirst(name);
        return heading == null ? "" : heading.text();
    }

    private static void append(String raw, String masked, boolean[] marks, int from, int to, Predicate<String> defined,
                               StringBuilder sb, int depth) {
        for (int i = from; i < to; ) {
            char c = raw.charAt(i);
            if (c == '`' && masked.charAt(i) != c) {
                // A code span (the masked text blanked it): its text as written, up to the next run as long.
                int ticks = 0;
                while (i + ticks < to && raw.charAt(i + ticks) == '`') ticks++;
                int close = closingRun(raw, i + ticks, ticks, to);
                if (close > 0) {
                    String content = raw.substring(i + ticks, close);
                    if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ") && !content.isBlank()) {
                        content = content.substring(1, content.length() - 1);
                    }
                    sb.append(content);
                    i = close + ticks;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < to && LinkSyntax.isPunctuation(raw.charAt(i + 1))) {
                sb.append(raw.charAt(i + 1));
                i += 2;
                continue;
            }
            if (marks[i]) {
                i++;
                continue;
            }
            if (c == '&') {
                int semi = raw.indexOf(';', i);
                if (semi > i && semi - i <= 32 && semi < to) {
                    String entity = raw.substring(i, semi + 1);
                    String decoded = LinkSyntax.unescape(entity);
                    if (!decoded.equals(entity)) {
                        sb.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            if (c == '<') {
                int end = autolinkEnd(raw, i, to);
                if (end > 0) {
                    sb.append(raw, i + 1, end - 1);
                    i = end;
                    continue;
                }
                end = HtmlTags.end(raw.substring(0, to), i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            boolean image = c == '!' && i + 1 < to && raw.charAt(i + 1) == '[';
            if ((c == '[' || image) && depth < MAX_DEPTH) {
                int open = image ? i + 1 : i;
                int close = closing(masked, open, to);
                if (close > 0) {
                    int end = LinkSyntax.inlineLinkEnd(raw.substring(0, to), close);
                    if (end > 0) {
                        if (!image) append(raw, masked, marks, open + 1, close, defined, sb, depth + 1);
                        i = end;
                        continue;
                    }
                    boolean nested = masked.substring(open + 1, close).indexOf('[') >= 0;
                    if (!nested) {
                        String label = raw.substring(open + 1, close);
                        int refEnd = close + 1;
                        if (close + 1 < to && raw.charAt(close + 1) == '[') {
                            int labelClose = raw.indexOf(']', close + 2);
                            if (labelClose > 0 && labelClose < to && raw.substring(close + 2, labelClose).indexOf('[') < 0) {
                                if (labelClose > close + 2) label = raw.substring(close + 2, labelClose);
                                refEnd = labelClose + 1;
                            }
                        }
                        if (defined.test(LinkSyntax.normalize(label))) {
                            if (!image) append(raw, masked, marks, open + 1, close, defined, sb, depth + 1);
                        } else if (!image) {
                            sb.append(LinkSyntax.unescape(raw.substring(open, refEnd)));
                        }
                        i = refEnd;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
    }

    /** Where the next run of exactly {@code ticks} backticks from {@code from} starts, or -1. */
    private static int closingRun(String s, int from, int ticks, int to) {
        for (int i = from; i < to; ) {
            if (s.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < to && s.charAt(i) == '`') i++;
            if (i - start == ticks) return start;
        }
        return -1;
    }

    /** The ']' that closes the '[' at {@code open}, brackets nesting, or -1. */
    private static int closing(String s, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int autolinkEnd(String s, int i, int to) {
        int end = s.indexOf('>', i);
        if (end < 0 || end >= to) return -1;
        String inner = s.substring(i + 1, end);
        if (inner.isEmpty() || inner.indexOf(' ') >= 0 || inner.indexOf('<') >= 0) return -1;
        int colon = inner.indexOf(':');
        boolean uri = colon >= 2 && colon <= 32 && Character.isLetter(inner.charAt(0))
                && inner.substring(0, colon).chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '+' || ch == '.' || ch == '-'));
        boolean mail = inner.indexOf('@') > 0 && inner.indexOf('@') == inner.lastIndexOf('@') && inner.indexOf('/') < 0;
        return uri || mail ? end + 1 : -1;
    }
}
