package dev.certdocs.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certdocs.config.KindSpec;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Article;
import dev.certdocs.model.SourcePosition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code body/json-invalid} and {@code body/json-schema}: a JSON kind's body holds, after its H1,
 * a JSON document between two {@code ---} lines; for the problem-scoping form it must define
 * {@code formElements}, each with a unique {@code id}, a whole-number {@code order} (unique too),
 * a known {@code controlType}, a {@code displayLabel} and a boolean {@code required}; choice
 * controls list their {@code dropdownOptions}.
 */
final class JsonBody implements ArticleCheck {

    /** The control types the Azure portal's problem-scoping forms render. */
    static final List<String> CONTROL_TYPES = List.of("textbox", "multilinetextbox", "dropdown",
            "multiselectdropdown", "radiobuttongroup", "checkbox", "datetimepicker", "infoblock");
    private static final Set<String> CHOICE_CONTROLS = Set.of("dropdown", "multiselectdropdown", "radiobuttongroup");
    private static final List<String> ELEMENT_KEYS = List.of("id", "order", "controlType", "displayLabel", "required");

    @Override
    public List<Rule> rules() {
        return List.of(Rules.BODY_JSON_INVALID, Rules.BODY_JSON_SCHEMA);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        var kind = context.config().schema().kind(article.props().value("selfHelpType").strip());
        if (kind.isEmpty() || kind.get().body() == KindSpec.BodyType.MARKDOWN) return;
        if (article.body().json().isEmpty()) {
            context.report(out, Rules.BODY_JSON_INVALID, new SourcePosition(article.path(), article.body().firstLine(), 1),
                    "a " + kind.get().name() + " article needs, after its H1, a JSON document between two '---' lines");
            return;
        }
        JsonDocument doc;
        try {
            doc = JsonDocument.parse(article.path(), article.body().json().get());
        } catch (JsonDocument.Invalid e) {
            context.report(out, Rules.BODY_JSON_INVALID, e.position, "the JSON document is not valid JSON: " + e.getMessage());
            return;
        }
        if (!doc.root.isObject()) {
            context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(""), "the JSON document must be an object");
            return;
        }
        if (kind.get().body() == KindSpec.BodyType.FORM) checkForm(doc, context, out);
    }

    private static void checkForm(JsonDocument doc, CheckContext context, List<Diagnostic> out) {
        JsonNode elements = doc.root.get("formElements");
        if (elements == null || !elements.isArray()) {
            context.report(out, Rules.BODY_JSON_SCHEMA, doc.position("/formElements"),
                    "the form must have a 'formElements' array");
            return;
        }
        Map<String, String> ids = new HashMap<>();
        Map<Long, String> orders = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            String at = "/formElements/" + i;
            JsonNode e = elements.get(i);
            if (!e.isObject()) {
                context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at), "formElements[" + i + "] must be an object");
                continue;
            }
            String name = e.path("id").isTextual() && !e.get("id").asText().isBlank()
                    ? "'" + e.get("id").asText() + "'" : "formElements[" + i + "]";
            for (String key : ELEMENT_KEYS) {
                if (!e.has(key)) {
                    context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at),
                            "form element " + name + " has no '" + key + "'");
                }
            }
            JsonNode id = e.get("id");
            if (id != null) {
                if (!id.isTextual() || id.asText().isBlank()) {
                    context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/id"),
                            "form element id must be a non-empty string");
                } else {
                    String earlier = ids.putIfAbsent(id.asText(), at);
                    if (earlier != null) {
                        SourcePosition first = doc.position(earlier + "/id");
                        context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/id"), "form element id '"
                                + id.asText() + "' is already used at " + first.line() + ":" + first.column());
                    }
                }
            }
            JsonNode order = e.get("order");
            if (order != null) {
                if (!order.canConvertToExactIntegral() || !order.isNumber()) {
                    context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/order"),
                            "form element " + name + ": 'order' must be a whole number, not " + order);
                } else {
                    String earlier = orders.putIfAbsent(order.asLong(), at);
                    if (earlier != null) {
                        SourcePosition first = doc.position(earlier + "/order");
                        context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/order"), "form element " + name
                                + ": order " + order.asLong() + " is already used at " + first.line() + ":" + first.column());
                    }
                }
            }
            JsonNode type = e.get("controlType");
            if (type != null && (!type.isTextual() || !CONTROL_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT)))) {
                context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/controlType"), "form element " + name
                        + ": unknown controlType " + type + Suggestions.didYouMeanOrStop(type.asText(), CONTROL_TYPES)
                        + " Known types: " + String.join(", ", CONTROL_TYPES) + ".");
            } else if (type != null && CHOICE_CONTROLS.contains(type.asText().toLowerCase(java.util.Locale.ROOT))) {
                JsonNode options = e.get("dropdownOptions");
                if (options == null || !options.isArray() || options.isEmpty()) {
                    context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/controlType"), "form element " + name
                            + ": a " + type.asText() + " needs a non-empty 'dropdownOptions' array");
                }
            }
            JsonNode label = e.get("displayLabel");
            if (label != null && (!label.isTextual() || label.asText().isBlank())) {
                context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/displayLabel"),
                        "form element " + name + ": 'displayLabel' must be a non-empty string");
            }
            JsonNode required = e.get("required");
            if (required != null && !required.isBoolean()) {
                context.report(out, Rules.BODY_JSON_SCHEMA, doc.position(at + "/required"),
                        "form element " + name + ": 'required' must be true or false, not " + required);
            }
        }
    }
}
