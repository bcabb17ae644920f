package dev.certdocs.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One article as loaded: its repository-relative path, its file, its properties block (absent
 * when the block is missing or could not be parsed), the structure of its body, and the clouds
 * its properties ask for ({@link #cloudIds()}, always derived from {@code properties}).
 */
public record Article(String path, Path file, Optional<Properties> properties, Body body,
                      java.util.List<String> cloudIds) {

    /**
     * Validation, the link checks and the plan each ask every article for its clouds: they are
     * computed once, here, from the properties.
     */
    public Article(String path, Path file, Optional<Properties> properties, Body body) {
        this(path, file, properties, body, cloudIds(properties));
    }

    /** The canonical constructor, for a copy of an article ({@code cloudIds} as {@link #cloudIds()} gave them). */
    public Article {
        cloudIds = java.util.List.copyOf(cloudIds);
    }

    /**
     * The clouds the article asks to be published in: {@code cloudEnvironments} minus
     * {@code disableClouds}, lower case, in the order written. Whether a cloud is known,
     * retired or built is for the caller to decide.
     */
    @Override
    public java.util.List<String> cloudIds() {
        return cloudIds;
    }

    private static java.util.List<String> cloudIds(Optional<Properties> properties) {
        if (properties.isEmpty()) return java.util.List.of();
        Properties p = properties.get();
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
