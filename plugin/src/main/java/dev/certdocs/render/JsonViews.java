package dev.certdocs.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.model.JsonBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The JSON kinds' documents as template data: the form preview, or flattened rows. */
final class JsonViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonViews() {
    }

    static Optional<JsonNode> parse(Optional<JsonBlock> block) {
        if (block.isEmpty()) return Optional.empty();
        try {
            return Optional.of(JSON.readTree(block.get().text()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty(); // validate reports it; a forced render shows no form
        }
    }

    static PageModel.FormView form(JsonNode root) {
        List<PageModel.FormElement> elements = new ArrayList<>();
        for (JsonNode e : root.path("formElements")) {
            if (!e.isObject()) continue;
            List<PageModel.FormOption> options = new ArrayList<>();
            for (JsonNode o : e.path("dropdownOptions")) {
                options.add(new PageModel.FormOption(o.path("value").asText(""), o.path("text").asText(o.path("value").asText(""))));
            }
            elements.add(new PageModel.FormElement(e.path("id").asText(""), e.path("order").asLong(0),
                    e.path("controlType").asText("textbox").toLowerCase(java.util.Locale.ROOT),
                    e.path("displayLabel").asText(""), e.path("required").asBoolean(false),
                    firstText(e, "infoBalloonText", "hint", "description"), firstText(e, "watermarkText", "placeholder"),
                    options));
        }
        elements.sort(Comparator.comparingLong(PageModel.FormElement::order));
        return new PageModel.FormView(elements);
    }

    static List<PageModel.JsonRow> rows(JsonNode root) {
        List<PageModel.JsonRow> rows = new ArrayList<>();
        flatten("", root, rows);
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, List<PageModel.JsonRow> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) flatten(prefix + "[" + i + "]", node.get(i), rows);
        } else {
            rows.add(new PageModel.JsonRow(prefix, node.isNull() ? "" : node.asText()));
        }
    }

    private static String firstText(JsonNode e, String... keys) {
        for (String k : keys) {
            if (e.hasNonNull(k) && !e.get(k).asText().isBlank()) return e.get(k).asText();
        }
        return "";
    }
}
