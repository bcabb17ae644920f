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
        // By hand, not split(",") and strip(): every article's clouds are read several times per build.
        List<String> items = new ArrayList<>(4);
        int length = value.length();
        for (int start = 0; start <= length; ) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = start;
            while (from < end && Character.isWhitespace(value.charAt(from))) from++;
            int to = end;
            while (to > from && Character.isWhitespace(value.charAt(to - 1))) to--;
            if (to > from) items.add(value.substring(from, to));
            start = end + 1;
        }
        return items;
    }
}
