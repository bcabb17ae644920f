package dev.certdocs.diagnostic;

import dev.certdocs.support.CertDocsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The accepted problems of a repository adopting certdocs ({@code certdocs-baseline.json}).
 * An entry is matched by rule id, file and the text of the source line the problem is on
 * (white space folded), not by line number, so it keeps matching when unrelated lines of the
 * file move. Each entry has a count: with three accepted problems of one kind on one line text,
 * a fourth is new.
 */
public final class Baseline {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record RuleInFile(String rule, String path) {
    }

    private record Key(String rule, String path, String context) {
    }

    private final Map<Key, Integer> counts;

    private Baseline(Map<Key, Integer> counts) {
        this.counts = counts;
    }

    public static Baseline empty() {
        return new Baseline(Map.of());
    }

    /** Reads a baseline file; a missing file is an empty baseline. */
    public static Baseline read(Path file) {
        if (!Files.isRegularFile(file)) return empty();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<Key, Integer> counts = new HashMap<>();
            for (JsonNode e : root.path("entries")) {
                Key key = new Key(e.path("rule").asText(), e.path("path").asText(), e.path("context").asText());
                counts.merge(key, Math.max(1, e.path("count").asInt(1)), Integer::sum);
            }
            return new Baseline(counts);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new CertDocsException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": the baseline is not valid JSON (" + e.getOriginalMessage()
                    + "); fix it or write it anew with -Dcertdocs.updateBaseline");
        } catch (IOException e) {
            throw new CertDocsException("cannot read the baseline " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks the diagnostics the baseline accepts. {@code lineText} gives the source line a
     * diagnostic is on.
     */
    public List<Finding> apply(List<Diagnostic> diagnostics, Function<Diagnostic, String> lineText) {
        Map<Key, Integer> left = new HashMap<>(counts);
        List<Finding> out = new ArrayList<>(diagnostics.size());
        Function<Diagnostic, String> context = contexts(lineText);
        // The source line is looked up only for a diagnostic whose rule and file the baseline names: without a
        // baseline no file is read again, with one only the files it names.
        Set<RuleInFile> named = new HashSet<>();
        for (Key k : counts.keySet()) named.add(new RuleInFile(k.rule(), k.path()));
        for (Diagnostic d : diagnostics) {
            if (!named.contains(new RuleInFile(d.ruleId(), d.position().path()))) {
                out.add(new Finding(d, false));
                continue;
            }
            Key key = key(d, context);
            Integer n = left.get(key);
            boolean accepted = n != null && n > 0;
            if (accepted) left.put(key, n - 1);
            out.add(new Finding(d, accepted));
        }
        return out;
    }

    /** Writes a baseline that accepts exactly these diagnostics; entries sorted, so the file diffs well. */
    public static void write(Path file, List<Diagnostic> diagnostics, Function<Diagnostic, String> lineText) {
        Map<Key, Integer> counts = new TreeMap<>((a, b) -> {
            int c = a.path().compareTo(b.path());
            if (c == 0) c = a.rule().compareTo(b.rule());
            return c != 0 ? c : a.context().compareTo(b.context());
        });
        Map<Key, String> messages = new HashMap<>();
        Function<Diagnostic, String> context = contexts(lineText);
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.OFF) continue;
            Key key = key(d, context);
            counts.merge(key, 1, Integer::sum);
            messages.putIfAbsent(key, d.message());
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Problems accepted when certdocs was adopted; regenerate with -Dcertdocs.updateBaseline");
        root.put("version", 1);
        ArrayNode entries = root.putArray("entries");
        counts.forEach((k, n) -> {
            ObjectNode e = entries.addObject();
            e.put("rule", k.rule());
            e.put("path", k.path());
            e.put("context", k.context());
            e.put("count", n);
            e.put("message", messages.get(k));
        });
        try {
            ReportFiles.write(file, JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("baseline tree could not be serialised", e);
        }
    }

    public int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Key key(Diagnostic d, Function<Diagnostic, String> context) {
        return new Key(d.ruleId(), d.position().path(), context.apply(d));
    }

    /**
     * The context of a diagnostic, its source line with white space folded, worked out once per
     * line: thousands of problems on one long line (a hostile one) folded it once each.
     */
    private static Function<Diagnostic, String> contexts(Function<Diagnostic, String> lineText) {
        Map<String, String> byLine = new HashMap<>();
        return d -> byLine.computeIfAbsent(d.position().path() + "\n" + d.position().line(),
                k -> lineText.apply(d).strip().replaceAll("\\s+", " "));
    }
}
