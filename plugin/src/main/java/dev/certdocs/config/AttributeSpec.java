package dev.certdocs.config;

import dev.certdocs.diagnostic.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the schema says about one attribute: its canonical spelling, its type, and the checks on
 * its value. {@code pattern} applies to the whole value of a text or integer and to each item of
 * a list; {@code enumValues} (compared ignoring case) likewise. {@code severity}, when present,
 * replaces the default severity of {@code field/format} for this attribute.
 */
public record AttributeSpec(
        String name,
        Type type,
        Optional<Pattern> pattern,
        String patternHelp,
        List<String> enumValues,
        int maxLength,
        boolean allowEmpty,
        boolean markup,
        Optional<Severity> severity,
        String description) {

    /** Value types. {@code KIND} and {@code CLOUDS} are checked against the schema's kinds and the cloud catalog. */
    public enum Type { TEXT, LIST, INTEGER, KIND, CLOUDS }

    public AttributeSpec {
        enumValues = List.copyOf(enumValues);
    }

    public boolean isList() {
        return type == Type.LIST || type == Type.CLOUDS;
    }
}
