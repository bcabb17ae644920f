package dev.certdocs.diagnostic;

import java.time.Duration;
import java.util.List;

/**
 * What one goal run found, for the report writers: the goal, the files it checked (one JUnit
 * test case each), every finding in source order, the rules that could fire, how long it took.
 */
public record RunSummary(String goal, String toolVersion, List<String> files, List<Finding> findings,
                         List<Rule> rules, Duration time) {

    public RunSummary {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.baselined() && f.severity() == severity).count();
    }

    public long baselined() {
        return findings.stream().filter(Finding::baselined).count();
    }

    /** The closing line: {@code 17 articles, 0 errors, 2 warnings (3 more in the baseline) in 0.40 s}. */
    public String closingLine(String unit) {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        long notes = count(Severity.NOTE);
        StringBuilder sb = new StringBuilder();
        sb.append(files.size()).append(' ').append(unit).append(files.size() == 1 ? "" : "s").append(", ")
                .append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings");
        if (notes > 0) sb.append(", ").append(notes).append(notes == 1 ? " note" : " notes");
        if (baselined() > 0) sb.append(" (").append(baselined()).append(" more in the baseline)");
        sb.append(String.format(java.util.Locale.ROOT, " in %.2f s", time.toNanos() / 1e9));
        return sb.toString();
    }
}
