package dev.certdocs.model;

/**
 * The destination of a Markdown link, image, reference definition or autolink, as the loader's
 * line scanner reads it: backslash escapes removed, character references still as written.
 *
 * @param destination the URL as written
 * @param image       whether the page embeds it as an image (an image, or a reference definition images use)
 * @param position    where the destination starts
 */
public record MarkdownLink(String destination, boolean image, SourcePosition position) {
}
