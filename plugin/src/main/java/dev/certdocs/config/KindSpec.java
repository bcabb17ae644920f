package dev.certdocs.config;

import java.util.List;

/**
 * One article kind ({@code selfHelpType}): the attributes it requires beyond the always-required
 * ones, what its body holds, and the label readers see ("Troubleshooting guide").
 */
public record KindSpec(String name, List<String> required, BodyType body, String label, String description) {

    /** Markdown; a JSON document between {@code ---} lines; or the problem-scoping form (JSON, checked against the form schema). */
    public enum BodyType { MARKDOWN, JSON, FORM }

    public KindSpec {
        required = List.copyOf(required);
    }
}
