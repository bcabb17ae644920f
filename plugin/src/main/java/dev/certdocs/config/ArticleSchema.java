package dev.certdocs.config;

import dev.certdocs.diagnostic.Severity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The article schema in force: the built-in one of the design, extended or overridden by the
 * repository's schema file. Attribute and kind names are looked up ignoring case; the spec keeps
 * the canonical spelling.
 */
public final class ArticleSchema {

    private final List<String> alwaysRequired;
    private final Map<String, AttributeSpec> attributes;
    private final Map<String, KindSpec> kinds;
    /**
     * The same specs by their canonical spelling, looked up first: articles mostly write a name as
     * the schema does, and lower-casing {@code pageTitle} for every attribute of every article costs.
     */
    private final Map<String, AttributeSpec> attributesAsSpelled = new java.util.HashMap<>();
    private final Map<String, KindSpec> kindsAsSpelled = new java.util.HashMap<>();
    private final Map<String, Severity> severities;

    public ArticleSchema(List<String> alwaysRequired, Collection<AttributeSpec> attributes,
                         Collection<KindSpec> kinds, Map<String, Severity> severities) {
        this.alwaysRequired = List.copyOf(alwaysRequired);
        this.attributes = new LinkedHashMap<>();
        attributes.forEach(a -> this.attributes.put(key(a.name()), a));
        this.kinds = new LinkedHashMap<>();
        kinds.forEach(k -> this.kinds.put(key(k.name()), k));
        // Only the spec each case-folded name finds: two names differing in case find the same one either way.
        this.attributes.values().forEach(a -> attributesAsSpelled.put(a.name(), a));
        this.kinds.values().forEach(k -> kindsAsSpelled.put(k.name(), k));
        this.severities = Map.copyOf(severities);
    }

    public List<String> alwaysRequired() {
        return alwaysRequired;
    }

    public Optional<AttributeSpec> attribute(String name) {
        AttributeSpec spelled = attributesAsSpelled.get(name);
        return Optional.ofNullable(spelled != null ? spelled : attributes.get(key(name)));
    }

    public Collection<AttributeSpec> attributes() {
        return attributes.values();
    }

    public Optional<KindSpec> kind(String name) {
        KindSpec spelled = kindsAsSpelled.get(name);
        return Optional.ofNullable(spelled != null ? spelled : kinds.get(key(name)));
    }

    public Collection<KindSpec> kinds() {
        return kinds.values();
    }

    /** Severity overrides per rule id that the schema file sets. */
    public Map<String, Severity> severities() {
        return severities;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
