package dev.certdocs.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One article as loaded: its repository-relative path, its file, its properties block (absent
 * when the block is missing or could not be parsed) and the structure of its body.
 */
public record Article(String path, Path file, Optional<Properties> properties, Body body) {

    /** The properties, or an empty block when the article has none. */
    public Properties props() {
        return properties.orElseGet(() -> new Properties(java.util.List.of(), SourcePosition.start(path)));
    }
}
