package dev.certdocs.model;

import java.util.List;

/**
 * Text that {@code certdocs:new} writes into a new article for its author to replace, found where
 * it was left in a body. The texts are defined here, once, for the scaffold that writes them and
 * the loader that finds them: a reworded placeholder is still found.
 */
public record Placeholder(String text, SourcePosition position) {

    public static final String SYMPTOM = "Describe the symptom in a sentence or two.";
    public static final String CAUSE = "What causes it.";
    public static final String FIRST_STEP = "The first step.";

    /** Every placeholder text of a new Markdown article. */
    public static final List<String> TEXTS = List.of(SYMPTOM, CAUSE, FIRST_STEP);
}
