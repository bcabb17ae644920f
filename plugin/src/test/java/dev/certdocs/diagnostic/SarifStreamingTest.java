package dev.certdocs.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.model.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streamed SARIF writer against the tree-based one it replaced (kept here as the oracle):
 * the same bytes for a run alone, for runs merged into a file one goal after another and
 * written again, and when the old file is not JSON or not UTF-8.
 */
class SarifStreamingTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The oracle: {@code existing} (a SARIF file, or null) with this run in place of the goal's old one; anything unreadable is replaced. */
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

    private static String uri(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }
    private static String level(Severity s) {
        return switch (s) { case ERROR -> "error"; case WARNING -> "warning"; case NOTE, OFF -> "note"; };
    }

    static List<RunSummary> runs() {
        Diagnostic rel = new Diagnostic(Severity.ERROR, "link/air-gapped", new SourcePosition("includes/a b.md", 3, 4),
                "reaches \"x\" \ud800 half", List.of(new SourcePosition("articles/x.md", 1, 2), new SourcePosition("articles/y.md", 5, 6)));
        RunSummary links = new RunSummary("check-links", "1.2.3", List.of("articles/x.md"), List.of(new Finding(rel, false),
                new Finding(rel, true)), List.of(Rules.LINK_BROKEN_INTERNAL), java.time.Duration.ofMillis(100));
        RunSummary gen = new RunSummary("generate", "1.2.3", List.of(), List.of(), Rules.ALL, java.time.Duration.ofMillis(1));
        return List.of(ReportsTest.run(), links, gen);
    }

    @Test
    void writesTheBytesTheTreeWriterWrote() throws Exception {
        for (RunSummary r : runs()) {
            assertEquals(merge(null, r), SarifReport.render(r));
        }
        Path dir = Files.createTempDirectory("sarif");
        Path f = dir.resolve("r.sarif");
        String expected = null;
        for (RunSummary r : runs()) {
            expected = merge(Files.exists(f) ? Files.readString(f) : null, r);
            SarifReport.write(r, f);
            assertEquals(new String(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8), Files.readString(f));
        }
        for (RunSummary r : runs()) {
            expected = merge(Files.exists(f) ? Files.readString(f) : null, r);
            SarifReport.write(r, f);
            assertEquals(new String(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8), Files.readString(f));
        }
        Files.writeString(f, "{\"version\":\"2.1.0\",\"runs\":[{\"automationDetails\":{\"id\":\"x\"}}, {bad");
        SarifReport.write(runs().get(0), f);
        assertEquals(new String(merge(null, runs().get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8), Files.readString(f));
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        SarifReport.write(runs().get(0), f);
        assertEquals(new String(merge(null, runs().get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8), Files.readString(f));
    }
}
