package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the built-in schema and merges a repository's schema file over it. In the file, an
 * attribute or kind that already exists (names compared ignoring case) has the fields the file
 * gives replaced and the others kept; a new name is added; {@code severities} are merged. The
 * format is documented in docs/content.md ("The schema file").
 */
public final class SchemaLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaLoader() {
    }

    public static ArticleSchema builtIn() {
        return load(Optional.empty());
    }

    /**
     * The built-in schema, with {@code file} merged over it when present. A file with problems
     * stops the build with all of them (see {@link SchemaFile}).
     */
    public static ArticleSchema load(Optional<Path> file) {
        ObjectNode merged = (ObjectNode) readBuiltIn();
        String source = "built-in schema";
        if (file.isPresent()) {
            source = file.get().toString();
            List<String> builtInAttributes = new ArrayList<>();
            merged.get("attributes").fieldNames().forEachRemaining(builtInAttributes::add);
            ObjectNode user = SchemaFile.read(file.get(), builtInAttributes);
            for (String section : List.of("attributes", "kinds", "severities")) {
                if (user.has(section)) mergeSection(merged, section, user.get(section));
            }
            if (user.has("alwaysRequired")) merged.set("alwaysRequired", user.get("alwaysRequired"));
        }
        return build(merged, source);
    }

    private static JsonNode readBuiltIn() {
        try (InputStream in = SchemaLoader.class.getResourceAsStream("builtin-schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in schema is missing from the plugin jar", e);
        }
    }

    private static void mergeSection(ObjectNode base, String section, JsonNode value) {
        ObjectNode target = (ObjectNode) base.get(section);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var e = it.next();
            String existing = findKey(target, e.getKey());
            if (existing != null && target.get(existing).isObject() && e.getValue().isObject()) {
                ObjectNode copy = ((ObjectNode) target.get(existing)).deepCopy();
                copy.setAll((ObjectNode) e.getValue());
                target.remove(existing);
                target.set(existing, copy);
            } else {
                if (existing != null) target.remove(existing);
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private static String findKey(ObjectNode node, String name) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) return k;
        }
        return null;
    }

    private static ArticleSchema build(ObjectNode root, String source) {
        List<String> always = strings(root.get("alwaysRequired"), source, "alwaysRequired");
        List<AttributeSpec> attributes = new ArrayList<>();
        root.get("attributes").fields().forEachRemaining(e -> attributes.add(attribute(e.getKey(), e.getValue(), source)));
        List<KindSpec> kinds = new ArrayList<>();
        root.get("kinds").fields().forEachRemaining(e -> kinds.add(kind(e.getKey(), e.getValue(), source)));
        Map<String, Severity> severities = new LinkedHashMap<>();
        root.get("severities").fields().forEachRemaining(e -> {
            String rule = e.getKey();
            if (Rules.byId(rule).isEmpty()) {
                throw new CertDocsException(source + ": severities: unknown rule id '" + rule + "'");
            }
            severities.put(rule, severity(e.getValue().asText(), source, "severities." + rule));
        });
        return new ArticleSchema(always, attributes, kinds, severities);
    }

    private static AttributeSpec attribute(String name, JsonNode n, String source) {
        String where = "attributes." + name;
        String typeText = n.path("type").asText("text");
        AttributeSpec.Type type;
        try {
            type = AttributeSpec.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CertDocsException(source + ": " + where + ".type: '" + typeText
                    + "' is not one of text, list, integer, kind, clouds");
        }
        Optional<Pattern> pattern = Optional.empty();
        if (n.hasNonNull("pattern")) {
            try {
                pattern = Optional.of(Pattern.compile(n.get("pattern").asText()));
            } catch (PatternSyntaxException e) {
                throw new CertDocsException(source + ": " + where + ".pattern is not a valid regular expression: "
                        + e.getDescription());
            }
        } else if (type == AttributeSpec.Type.INTEGER) {
            pattern = Optional.of(Pattern.compile("-?[0-9]+"));
        }
        String help = n.path("patternHelp").asText(type == AttributeSpec.Type.INTEGER ? "an integer" : "");
        Optional<Severity> severity = n.hasNonNull("severity")
                ? Optional.of(severity(n.get("severity").asText(), source, where + ".severity"))
                : Optional.empty();
        return new AttributeSpec(name, type, pattern, help,
                n.has("enum") ? strings(n.get("enum"), source, where + ".enum") : List.of(),
                n.path("maxLength").asInt(0),
                n.path("allowEmpty").asBoolean(false),
                n.path("markup").asBoolean(true),
                severity,
                n.path("description").asText(""));
    }

    private static KindSpec kind(String name, JsonNode n, String source) {
        String where = "kinds." + name;
        String bodyText = n.path("body").asText("markdown");
        KindSpec.BodyType body;
        try {
            body = KindSpec.BodyType.valueOf(bodyText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CertDocsException(source + ": " + where + ".body: '" + bodyText
                    + "' is not one of markdown, json, form");
        }
        List<String> required = n.has("required") ? strings(n.get("required"), source, where + ".required") : List.of();
        return new KindSpec(name, required, body, n.path("label").asText(name), n.path("description").asText(""));
    }

    private static List<String> strings(JsonNode n, String source, String where) {
        if (n == null || !n.isArray()) throw new CertDocsException(source + ": " + where + " must be an array of strings");
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Severity severity(String text, String source, String where) {
        return Severity.parse(text).orElseThrow(() -> new CertDocsException(
                source + ": " + where + ": '" + text + "' is not one of error, warning, note, off"));
    }
}
