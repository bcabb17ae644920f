package dev.certdocs.model;

/**
 * A place in a source file: the path relative to the repository root (always with {@code /}),
 * a 1-based line and a 1-based column counted in characters.
 */
public record SourcePosition(String path, int line, int column) implements Comparable<SourcePosition> {

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position must be 1-based: " + path + ":" + line + ":" + column);
        }
    }

    /** The start of a file. */
    public static SourcePosition start(String path) {
        return new SourcePosition(path, 1, 1);
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = path.compareTo(o.path);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
