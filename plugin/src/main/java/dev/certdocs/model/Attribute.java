package dev.certdocs.model;

/**
 * One {@code name="value"} pair of a properties block: the name exactly as written (casing
 * kept), the value with entities decoded, where the name and the value start, and the value as
 * written ({@code rawValue}, entities not decoded), in which positions inside the value count.
 */
public record Attribute(String name, String value, SourcePosition position, SourcePosition valuePosition,
                        String rawValue) {

    /** An attribute whose value is written without entities. */
    public Attribute(String name, String value, SourcePosition position, SourcePosition valuePosition) {
        this(name, value, position, valuePosition, value);
    }
}
