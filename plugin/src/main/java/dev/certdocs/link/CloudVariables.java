package dev.certdocs.link;

import dev.certdocs.config.Cloud;
import java.util.Set;

/**
 * Replaces {@code {{cloud.x}}} in link targets and heading text exactly as the renderer does in a
 * cloud's Markdown ({@link Cloud#expandVariables}), knowing every variable name of the catalog.
 */
final class CloudVariables {

    private final Set<String> known;

    CloudVariables(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    String expand(String text, Cloud cloud) {
        return cloud.expandVariables(text, known);
    }
}
