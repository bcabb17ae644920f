package dev.certdocs.diagnostic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.model.SourcePosition;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one run per goal (its
 * {@code automationDetails.id} is {@code certdocs/<goal>/}, a code-scanning category of its own),
 * the rules with their default levels, one result per finding with its file, line and column.
 * Baselined findings are kept, marked as externally suppressed. The goals share the file: writing
 * a goal's run replaces that goal's run and keeps the others. No timestamps: the same findings
 * give the same file.
 */
public final class SarifReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    /** Writes this goal's run into the file, keeping the other goals' runs of a file written before. */
    public static void write(RunSummary run, Path file) {
        ReportFiles.write(file, merge(ReportFiles.readIfPresent(file), run));
    }

    /** The file with only this run. */
    public static String render(RunSummary run) {
        return merge(null, run);
    }

    /** {@code existing} (a SARIF file, or null) with this run in place of the goal's old one; anything unreadable is replaced. */
    static String merge(String existing, RunSummary run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ArrayNode runs = root.putArray("runs");
        ObjectNode fresh = run(run);
        String id = fresh.path("automationDetails").path("id").asText();
        boolean placed = false;
        for (JsonNode old : oldRuns(existing)) {
            if (id.equals(old.path("automationDetails").path("id").asText())) {
                if (!placed) runs.add(fresh);
                placed = true;
            } else {
                runs.add(old);
            }
        }
        if (!placed) runs.add(fresh);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF tree could not be serialised", e);
        }
    }

    private static Iterable<JsonNode> oldRuns(String existing) {
        if (existing == null) return java.util.List.of();
        try {
            JsonNode old = JSON.readTree(existing);
            return old.path("version").asText().equals("2.1.0") && old.path("runs").isArray() ? old.path("runs")
                    : java.util.List.of();
        } catch (JsonProcessingException e) {
            return java.util.List.of();
        }
    }

    private static ObjectNode run(RunSummary run) {
        ObjectNode sarifRun = JSON.createObjectNode();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
        driver.put("name", "certdocs");
        driver.put("version", run.toolVersion());
        driver.put("informationUri", "https://certdocs.dev/");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : run.rules()) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", rule.summary());
            r.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        }
        sarifRun.putObject("automationDetails").put("id", "certdocs/" + run.goal() + "/");
        sarifRun.put("columnKind", "utf16CodeUnits");
        ArrayNode results = sarifRun.putArray("results");
        for (Finding f : run.findings()) {
            Diagnostic d = f.diagnostic();
            ObjectNode r = results.addObject();
            r.put("ruleId", d.ruleId());
            Integer index = ruleIndex.get(d.ruleId());
            if (index != null) r.put("ruleIndex", index);
            r.put("level", level(d.severity()));
            r.putObject("message").put("text", d.message());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(d.position().path()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", d.position().line());
            region.put("startColumn", d.position().column());
            if (!d.related().isEmpty()) {
                ArrayNode related = r.putArray("relatedLocations");
                int id = 1;
                for (SourcePosition at : d.related()) {
                    ObjectNode loc = related.addObject();
                    loc.put("id", id++);
                    ObjectNode p = loc.putObject("physicalLocation");
                    p.putObject("artifactLocation").put("uri", uri(at.path()));
                    ObjectNode rg = p.putObject("region");
                    rg.put("startLine", at.line());
                    rg.put("startColumn", at.column());
                    loc.putObject("message").put("text", "included here");
                }
            }
            if (f.baselined()) {
                ObjectNode s = r.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("justification", "listed in the certdocs baseline");
            }
        }
        return sarifRun;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE, OFF -> "note";
        };
    }

    private static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
