package dev.certdocs.model;

/** An image reference, Markdown {@code ![alt](src)} or HTML {@code <img>}, with its alt text. */
public record Image(String source, String alt, SourcePosition position) {
}
