package dev.certdocs.load;

import java.util.Arrays;

/**
 * {@link Nesting} as it was before it read a {@code char[]} (issue 16, point 29), kept to hold the new
 * one to it ({@code NestingEquivalenceTest}). The nesting limit of Markdown, and the one measure of it that every goal uses. flexmark and the
 * visitors over its tree (the renderer's, the link scanner's) recurse once per level, so a line of
 * a thousand {@code >} or list markers overflows the stack of any thread; content may therefore
 * nest at most {@link #MAX_DEPTH} levels, counting together block quotes, list items, emphasis,
 * strikethrough and link or image brackets open at a point. ({@code <div>} nesting is left out:
 * flexmark keeps raw HTML flat, and jsoup builds and walks its tree without recursion.)
 *
 * <p>The measure is one pass over the characters, no parse: it over-counts rather than under-counts
 * (a delimiter that only may open counts as open, a list stays open until a blank line or a marker
 * to its left closes it), so text that passes it is never deeper for flexmark. Fenced code is not
 * counted. Load reports where a file crosses the limit ({@code body/too-deep}); the renderer and the
 * link scanner {@link #crossing find} the same point in the text they parse and parse only what
 * comes before that line. The measure reads lines, not flexmark's tree, and hostile text (raw HTML
 * and fences interleaved) can still parse deeper than it saw: the renderer measures the tree
 * itself before rendering it and cuts there too ({@code render.MarkdownHtml}), so no content,
 * however deep, reaches flexmark's recursion. A line that starts with hundreds of rule marks or
 * block markers counts as too deep as well, even in fenced code: flexmark's thematic-break
 * pattern and block parser recurse per mark.
 */
public final class NestingReference {

    /**
     * Levels of nesting allowed. Real articles stay under ten; with a 512 KiB thread stack flexmark
     * overflows at about 200 nested list items, so 32 leaves room for every construct combined.
     */
    public static final int MAX_DEPTH = 32;

    /**
     * Marks a line may start with: thematic-break marks, block quote and list markers (it crosses
     * the limit as if too deep; real rules have a few dozen, real lines a handful of markers).
     */
    static final int MAX_RULE_MARKS = 256;

    /**
     * What a file's text nests to: the deepest point ({@code max}, at most {@code MAX_DEPTH + 1}),
     * the offset where the limit is first crossed (-1 when it is not), and the depth at each of the
     * offsets asked for (the include directives: what an included file nests adds to that).
     */
    public record Depths(int max, int crossing, int[] at) {
    }

    private NestingReference() {
    }

    /** The offset in {@code text} where nesting first goes past {@link #MAX_DEPTH}, or -1. */
    public static int crossing(CharSequence text) {
        return measure(text, 0, new int[0]).crossing();
    }

    /**
     * Measures {@code text} from {@code from} (a line start); {@code offsets} (ascending) are the
     * points whose depth is wanted.
     */
    public static Depths measure(CharSequence text, int from, int[] offsets) {
        Scan scan = new Scan(text);
        for (int offset : offsets) scan.offset(offset);
        return scan.run(from);
    }

    /**
     * The same measure, line by line in another scanner's pass over the text (BodyScanner's), so that the text is
     * read once: {@link Scan#offset} the points whose depth is wanted as they are found (ascending, each before
     * the line that holds it is measured), {@link Scan#line} each line from the first line's start to the end of
     * the text, then {@link Scan#depths}. It gives what {@link #measure} gives on the same lines and offsets.
     */
    static Scan scan(String text) {
        return new Scan(text);
    }

    static final class Scan {
        /** The characters {@link #inline} acts on, by code point below 128. */
        private static final boolean[] INLINE_SYNTAX = new boolean[128];

        static {
            for (char c : "\\`*_~[]".toCharArray()) INLINE_SYNTAX[c] = true;
        }

        private final String text; // a String, not the CharSequence given: charAt and indexOf without an interface call
        private int[] offsets = new int[0];
        private int count; // how many offsets were given
        private int[] at = new int[0];
        private int next; // the next offset to give a depth to
        private int[] items = new int[8]; // content columns of the open list items, ascending
        private int open; // how many of them
        private int inline; // emphasis and brackets open in the current paragraph
        private final int[] delimiters = new int[3]; // of them, the levels opened by *, _ and ~
        private int brackets; // and those opened by [
        private int quotes; // block quote markers on the current line
        private int max;
        private int crossing = -1;
        private boolean blankBefore = true;
        private char fence; // the fence character while in fenced code, else 0
        private int fenceLength;
        private int fenceQuotes;
        private int fenceColumn;

        Scan(CharSequence text) {
            this.text = text.toString();
        }

        /** A point whose depth is wanted: at or after every point given before, and not in a line measured already. */
        void offset(int offset) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(4, count * 2));
                at = Arrays.copyOf(at, offsets.length);
            }
            offsets[count++] = offset;
        }

        Depths run(int from) {
            int length = text.length();
            int start = Math.max(0, from);
            while (start <= length) {
                int end = text.indexOf('\n', start);
                if (end < 0) end = length;
                line(start, end);
                start = end + 1;
            }
            return depths();
        }

        /** The measure of the lines given so far, and the depth at each offset given. */
        Depths depths() {
            while (next < count) at[next++] = depth();
            return new Depths(Math.min(max, MAX_DEPTH + 1), crossing, count == at.length ? at : Arrays.copyOf(at, count));
        }

        private int depth() {
            return quotes + open + inline;
        }

        /** Counts one level more at {@code offset}: where the limit is crossed, if it is. */
        private void deeper(int offset) {
            int d = depth();
            if (d > max) max = d;
            if (d > MAX_DEPTH && crossing < 0) crossing = offset;
        }

        private void reach(int offset) {
            while (next < count && offsets[next] <= offset) at[next++] = depth();
        }

        /**
         * One line; then, when it did not cross the limit otherwise, a line that starts with more
         * than {@link #MAX_RULE_MARKS} block marks crosses it wherever the measure thinks it is
         * (in fenced code too): flexmark's block parser recurses per mark, and where hostile text
         * makes the measure and flexmark disagree on where a fence is (raw HTML around fence lines),
         * such a line would otherwise reach it.
         */
        void line(int start, int end) {
            lineIn(start, end);
            if (crossing < 0 && end - start > MAX_RULE_MARKS) {
                int marks = 0;
                int first = -1;
                for (int i = start; i < end && marks <= MAX_RULE_MARKS; i++) {
                    char c = text.charAt(i);
                    if (c == '>' || c == '-' || c == '*' || c == '+' || c == '_' || c == '.' || c == ')') marks++;
                    else if (c != ' ' && c != '\t' && (c < '0' || c > '9')) break;
                    if (first < 0 && c != ' ' && c != '\t') first = i;
                }
                if (marks > MAX_RULE_MARKS) {
                    crossing = first;
                    max = MAX_DEPTH + 1;
                }
            }
        }

        private void lineIn(int start, int end) {
            reach(start);
            int pos = start;
            int column = 0;
            if (fence != 0) {
                int q = 0;
                while (pos < end) {
                    char c = text.charAt(pos);
                    if (c == ' ') column++;
                    else if (c == '\t') column += 4 - column % 4;
                    else if (c == '>') {
                        q++;
                        column++;
                    } else break;
                    pos++;
                }
                // Fenced code ends at its closing fence, or where its block quote or list item ends.
                boolean closed = q < fenceQuotes || (pos < end && column < fenceColumn);
                if (!closed) {
                    int run = run(pos, end, fence);
                    if (run >= fenceLength && blank(pos + run, end)) fence = 0;
                    return;
                }
                fence = 0;
                pos = start;
                column = 0;
            }
            quotes = 0;
            boolean marker = false;
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == ' ') {
                    column++;
                    pos++;
                } else if (c == '\t') {
                    column += 4 - column % 4;
                    pos++;
                } else if (c == '>') {
                    quotes++;
                    deeper(pos);
                    column++;
                    pos++;
                } else {
                    int width = listMarker(pos, end);
                    if (width == 0) break;
                    int spaces = 0;
                    while (pos + width + spaces < end && text.charAt(pos + width + spaces) == ' ') spaces++;
                    int content = column + width + (spaces == 0 || spaces > 4 ? 1 : spaces);
                    while (open > 0 && items[open - 1] > column) open--;
                    if (open == items.length) items = Arrays.copyOf(items, open * 2);
                    items[open++] = content;
                    marker = true;
                    deeper(pos);
                    column += width;
                    pos += width;
                }
            }
            if (pos == end && !marker) { // a blank line, or one with only block quote markers
                blankBefore = true;
                endParagraph();
                return;
            }
            if (!marker && blankBefore) {
                while (open > 0 && items[open - 1] > column) open--;
            }
            blankBefore = false;
            if (depth() > max) max = depth();
            char lead = pos < end ? text.charAt(pos) : '\0';
            if (lead == '`' || lead == '~') {
                int run = run(pos, end, lead);
                // A fence only when flexmark takes it for one: an info string with a backtick or a tilde
                // is not counted as one, so at worst its line is counted as inline text.
                if (run >= 3 && !infoHasFenceChar(pos + run, end)) {
                    fence = lead;
                    fenceLength = run;
                    fenceQuotes = quotes;
                    // The fence is in the innermost list item its indent reaches (a fence left of an
                    // item's content ends the list for flexmark, though the measure keeps it open).
                    fenceColumn = 0;
                    for (int k = 0; k < open; k++) if (items[k] <= column) fenceColumn = items[k];
                    endParagraph();
                    return;
                }
            }
            if (longRule(pos, end) && crossing < 0) {
                crossing = pos;
                max = MAX_DEPTH + 1;
            }
            inline(pos, end);
        }

        /**
         * A line that starts with more than {@link #MAX_RULE_MARKS} {@code *}, {@code -} or {@code _} and white
         * space: not nesting, but flexmark tries a thematic break on it with a pattern that recurses once per mark.
         */
        private boolean longRule(int pos, int end) {
            if (end - pos <= MAX_RULE_MARKS) return false;
            int marks = 0;
            for (int i = pos; i < end && marks <= MAX_RULE_MARKS; i++) {
                char c = text.charAt(i);
                if (c == '*' || c == '-' || c == '_') marks++;
                else if (c != ' ' && c != '\t') break; // the pattern is tried on the marks a line starts with
            }
            return marks > MAX_RULE_MARKS;
        }

        /**
         * Emphasis, strikethrough and brackets: the openers count, the closers give back. Other
         * characters change nothing and are stepped over: an offset among them gets its depth at the
         * next {@link #reach}, which is the same.
         */
        private void inline(int pos, int end) {
            while (pos < end) {
                char c = text.charAt(pos);
                if (!inlineSyntax(c)) {
                    pos++;
                    continue;
                }
                reach(pos);
                switch (c) {
                    case '\\' -> pos += 2;
                    case '`' -> {
                        int run = run(pos, end, '`');
                        int close = closingRun(pos + run, end, run);
                        pos = close >= 0 ? close + run : pos + run; // nothing in a code span nests
                    }
                    case '*', '_', '~' -> {
                        int run = run(pos, end, c);
                        delimiterRun(pos, run, c == '~' ? run / 2 : (run + 1) / 2,
                                pos > 0 ? text.charAt(pos - 1) : ' ', pos + run < end ? text.charAt(pos + run) : ' ');
                        pos += run;
                    }
                    case '[' -> {
                        brackets++;
                        inline++;
                        deeper(pos);
                        pos++;
                    }
                    case ']' -> {
                        if (brackets > 0) {
                            brackets--;
                            inline--;
                        }
                        pos++;
                    }
                    default -> pos++;
                }
            }
        }

        /**
         * A run of {@code *}, {@code _} or {@code ~} worth {@code levels} (pairs for {@code ~}): as
         * CommonMark's delimiter rules, a run that may close first closes the levels its own
         * character opened, and one that may open opens what is left. A run that may do both
         * (between two punctuation marks, or inside a word for {@code *} and {@code ~}) therefore
         * opens what it does not close; and a closer never gives back levels that another
         * character or a bracket opened.
         */
        private void delimiterRun(int pos, int run, int levels, char before, char after) {
            char c = text.charAt(pos);
            int kind = c == '*' ? 0 : c == '_' ? 1 : 2;
            boolean left = !space(after) && (!punctuation(after) || space(before) || punctuation(before));
            boolean right = !space(before) && (!punctuation(before) || space(after) || punctuation(after));
            boolean canOpen = left && (c != '_' || !right || punctuation(before));
            boolean canClose = right && (c != '_' || !left || punctuation(after));
            int remaining = levels;
            if (canClose) {
                int closed = Math.min(delimiters[kind], remaining);
                delimiters[kind] -= closed;
                inline -= closed;
                remaining -= closed;
            }
            if (canOpen && remaining > 0) {
                delimiters[kind] += remaining;
                inline += remaining;
                deeper(pos);
            }
        }

        private void endParagraph() {
            inline = 0;
            brackets = 0;
            delimiters[0] = 0;
            delimiters[1] = 0;
            delimiters[2] = 0;
        }

        /** The characters {@link #inline} acts on. */
        private static boolean inlineSyntax(char c) {
            return c < 128 && INLINE_SYNTAX[c];
        }

        /** The width of a list marker ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}) at {@code pos}, or 0. */
        private int listMarker(int pos, int end) {
            char c = text.charAt(pos);
            int width;
            if (c == '-' || c == '+' || c == '*') {
                width = 1;
            } else {
                int digits = 0;
                while (pos + digits < end && digits < 10 && Character.isDigit(text.charAt(pos + digits))) digits++;
                if (digits == 0 || digits > 9 || pos + digits >= end) return 0;
                char d = text.charAt(pos + digits);
                if (d != '.' && d != ')') return 0;
                width = digits + 1;
            }
            if (pos + width < end) {
                char after = text.charAt(pos + width);
                if (after != ' ' && after != '\t') return 0;
            }
            return width;
        }

        private int run(int pos, int end, char c) {
            int n = 0;
            while (pos + n < end && text.charAt(pos + n) == c) n++;
            return n;
        }

        /** Where a backtick run of exactly {@code length} starts after {@code from} on the line, or -1. */
        private int closingRun(int from, int end, int length) {
            int pos = from;
            while (pos < end) {
                if (text.charAt(pos) == '`') {
                    int run = run(pos, end, '`');
                    if (run == length) return pos;
                    pos += run;
                } else {
                    pos++;
                }
            }
            return -1;
        }

        private boolean infoHasFenceChar(int pos, int end) {
            for (int i = pos; i < end; i++) {
                char c = text.charAt(i);
                if (c == '`' || c == '~') return true;
            }
            return false;
        }

        private boolean blank(int pos, int end) {
            for (int i = pos; i < end; i++) {
                if (!space(text.charAt(i))) return false;
            }
            return true;
        }

        private static boolean space(char c) {
            return c == ' ' || c == '\t' || c == '\n' || Character.isWhitespace(c) || c == '\u00A0';
        }

        private static boolean punctuation(char c) {
            if (c < 128) return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
            int type = Character.getType(c);
            return type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
        }
    }
}
