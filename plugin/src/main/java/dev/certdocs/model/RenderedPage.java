package dev.certdocs.model;

import java.nio.charset.StandardCharsets;

/**
 * A file of a rendered site: which cloud's site it belongs to, its path below that cloud's
 * version directory ({@code compute/vm-start-fails.html}), and its content as UTF-8, the bytes
 * written (a template's page is encoded as it is written, once). Not to be changed once made.
 */
public record RenderedPage(String cloud, String path, byte[] utf8) {

    /** A file whose content is {@code content}, encoded as UTF-8. */
    public RenderedPage(String cloud, String path, String content) {
        this(cloud, path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The content as text (decoded each time). */
    public String content() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
