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
    private final int[] lineStarts;

    public SourceText(String path, String raw) {
        this.path = path;
        String t = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (t.indexOf('\r') >= 0) t = t.replace("\r\n", "\n").replace('\r', '\n');
        this.text = t;
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
        return i >= 0 ? i + 1 : -i - 1;
    }

    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
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
