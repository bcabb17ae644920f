package dev.certdocs.model;

/**
 * An {@code [!INCLUDE [title](target)]} directive: the target as written, relative to its file, and
 * how deep the Markdown nests where it is written (the included text nests that much deeper).
 */
public record Include(String title, String target, SourcePosition position, int nesting) {

    /** A directive whose nesting was not measured. */
    public Include(String title, String target, SourcePosition position) {
        this(title, target, position, 0);
    }
}
