package dev.certdocs.diagnostic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one run, the rules with their default
 * levels, one result per finding with its file, line and column. Baselined findings are kept,
 * marked as externally suppressed. No timestamps: the same findings give the same file.
 */
public final class SarifReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static void write(RunSummary run, Path file) {
        ReportFiles.write(file, render(run));
    }

    public static String render(RunSummary run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode sarifRun = root.putArray("runs").addObject();
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
            if (f.baselined()) {
                ObjectNode s = r.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("justification", "listed in the certdocs baseline");
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF tree could not be serialised", e);
        }
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
