package dev.certdocs.model;

/**
 * One {@code name="value"} pair of a properties block, exactly as written (name casing kept,
 * entities decoded), with the position of its name.
 */
public record Attribute(String name, String value, SourcePosition position, SourcePosition valuePosition) {
}
