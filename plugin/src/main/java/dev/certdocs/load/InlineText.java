package dev.certdocs.load;

import java.util.regex.Pattern;

/** Inline Markdown read without a parser: code spans found as CommonMark finds them, and a heading's plain text for its id. */
final class InlineText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|(?<![\\p{L}\\p{N}])_{1,3}|_{1,3}(?![\\p{L}\\p{N}])|~~|`)");

    private InlineText() {
    }

    /**
     * Replaces inline code spans with spaces so that nothing inside them is taken for syntax. A
     * span opens with a run of backticks and closes at the next run of the same length, as
     * CommonMark reads it; a run that no later run matches is text. Linear in the line: a
     * pattern with a back-reference took time cubic in the length of an unmatched run (a line of
     * a few thousand backticks held validation for minutes).
     */
    static String maskCodeSpans(String line) {
        int first = line.indexOf('`');
        if (first < 0) return line;
        // The runs of backticks, as start and length in two arrays: no boxing, no list per line.
        int[] starts = new int[8];
        int[] lengths = new int[8];
        int runs = 0;
        int longest = 0;
        for (int i = first; i < line.length(); ) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) == '`') i++;
            if (runs == starts.length) {
                starts = java.util.Arrays.copyOf(starts, runs * 2);
                lengths = java.util.Arrays.copyOf(lengths, runs * 2);
            }
            starts[runs] = start;
            lengths[runs] = i - start;
            longest = Math.max(longest, i - start);
            runs++;
        }
        // The next run of the same length after each run, found from the right in one pass (by length: at most
        // the line's length, so the table is linear in the line too).
        int[] next = new int[runs];
        int[] latest = new int[longest + 1];
        java.util.Arrays.fill(latest, -1);
        for (int r = runs - 1; r >= 0; r--) {
            next[r] = latest[lengths[r]];
            latest[lengths[r]] = r;
        }
        StringBuilder out = null;
        for (int r = 0; r < runs; r++) {
            if (next[r] < 0) continue;
            int from = starts[r];
            int to = starts[next[r]] + lengths[next[r]];
            if (out == null) out = new StringBuilder(line);
            for (int i = from; i < to; i++) out.setCharAt(i, ' ');
            r = next[r];
        }
        return out == null ? line : out.toString();
    }

    /** The heading text as a reader sees it: links and images reduced to their text, tags and emphasis marks dropped. */
    static String plainText(String raw) {
        if (!hasInlineMarkup(raw)) return raw.strip();
        String s = COMMENT.matcher(raw).replaceAll("");
        s = INLINE_LINK.matcher(s).replaceAll("$1");
        s = TAG.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        return s.strip();
    }

    private static boolean hasInlineMarkup(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            switch (raw.charAt(i)) {
                case '[', '<', '*', '_', '~', '`' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
