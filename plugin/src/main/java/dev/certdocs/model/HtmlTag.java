package dev.certdocs.model;

import java.util.List;

/** An opening raw-HTML tag in Markdown, with its attributes as written. */
public record HtmlTag(String name, List<Attribute> attributes, SourcePosition position) {

    /** One attribute: its name and value (empty for a bare attribute). */
    public record Attribute(String name, String value) {
    }

    public HtmlTag {
        attributes = List.copyOf(attributes);
    }
}
