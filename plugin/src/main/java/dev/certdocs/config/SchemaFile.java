package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.diagnostic.JsonSyntax;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.diagnostic.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A repository's schema file, read strictly: every key the format does not know, at every level,
 * every value of the wrong shape and every attribute name a required list gives that no schema
 * defines is a problem at its {@code line:col}, with "did you mean" where a known name is close.
 * All problems of the file are reported at once, in one {@link CertDocsException} with one
 * {@code path:line:col: message} line each, because a team fixing its schema should not have to
 * run the build once per typo. The keys are those of docs/content.md's "The schema file" and of the
 * JSON Schema shipped beside the built-in schema ({@code certdocs-schema.schema.json}).
 */
final class SchemaFile {

    static final List<String> TOP_LEVEL_KEYS = List.of("$schema", "description", "attributes", "kinds",
            "alwaysRequired", "severities");
    static final List<String> ATTRIBUTE_KEYS = List.of("type", "pattern", "patternHelp", "enum", "maxLength",
            "allowEmpty", "markup", "severity", "description");
    static final List<String> KIND_KEYS = List.of("required", "body", "label", "description");

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    /** Where each key (for object members) or value (for array items) starts, by JSON pointer. */
    private final Map<String, JsonLocation> locations = new HashMap<>();
    /** Problems as {@code path:line:col: message}, with where they start so that they are listed in file order. */
    private final List<Problem> problems = new ArrayList<>();

    private record Problem(int line, int column, String text) {
    }

    private SchemaFile(Path file) {
        this.file = file;
    }

    /**
     * The file's content as a JSON object, once it holds no problem; {@code builtInAttributes}
     * are the attribute names a required list may name besides the file's own.
     */
    static ObjectNode read(Path file, Collection<String> builtInAttributes) {
        SchemaFile reader = new SchemaFile(file);
        JsonNode root = reader.parse();
        reader.check(root, builtInAttributes);
        if (!reader.problems.isEmpty()) {
            throw new CertDocsException(reader.problems.stream()
                    .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                    .map(Problem::text).collect(Collectors.joining("\n")));
        }
        return (ObjectNode) root;
    }

    private JsonNode parse() {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CertDocsException("cannot read the schema file " + file + ": " + e.getMessage(), e);
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new CertDocsException(file + ":1:1: the schema file is empty; it must be a JSON object");
            locations.put("", p.currentTokenLocation());
            JsonNode root = value(p, "");
            if (p.nextToken() != null) {
                problem(p.currentTokenLocation(), "unexpected content after the schema object");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? ": " : ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
            throw new CertDocsException(file + where + "the schema file is not valid JSON: " + JsonSyntax.describe(e, 1));
        } catch (IOException e) {
            throw new CertDocsException("cannot read the schema file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Builds the value the parser is on, recording where each member and item starts. */
    private JsonNode value(JsonParser p, String pointer) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = pointer + "/" + key;
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (object.has(key)) problem(keyAt, "duplicate key '" + key + "' (the later one would win)");
                    locations.putIfAbsent(child, keyAt);
                    p.nextToken();
                    object.set(key, value(p, child));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + i++;
                    locations.put(child, p.currentTokenLocation());
                    array.add(value(p, child));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    // ---- the checks

    private void check(JsonNode root, Collection<String> builtInAttributes) {
        if (!root.isObject()) {
            problem("", "the schema must be a JSON object");
            return;
        }
        unknownKeys(root, "", TOP_LEVEL_KEYS, "top-level key");
        text(root, "", "$schema");
        text(root, "", "description");
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(builtInAttributes);
        JsonNode attributes = root.get("attributes");
        if (attributes != null) {
            if (object(attributes, "/attributes", "'attributes'")) {
                attributes.fieldNames().forEachRemaining(known::add);
                attributes.fields().forEachRemaining(e -> attribute(e.getKey(), e.getValue()));
            }
        }
        JsonNode kinds = root.get("kinds");
        if (kinds != null && object(kinds, "/kinds", "'kinds'")) {
            kinds.fields().forEachRemaining(e -> kind(e.getKey(), e.getValue(), known));
        }
        if (root.has("alwaysRequired")) attributeNames(root.get("alwaysRequired"), "/alwaysRequired", "alwaysRequired", known);
        JsonNode severities = root.get("severities");
        if (severities != null && object(severities, "/severities", "'severities'")) {
            List<String> ids = Rules.ALL.stream().map(Rule::id).toList();
            severities.fields().forEachRemaining(e -> {
                String pointer = "/severities/" + e.getKey();
                if (Rules.byId(e.getKey()).isEmpty()) {
                    problem(pointer, "severities: unknown rule id '" + e.getKey() + "'"
                            + Suggestions.didYouMean(e.getKey(), ids));
                } else {
                    severity(e.getValue(), pointer, "severities." + e.getKey());
                }
            });
        }
    }

    private void attribute(String name, JsonNode spec) {
        String pointer = "/attributes/" + name;
        String where = "attributes." + name;
        if (!object(spec, pointer, where)) return;
        unknownKeys(spec, pointer, ATTRIBUTE_KEYS, "key in " + where);
        JsonNode type = spec.get("type");
        if (type != null) {
            List<String> types = List.of("text", "list", "integer", "kind", "clouds");
            if (!type.isTextual() || !types.contains(type.asText().toLowerCase(Locale.ROOT))) {
                problem(pointer + "/type", where + ".type: " + shown(type) + " is not one of "
                        + String.join(", ", types) + (type.isTextual() ? Suggestions.didYouMean(type.asText(), types) : ""));
            }
        }
        JsonNode pattern = spec.get("pattern");
        if (text(spec, pointer, "pattern")) {
            try {
                Pattern.compile(pattern.asText());
            } catch (PatternSyntaxException e) {
                problem(pointer + "/pattern", where + ".pattern is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        text(spec, pointer, "patternHelp");
        text(spec, pointer, "description");
        if (spec.has("enum")) strings(spec.get("enum"), pointer + "/enum", where + ".enum");
        JsonNode maxLength = spec.get("maxLength");
        if (maxLength != null && !(maxLength.canConvertToInt() && maxLength.isIntegralNumber() && maxLength.asInt() >= 0)) {
            problem(pointer + "/maxLength", where + ".maxLength must be a whole number of 0 or more");
        }
        for (String flag : List.of("allowEmpty", "markup")) {
            JsonNode v = spec.get(flag);
            if (v != null && !v.isBoolean()) problem(pointer + "/" + flag, where + "." + flag + " must be true or false");
        }
        if (spec.has("severity")) severity(spec.get("severity"), pointer + "/severity", where + ".severity");
    }

    private void kind(String name, JsonNode spec, Set<String> knownAttributes) {
        String pointer = "/kinds/" + name;
        String where = "kinds." + name;
        if (!object(spec, pointer, where)) return;
        unknownKeys(spec, pointer, KIND_KEYS, "key in " + where);
        JsonNode body = spec.get("body");
        if (body != null) {
            List<String> bodies = List.of("markdown", "json", "form");
            if (!body.isTextual() || !bodies.contains(body.asText().toLowerCase(Locale.ROOT))) {
                problem(pointer + "/body", where + ".body: " + shown(body) + " is not one of "
                        + String.join(", ", bodies) + (body.isTextual() ? Suggestions.didYouMean(body.asText(), bodies) : ""));
            }
        }
        text(spec, pointer, "label");
        text(spec, pointer, "description");
        if (spec.has("required")) attributeNames(spec.get("required"), pointer + "/required", where + ".required", knownAttributes);
    }

    /** A required list: strings, each an attribute the built-in schema or the file defines. */
    private void attributeNames(JsonNode list, String pointer, String where, Set<String> known) {
        if (!strings(list, pointer, where)) return;
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i).asText();
            if (!known.contains(name)) {
                problem(pointer + "/" + i, where + ": unknown attribute '" + name + "'"
                        + Suggestions.closest(name, known).map(s -> ", did you mean '" + s + "'?")
                                .orElse(" (define it under 'attributes')"));
            }
        }
    }

    private void unknownKeys(JsonNode object, String pointer, List<String> allowed, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(pointer + "/" + key, "unknown " + what + " '" + key + "'"
                        + Suggestions.closest(key, allowed).map(s -> ", did you mean '" + s + "'?")
                                .orElse(" (expected one of " + String.join(", ", allowed) + ")"));
            }
        }
    }

    private boolean object(JsonNode node, String pointer, String where) {
        if (node.isObject()) return true;
        problem(pointer, where + " must be an object");
        return false;
    }

    /** True when the key is present and holds a string; a problem when it holds something else. */
    private boolean text(JsonNode object, String pointer, String key) {
        JsonNode v = object.get(key);
        if (v == null) return false;
        if (v.isTextual()) return true;
        String owner = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.') + ".";
        problem(pointer + "/" + key, owner + key + " must be a string");
        return false;
    }

    private boolean strings(JsonNode node, String pointer, String where) {
        boolean ok = node.isArray();
        if (ok) for (JsonNode item : node) ok &= item.isTextual();
        if (!ok) problem(pointer, where + " must be an array of strings");
        return ok;
    }

    private void severity(JsonNode value, String pointer, String where) {
        if (value.isTextual() && Severity.parse(value.asText()).isPresent()) return;
        List<String> names = List.of("error", "warning", "note", "off");
        problem(pointer, where + ": " + shown(value) + " is not one of error, warning, note, off"
                + (value.isTextual() ? Suggestions.didYouMean(value.asText(), names) : ""));
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }

    private void problem(String pointer, String message) {
        problem(locations.get(pointer), message);
    }

    private void problem(JsonLocation loc, String message) {
        problems.add(loc == null
                ? new Problem(0, 0, file + ": " + message)
                : new Problem(loc.getLineNr(), loc.getColumnNr(), file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": " + message));
    }
}
