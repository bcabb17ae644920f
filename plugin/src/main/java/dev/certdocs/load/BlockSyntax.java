package dev.certdocs.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Block structure read from a line's start: block-quote marks, indentation, table delimiter rows. */
final class BlockSyntax {

    /** The ATX heading pattern {@link #atxText} reads (and falls back on). */
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    /** Characters up to which a pattern that recurses once per repetition cannot overflow a thread's stack. */
    static final int SHORT_LINE = 256;

    private BlockSyntax() {
    }

    /** The line without its block-quote marks ({@code >}, each with up to three spaces before and one after). */
    static String stripQuotes(String line) {
        int start = 0;
        while (true) {
            int s = start;
            while (s < line.length() && s - start < 3 && line.charAt(s) == ' ') s++;
            if (s < line.length() && line.charAt(s) == '>') {
                start = s + 1;
                if (start < line.length() && line.charAt(start) == ' ') start++;
            } else {
                return line.substring(start);
            }
        }
    }

    /** Whether the line is a table's delimiter row: cells of {@code -} with optional {@code :} at either end, divided by {@code |}. */
    static boolean isTableDelimiter(String line) {
        String s = line.strip();
        if (s.startsWith("|")) s = s.substring(1);
        if (s.endsWith("|")) s = s.substring(0, s.length() - 1);
        for (String cell : s.split("\\|", -1)) {
            String c = cell.strip();
            if (c.startsWith(":")) c = c.substring(1);
            if (c.endsWith(":")) c = c.substring(0, c.length() - 1);
            if (c.isEmpty()) return false;
            for (int i = 0; i < c.length(); i++) {
                if (c.charAt(i) != '-') return false;
            }
        }
        return true;
    }

    /** Leading white space in columns, a tab counting to the next multiple of four. */
    static int indentColumns(String line) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') col++;
            else if (c == '\t') col += 4 - col % 4;
            else break;
        }
        return col;
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }

    /**
     * The column where a list item's content starts on the line that opens it ({@link
     * #startsListItem} true): after the marker, one to four spaces (one when there are five or
     * more, or none).
     */
    static int listItemContentColumn(String line) {
        int i = indent(line);
        char c = line.charAt(i);
        if (c == '-' || c == '*' || c == '+') {
            i++;
        } else {
            while (line.charAt(i) >= '0' && line.charAt(i) <= '9') i++;
            i++;
        }
        int spaces = 0;
        while (i + spaces < line.length() && line.charAt(i + spaces) == ' ') spaces++;
        return i + (spaces >= 1 && spaces <= 4 && i + spaces < line.length() ? spaces : 1);
    }

    /**
     * Whether the line starts with a list marker, as {@code ^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)}
     * finds it (a hand-written scan: a matcher per line was a good part of the loader's time). As
     * that pattern's {@code $}, the end of the line also counts after the marker when only a line
     * terminator follows it.
     */
    static boolean startsListItem(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && i < 3 && line.charAt(i) == ' ') i++;
        if (i == n) return false;
        char c = line.charAt(i);
        if (c == '-' || c == '*' || c == '+') {
            i++;
        } else {
            int digits = 0;
            while (i < n && digits < 9 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                i++;
                digits++;
            }
            if (digits == 0 || i == n || (line.charAt(i) != '.' && line.charAt(i) != ')')) return false;
            i++;
        }
        if (i == n) return true;
        char after = line.charAt(i);
        return after == ' ' || after == '\t' || (i == n - 1 && lineTerminator(after));
    }

    /** The characters other than {@code \n} that end a line for {@link java.util.regex.Pattern} ({@code $}, {@code .}). */
    static boolean lineTerminator(char c) {
        return c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * An ATX heading's text as {@code ^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$} matches
     * it (group 2, {@code ""} when absent), or {@code null} when the line is no ATX heading. The
     * pattern is hand-written: it ran on every heading twice, and its lazy group made it quadratic
     * in runs of spaces. A line with a character that ends a line for the pattern ({@code .} does
     * not match it) is left to the pattern itself.
     */
    static String atxText(String line) {
        int n = line.length();
        for (int k = 0; k < n; k++) {
            if (lineTerminator(line.charAt(k))) {
                Matcher m = ATX.matcher(line);
                return !m.matches() ? null : m.group(2) == null ? "" : m.group(2);
            }
        }
        int i = 0;
        while (i < n && i < 3 && line.charAt(i) == ' ') i++;
        int hashes = 0;
        while (i < n && line.charAt(i) == '#') {
            i++;
            hashes++;
        }
        if (hashes == 0 || hashes > 6) return null;
        if (i == n) return "";
        if (!spaceOrTab(line.charAt(i))) return null;
        while (i < n && spaceOrTab(line.charAt(i))) i++;
        // The shortest text after which only white space is left, or white space, a closing run of '#' and white space.
        int end = n;
        while (end > i && spaceOrTab(line.charAt(end - 1))) end--;
        int closing = end;
        while (closing > i && line.charAt(closing - 1) == '#') closing--;
        if (closing < end && closing > i && spaceOrTab(line.charAt(closing - 1))) {
            end = closing;
            while (end > i && spaceOrTab(line.charAt(end - 1))) end--;
        }
        return line.substring(i, end);
    }

    /**
     * Whether a thematic break's pattern may match the line: only spaces, tabs and {@code mark}. Lines longer
     * than {@link #SHORT_LINE} are left to the pattern, which recurses per mark and may overflow
     * there ({@code BodyScanner} reports such a line): the answer stays what it was.
     */
    static boolean mayBeThematicBreak(String line, char mark) {
        if (line.length() > SHORT_LINE) return true;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c != mark && !spaceOrTab(c)) return false;
        }
        return true;
    }

    private static boolean spaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }
}
