package dev.certdocs.model;

/** A {@code {{cloud.name}}} variable reference; {@code name} is the part after {@code cloud.}. */
public record VariableUse(String name, SourcePosition position) {
}
