package dev.certdocs.model;

/** An {@code [!INCLUDE [title](target)]} directive: the target as written, relative to its file. */
public record Include(String title, String target, SourcePosition position) {
}
