package dev.certdocs.model;

/** A Markdown heading: level 1-6, its plain text, its stable anchor id, where it is. */
public record Heading(int level, String text, String id, SourcePosition position) {
}
