package dev.certdocs.load;

import dev.certdocs.model.SourcePosition;
import java.util.Arrays;

/**
 * A file's text with line breaks normalised to {@code \n} and the BOM removed, able to turn an
 * offset into a {@code line:column} position.
 */
public final class SourceText {

    private final String path;
    private final String text;
    /** Where each line starts, in the first {@link #lines} entries (the array is not cut to size: the text is mostly short-lived). */
    private final int[] lineStarts;
    private final int lines;

    public SourceText(String path, String raw) {
        this.path = path;
        String t = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (t.indexOf('\r') >= 0) t = t.replace("\r\n", "\n").replace('\r', '\n');
        this.text = t;
        // Sized for lines of about 40 characters, so that most files never grow it.
        int[] starts = new int[t.length() / 40 + 16];
        int n = 0;
        starts[n++] = 0;
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = i + 1;
        }
        this.lineStarts = starts;
        this.lines = n;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lines;
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, 0, lines, Math.min(Math.max(offset, 0), text.length()));
        return i >= 0 ? i + 1 : -i - 1;
    }

    public int lineStart(int line) {
        return lineStarts[java.util.Objects.checkIndex(line - 1, lines)];
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int start = lineStarts[java.util.Objects.checkIndex(line - 1, lines)];
        int end = line < lines ? lineStarts[line] - 1 : text.length();
        return text.substring(start, end);
    }

    /**
     * The offset in this text of an offset in the {@code raw} text it was made from (the BOM and
     * the CR of each CRLF are not in this text).
     */
    public static int normalisedOffset(String raw, int rawOffset) {
        int offset = rawOffset;
        if (raw.startsWith("\uFEFF") && rawOffset > 0) offset--;
        for (int i = raw.indexOf('\r'); i >= 0 && i < rawOffset; i = raw.indexOf('\r', i + 1)) {
            if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') offset--;
        }
        return offset;
    }

    public SourcePosition position(int offset) {
        int line = lineOf(offset);
        int clamped = Math.min(Math.max(offset, 0), text.length());
        return new SourcePosition(path, line, clamped - lineStarts[line - 1] + 1);
    }
}
