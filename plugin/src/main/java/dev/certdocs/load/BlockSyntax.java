package dev.certdocs.load;

/** Block structure read from a line's start: block-quote marks, indentation, table delimiter rows. */
final class BlockSyntax {

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
}
