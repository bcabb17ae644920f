package dev.certdocs.diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A goal's run as GitHub-flavoured Markdown for the job summary page of a GitHub Actions run
 * ({@code $GITHUB_STEP_SUMMARY}): the closing line, the problems counted by rule, the first
 * problems with their positions, and the goal's own table (check-links' results). Each goal
 * appends its own section, so validate, generate and check-links in one job read top to bottom.
 */
public final class JobSummary {

    /** How many problems are listed one by one; the reports hold them all. */
    static final int LISTED = 20;

    private JobSummary() {
    }

    /** Appends the run's section to {@code file}. */
    public static void append(Path file, RunSummary run, String unit, List<String> table) throws IOException {
        Files.writeString(file, markdown(run, unit, table), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    static String markdown(RunSummary run, String unit, List<String> table) {
        StringBuilder md = new StringBuilder();
        List<Finding> open = run.findings().stream().filter(f -> !f.baselined()).toList();
        String mark = run.count(Severity.ERROR) > 0 ? "❌" : run.count(Severity.WARNING) > 0 ? "⚠️" : "✅";
        md.append("### ").append(mark).append(" certdocs ").append(run.goal()).append("\n\n")
                .append(run.closingLine(unit)).append("\n\n");
        if (!open.isEmpty()) {
            Map<String, long[]> byRule = new TreeMap<>();
            for (Finding f : open) {
                long[] counts = byRule.computeIfAbsent(f.diagnostic().ruleId(), r -> new long[3]);
                counts[f.severity() == Severity.ERROR ? 0 : f.severity() == Severity.WARNING ? 1 : 2]++;
            }
            md.append("| rule | errors | warnings | notes |\n|---|---:|---:|---:|\n");
            byRule.forEach((rule, c) -> md.append("| `").append(rule).append("` | ").append(c[0]).append(" | ")
                    .append(c[1]).append(" | ").append(c[2]).append(" |\n"));
            md.append('\n');
            md.append(open.size() > LISTED ? "First " + LISTED + " of " + open.size() + " problems" : "Problems")
                    .append(" (all of them in the SARIF, JUnit and HTML reports):\n\n");
            for (Finding f : open.subList(0, Math.min(LISTED, open.size()))) {
                Diagnostic d = f.diagnostic();
                md.append("- `").append(code(d.position().toString())).append("` ").append(d.severity().label())
                        .append(" `").append(d.ruleId()).append("` ").append(text(d.message())).append('\n');
            }
            md.append('\n');
        }
        if (!table.isEmpty()) {
            md.append("```\n");
            table.forEach(line -> md.append(line.replace("```", "'''")).append('\n'));
            md.append("```\n\n");
        }
        return md.toString();
    }

    /** A message as Markdown text: nothing in it can open a tag, a link or a table cell. */
    private static String text(String s) {
        return s.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[")
                .replace("]", "\\]").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String code(String s) {
        return s.replace("`", "'");
    }
}
