package dev.certdocs.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Which runs of {@code *}, {@code _} and {@code ~~} in a line are emphasis (or strikethrough)
 * marks, by CommonMark's delimiter rules (flanking, intraword {@code _}, the rule of three), so
 * that a bare URL ends where its emphasis does and a heading's text drops the marks. Emphasis
 * over several lines is not seen. Linear in the line but for the search of an opener, bounded by
 * the runs still open.
 */
final class Emphasis {

    private static final int MAX_OPEN = 64;

    private Emphasis() {
    }

    /** Marks which characters of {@code s} are emphasis marks. */
    static boolean[] marks(CharSequence s) {
        boolean[] marked = new boolean[s.length()];
        List<int[]> open = new ArrayList<>(); // start, end (of the unused part), char, canClose, original length
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c != '*' && c != '_' && c != '~') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && s.charAt(i) == c) i++;
            int length = i - start;
            if (c == '~' && length != 2) continue;
            char before = start == 0 ? ' ' : s.charAt(start - 1);
            char after = i >= n ? ' ' : s.charAt(i);
            boolean left = !Character.isWhitespace(after) && (!punctuation(after) || Character.isWhitespace(before) || punctuation(before));
            boolean right = !Character.isWhitespace(before) && (!punctuation(before) || Character.isWhitespace(after) || punctuation(after));
            boolean canOpen = c == '_' ? left && (!right || punctuation(before)) : left;
            boolean canClose = c == '_' ? right && (!left || punctuation(after)) : right;
            int closerStart = start;
            int remaining = length;
            if (canClose) {
                for (int k = open.size() - 1; k >= 0 && remaining > 0; k--) {
                    int[] o = open.get(k);
                    if (o[2] != c) continue;
                    int openLength = o[1] - o[0];
                    if ((o[3] == 1 || canOpen) && (o[4] + length) % 3 == 0 && !(o[4] % 3 == 0 && length % 3 == 0) && c != '~') continue;
                    int use = c == '~' ? 2 : (remaining >= 2 && openLength >= 2 ? 2 : 1);
                    for (int m = o[1] - use; m < o[1]; m++) marked[m] = true;
                    for (int m = closerStart; m < closerStart + use; m++) marked[m] = true;
                    o[1] -= use;
                    closerStart += use;
                    remaining -= use;
                    // Openers between the two are left unmatched.
                    while (open.size() > k + 1) open.remove(open.size() - 1);
                    if (o[1] == o[0]) open.remove(k);
                    k = open.size();
                }
            }
            if (canOpen && remaining > 0 && open.size() < MAX_OPEN) {
                open.add(new int[] {closerStart, closerStart + remaining, c, canClose ? 1 : 0, length});
            }
        }
        return marked;
    }

    /** Blanks the emphasis marks of {@code chars}. */
    static void blankDelimiters(char[] chars) {
        // Most lines with a URL have no mark at all; and the marks are read from the array itself, not a copy.
        boolean any = false;
        for (int i = 0; i < chars.length && !any; i++) any = chars[i] == '*' || chars[i] == '_' || chars[i] == '~';
        if (!any) return;
        boolean[] marked = marks(java.nio.CharBuffer.wrap(chars));
        for (int i = 0; i < chars.length; i++) {
            if (marked[i]) chars[i] = ' ';
        }
    }

    private static boolean punctuation(char c) {
        if (LinkSyntax.isPunctuation(c)) return true;
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }
}
