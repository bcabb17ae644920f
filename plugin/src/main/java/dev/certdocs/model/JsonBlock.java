package dev.certdocs.model;

/**
 * The JSON document between two {@code ---} lines of a JSON kind's body; {@code text} is
 * exactly the lines between the fences and {@code firstLine} the file line of its first line.
 */
public record JsonBlock(String text, int firstLine) {
}
