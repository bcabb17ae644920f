package dev.certdocs.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One article as loaded: its repository-relative path, its file, its properties block (absent
 * when the block is missing or could not be parsed) and the structure of its body.
 */
public record Article(String path, Path file, Optional<Properties> properties, Body body) {

    /**
     * The clouds the article asks to be published in: {@code cloudEnvironments} minus
     * {@code disableClouds}, lower case, in the order written. Whether a cloud is known,
     * retired or built is for the caller to decide.
     */
    public java.util.List<String> cloudIds() {
        var disabled = props().list("disableClouds").stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
        return props().list("cloudEnvironments").stream().map(c -> c.toLowerCase(java.util.Locale.ROOT))
                .filter(c -> !disabled.contains(c)).distinct().toList();
    }

    /** The properties, or an empty block when the article has none. */
    public Properties props() {
        return properties.orElseGet(() -> new Properties(java.util.List.of(), SourcePosition.start(path)));
    }
}
