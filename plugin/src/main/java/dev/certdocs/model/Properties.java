package dev.certdocs.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed properties block of an article: its attributes in source order and where the block
 * starts. Look-ups by name are case-insensitive, as the article format requires; when an
 * attribute is written twice the first one wins.
 */
public record Properties(List<Attribute> attributes, SourcePosition position) {

    public Properties {
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> find(String name) {
        for (Attribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** The value of an attribute, or {@code ""} when it is absent. */
    public String value(String name) {
        return find(name).map(Attribute::value).orElse("");
    }

    /** The comma-separated items of a list attribute, trimmed, empty items dropped. */
    public List<String> list(String name) {
        return splitList(value(name));
    }

    public static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String t = item.strip();
            if (!t.isEmpty()) items.add(t);
        }
        return items;
    }
}
