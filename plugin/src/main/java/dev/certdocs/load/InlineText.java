package dev.certdocs.load;

import java.util.ArrayList;
import java.util.List;
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
        if (line.indexOf('`') < 0) return line;
        List<int[]> runs = new ArrayList<>(); // start, length
        for (int i = 0; i < line.length(); ) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) == '`') i++;
            runs.add(new int[] {start, i - start});
        }
        // The next run of the same length after each run, found from the right in one pass.
        int[] next = new int[runs.size()];
        java.util.Map<Integer, Integer> latest = new java.util.HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            next[r] = latest.getOrDefault(runs.get(r)[1], -1);
            latest.put(runs.get(r)[1], r);
        }
        StringBuilder out = null;
        for (int r = 0; r < runs.size(); r++) {
            if (next[r] < 0) continue;
            int from = runs.get(r)[0];
            int to = runs.get(next[r])[0] + runs.get(next[r])[1];
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
