package dev.certdocs.model;

/**
 * A file of a rendered site: which cloud's site it belongs to, its path below that cloud's
 * version directory ({@code compute/vm-start-fails.html}), and its content.
 */
public record RenderedPage(String cloud, String path, String content) {
}
