package dev.certdocs.diagnostic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.model.SourcePosition;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifReport() {
    }

    /**
     * Writes this goal's run into the file, keeping the other goals' runs of a file written before.
     * Streamed both ways: the old file is read one run at a time and the new run written as it is
     * made, so a report of tens of thousands of findings is never held as a tree (at 100,000
     * articles the old file alone is over 20 MB).
     */
    public static void write(RunSummary run, Path file) {
        ReportFiles.write(file, out -> {
            try (Reader old = ReportFiles.openIfPresent(file)) {
                streamed(old, run, out);
            } catch (JsonProcessingException | CharacterCodingException unreadable) {
                return false; // an unreadable old file is replaced by this run alone
            }
            return true;
        }, out -> streamed(null, run, out));
    }

    /** The file with only this run. */
    public static String render(RunSummary run) {
        StringWriter out = new StringWriter();
        try {
            streamed(null, run, out);
        } catch (IOException e) {
            throw new IllegalStateException("SARIF could not be written to memory", e);
        }
        return out.toString();
    }

    /**
     * Writes {@code old}'s runs (a SARIF file, or null) to {@code out} with this run in place of
     * the goal's old one (or after them). Throws {@link JsonProcessingException} when {@code old}
     * is not readable SARIF 2.1.0, which then is replaced.
     */
    static void streamed(Reader old, RunSummary run, Writer out) throws IOException {
        String id = "certdocs/" + run.goal() + "/";
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            boolean placed = false;
            if (old != null) {
                try (JsonParser p = JSON.getFactory().createParser(old)) {
                    placed = copyRuns(p, g, run, id);
                }
            }
            if (!placed) writeRun(g, run);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** Copies the old file's runs, this run in place of the goal's; whether it was placed. */
    private static boolean copyRuns(JsonParser p, JsonGenerator g,
                                    RunSummary run, String id) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw notSarif(p);
        boolean version = false;
        boolean placed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("version")) {
                version = "2.1.0".equals(p.getValueAsString());
            } else if (field.equals("runs") && p.currentToken() == JsonToken.START_ARRAY) {
                // Written by certdocs, the version comes first; a file that puts it later is not merged.
                if (!version) throw notSarif(p);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode oldRun = p.readValueAsTree(); // one run at a time
                    if (id.equals(oldRun.path("automationDetails").path("id").asText())) {
                        if (!placed) writeRun(g, run);
                        placed = true;
                    } else {
                        JSON.writeTree(g, oldRun);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (!version) throw notSarif(p);
        return placed;
    }

    private static JsonProcessingException notSarif(JsonParser p) {
        return new JsonParseException(p, "not a SARIF 2.1.0 file with runs");
    }

    /** One goal's run: the tool and its rules, then a result per finding, written as it is made. */
    private static void writeRun(JsonGenerator g, RunSummary run) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "certdocs");
        g.writeStringField("version", run.toolVersion());
        g.writeStringField("informationUri", "https://certdocs.dev/");
        g.writeArrayFieldStart("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : run.rules()) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            g.writeStartObject();
            g.writeStringField("id", rule.id());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", rule.summary());
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(rule.defaultSeverity()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject(); // driver
        g.writeEndObject(); // tool
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "certdocs/" + run.goal() + "/");
        g.writeEndObject();
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeArrayFieldStart("results");
        for (Finding f : run.findings()) writeResult(g, f, ruleIndex);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Finding f, Map<String, Integer> ruleIndex)
            throws IOException {
        Diagnostic d = f.diagnostic();
        g.writeStartObject();
        g.writeStringField("ruleId", d.ruleId());
        Integer index = ruleIndex.get(d.ruleId());
        if (index != null) g.writeNumberField("ruleIndex", index);
        g.writeStringField("level", level(d.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", d.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysical(g, d.position());
        g.writeEndObject();
        g.writeEndArray();
        if (!d.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (SourcePosition at : d.related()) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                writePhysical(g, at);
                g.writeObjectFieldStart("message");
                g.writeStringField("text", "included here");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.baselined()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("justification", "listed in the certdocs baseline");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writePhysical(JsonGenerator g, SourcePosition at) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(at.path()));
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", at.line());
        g.writeNumberField("startColumn", at.column());
        g.writeEndObject();
        g.writeEndObject();
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
