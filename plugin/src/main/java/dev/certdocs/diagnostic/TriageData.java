package dev.certdocs.diagnostic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A run's findings as the triage page reads them: each file, rule, team, folder and message
 * written once, and each finding as seven numbers that point into those lists
 * ({@code file, line, column, severity, rule, message, known}), so that 25,000 findings weigh a
 * few hundred kilobytes and the page renders only what is opened. Also the overview's counts by
 * rule, severity, team and folder, sorted by count.
 */
final class TriageData {

    /** Shown for a file with no owning team (an include, an article without {@code ownershipId}). */
    static final String NO_TEAM = "(no ownershipId)";
    /** Shown for a file directly in the content folder. */
    static final String TOP_LEVEL = "(top level)";
    /** The severities a finding can have, in the order the page lists them. */
    static final List<Severity> SEVERITIES = List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE);

    /** How many findings have a key, and how many of them the baseline already lists. */
    record Count(String key, long total, long known) {
        long fresh() {
            return total - known;
        }
    }

    private final RunSummary run;
    private final ReportContext context;

    TriageData(RunSummary run, ReportContext context) {
        this.run = run;
        this.context = context;
    }

    /** The owning team of a file: its article's {@code ownershipId}. */
    String team(String path) {
        String team = context.owners().get(path);
        return team == null || team.isBlank() ? NO_TEAM : team.strip();
    }

    /** The service folder of a file: the first folder under the content folder (a file outside it: its first folder). */
    String folder(String path) {
        String base = context.contentFolder();
        String rest = path;
        if (!base.isEmpty() && path.startsWith(base + "/")) rest = path.substring(base.length() + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? TOP_LEVEL : rest.substring(0, slash);
    }

    List<Count> byRule() {
        return counts(f -> f.diagnostic().ruleId());
    }

    List<Count> bySeverity() {
        return counts(f -> f.severity().label());
    }

    List<Count> byTeam() {
        return counts(f -> team(f.diagnostic().position().path()));
    }

    List<Count> byFolder() {
        return counts(f -> folder(f.diagnostic().position().path()));
    }

    /** Counts by key, the largest first, ties by key so the page is stable. */
    private List<Count> counts(Function<Finding, String> key) {
        Map<String, long[]> totals = new HashMap<>();
        for (Finding f : run.findings()) {
            long[] t = totals.computeIfAbsent(key.apply(f), k -> new long[2]);
            t[0]++;
            if (f.baselined()) t[1]++;
        }
        List<Count> out = new ArrayList<>();
        totals.forEach((k, t) -> out.add(new Count(k, t[0], t[1])));
        out.sort(Comparator.comparingLong(Count::total).reversed().thenComparing(Count::key));
        return out;
    }

    /**
     * The data as compact JSON that can stand inside a {@code <script type="application/json">}
     * element: {@code <}, {@code >} and {@code &} are written as {@code \u003c} escapes, so no
     * text from the content ({@code </script>}, {@code <!--}) can end the element or start markup.
     */
    String json() {
        Index files = new Index();
        Index rules = new Index();
        Index teams = new Index();
        Index folders = new Index();
        Index messages = new Index();
        List<Integer> fileTeam = new ArrayList<>();
        List<Integer> fileFolder = new ArrayList<>();
        int[] numbers = new int[run.findings().size() * 7];
        int k = 0;
        for (Finding f : run.findings()) {
            Diagnostic d = f.diagnostic();
            String path = d.position().path();
            int file = files.of(path);
            if (file == fileTeam.size()) {
                fileTeam.add(teams.of(team(path)));
                fileFolder.add(folders.of(folder(path)));
            }
            numbers[k++] = file;
            numbers[k++] = d.position().line();
            numbers[k++] = d.position().column();
            numbers[k++] = Math.max(0, SEVERITIES.indexOf(d.severity()));
            numbers[k++] = rules.of(d.ruleId());
            numbers[k++] = messages.of(d.message());
            numbers[k++] = f.baselined() ? 1 : 0;
        }
        StringWriter out = new StringWriter(64 + numbers.length * 4);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setCharacterEscapes(ScriptSafe.INSTANCE);
            g.writeStartObject();
            g.writeStringField("goal", run.goal());
            if (context.sourceUrl() == null) g.writeNullField("src");
            else g.writeStringField("src", context.sourceUrl());
            strings(g, "sev", SEVERITIES.stream().map(Severity::label).toList());
            strings(g, "rules", rules.list);
            strings(g, "teams", teams.list);
            strings(g, "folders", folders.list);
            strings(g, "files", files.list);
            numbers(g, "ft", fileTeam.stream().mapToInt(Integer::intValue).toArray());
            numbers(g, "fd", fileFolder.stream().mapToInt(Integer::intValue).toArray());
            strings(g, "msgs", messages.list);
            numbers(g, "f", numbers);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return out.toString();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, String name, int[] values) throws IOException {
        g.writeFieldName(name);
        g.writeArray(values, 0, values.length);
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** Each distinct string once, numbered in the order first seen. */
    private static final class Index {
        final List<String> list = new ArrayList<>();
        private final Map<String, Integer> numbers = new LinkedHashMap<>();

        int of(String s) {
            Integer n = numbers.get(s);
            if (n == null) {
                n = list.size();
                numbers.put(s, n);
                list.add(s);
            }
            return n;
        }
    }

    /** JSON's own escapes plus {@code <}, {@code >} and {@code &}: what a script element's text must not hold. */
    private static final class ScriptSafe extends CharacterEscapes {
        static final ScriptSafe INSTANCE = new ScriptSafe();
        private final int[] ascii;

        private ScriptSafe() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
