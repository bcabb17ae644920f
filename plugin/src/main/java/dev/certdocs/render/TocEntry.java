package dev.certdocs.render;

/** One entry of a page's table of contents: an h2 or h3, its anchor id and text. */
public record TocEntry(int level, String id, String text) {
}
