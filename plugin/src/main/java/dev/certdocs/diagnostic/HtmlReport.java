package dev.certdocs.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A report for people: one self-contained HTML page (no scripts, no external assets) with a
 * section per goal: its totals, then its findings grouped by file, each with its position,
 * severity, rule and message. The goals share the page: writing a goal's run replaces that
 * goal's section and keeps the others.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
            header{background:#0f3b66;color:#fff;padding:1.25rem 2rem}h1{margin:0;font-size:1.4rem}
            main{max-width:72rem;margin:0 auto;padding:1rem 2rem}
            .totals{display:flex;gap:1rem;margin:1rem 0}.totals div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem}
            .totals strong{display:block;font-size:1.4rem}
            section.goal{margin:0 0 2.5rem}h2{font-size:1.25rem;margin:1.5rem 0 .25rem}.closing{margin:0;color:#444}
            h3{font-size:1.05rem;margin:1.5rem 0 .5rem;font-family:ui-monospace,Consolas,monospace}
            table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #ddd}
            th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
            td.pos,td.rule{font-family:ui-monospace,Consolas,monospace;white-space:nowrap}
            .sev{border-radius:4px;padding:0 .4rem;font-size:.85rem;font-weight:600}
            .error{background:#fde7e9;color:#a4262c}.warning{background:#fff4ce;color:#7a5b00}.note{background:#e6f2fb;color:#0b5394}
            .baselined{opacity:.6}.clean{color:#107c10;font-weight:600}
            """;

    private static final Pattern SECTION = Pattern.compile(
            "(?s)<!-- certdocs:goal ([A-Za-z0-9-]+) -->\n.*?<!-- /certdocs:goal \\1 -->\n");

    private HtmlReport() {
    }

    /** Writes this goal's section into the page, keeping the other goals' sections of a page written before. */
    public static void write(RunSummary run, Path file) {
        ReportFiles.write(file, merge(ReportFiles.readIfPresent(file), run));
    }

    /** The page with only this run's section. */
    public static String render(RunSummary run) {
        return merge(null, run);
    }

    /** {@code existing} (a page this class wrote, or null) with this run's section in place of the goal's old one. */
    static String merge(String existing, RunSummary run) {
        List<String> sections = new ArrayList<>();
        String fresh = section(run);
        boolean placed = false;
        if (existing != null) {
            Matcher m = SECTION.matcher(existing);
            while (m.find()) {
                if (m.group(1).equals(run.goal())) {
                    if (!placed) sections.add(fresh);
                    placed = true;
                } else {
                    sections.add(m.group());
                }
            }
        }
        if (!placed) sections.add(fresh);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.append("<title>certdocs report</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<header><h1>certdocs report</h1></header>\n<main>\n");
        sections.forEach(h::append);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    /** One goal's findings: its closing line, the totals, then the findings grouped by file. */
    private static String section(RunSummary run) {
        StringBuilder h = new StringBuilder();
        h.append("<!-- certdocs:goal ").append(run.goal()).append(" -->\n");
        h.append("<section class=\"goal\" id=\"goal-").append(esc(run.goal())).append("\">\n<h2>")
                .append(esc(run.goal())).append("</h2>\n<p class=\"closing\">").append(esc(run.closingLine("file")))
                .append("</p>\n");
        h.append("<div class=\"totals\">");
        total(h, "files", run.files().size());
        total(h, "errors", run.count(Severity.ERROR));
        total(h, "warnings", run.count(Severity.WARNING));
        total(h, "notes", run.count(Severity.NOTE));
        total(h, "in the baseline", run.baselined());
        h.append("</div>\n");
        if (run.findings().isEmpty()) {
            h.append("<p class=\"clean\">No problems found.</p>\n");
        }
        Map<String, List<Finding>> byFile = run.findings().stream().collect(Collectors.groupingBy(
                f -> f.diagnostic().position().path(), LinkedHashMap::new, Collectors.toList()));
        for (var e : byFile.entrySet()) {
            h.append("<h3>").append(esc(e.getKey())).append("</h3>\n<table><thead><tr>")
                    .append("<th scope=\"col\">Line:col</th><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th>")
                    .append("<th scope=\"col\">Message</th></tr></thead><tbody>\n");
            for (Finding f : e.getValue()) {
                Diagnostic d = f.diagnostic();
                h.append("<tr").append(f.baselined() ? " class=\"baselined\"" : "").append("><td class=\"pos\">")
                        .append(d.position().line()).append(':').append(d.position().column())
                        .append("</td><td><span class=\"sev ").append(d.severity().label()).append("\">")
                        .append(d.severity().label()).append("</span>").append(f.baselined() ? " (baseline)" : "")
                        .append("</td><td class=\"rule\">").append(esc(d.ruleId())).append("</td><td>")
                        .append(esc(d.message())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n<!-- /certdocs:goal ").append(run.goal()).append(" -->\n");
        return h.toString();
    }

    private static void total(StringBuilder h, String label, long n) {
        h.append("<div><strong>").append(n).append("</strong>").append(esc(label)).append("</div>");
    }

    private static String esc(String s) {
        return JUnitReport.escape(s);
    }
}
