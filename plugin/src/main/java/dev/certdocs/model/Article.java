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
        // A loop, not streams: the plan, validation and the link checker ask for every article.
        Properties p = props();
        java.util.List<String> disabled = p.list("disableClouds");
        java.util.List<String> ids = new java.util.ArrayList<>(4);
        for (String c : p.list("cloudEnvironments")) {
            String id = c.toLowerCase(java.util.Locale.ROOT);
            boolean off = false;
            for (String d : disabled) off |= d.equalsIgnoreCase(id);
            if (!off && !ids.contains(id)) ids.add(id);
        }
        return java.util.List.copyOf(ids);
    }

    /** The properties, or an empty block when the article has none. */
    public Properties props() {
        return properties.orElseGet(() -> new Properties(java.util.List.of(), SourcePosition.start(path)));
    }
}
