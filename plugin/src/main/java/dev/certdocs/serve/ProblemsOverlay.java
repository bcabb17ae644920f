package dev.certdocs.serve;

import dev.certdocs.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the preview adds to every HTML page: the problems overlay (the page's own problems —
 * severity, rule id, {@code path:line:col}, message — then the errors every page shares and
 * those met rendering this page) and the reload script. Everything shown is escaped: messages
 * quote the content. A page without problems gets the script only.
 */
final class ProblemsOverlay {

    static final String SCRIPT = "/_certdocs/live.js";

    private static final String STYLE = "#certdocs-problems{position:fixed;z-index:2147483647;right:1rem;bottom:1rem;"
            + "max-width:min(46rem,calc(100vw - 2rem));max-height:60vh;overflow:auto;background:#fff;color:#1b1b1b;"
            + "border:2px solid #b00020;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.3);"
            + "font:14px/1.4 system-ui,sans-serif;padding:.5rem .75rem}"
            + "#certdocs-problems[hidden]{display:none}"
            + "#certdocs-problems h2{font-size:15px;margin:.25rem 0 .5rem}"
            + "#certdocs-problems ul{margin:0;padding:0;list-style:none}"
            + "#certdocs-problems li{margin:.35rem 0;padding-top:.35rem;border-top:1px solid #ddd}"
            + "#certdocs-problems code,#certdocs-problems pre{font:13px/1.35 ui-monospace,monospace}"
            + "#certdocs-problems pre{white-space:pre-wrap;margin:.25rem 0 0}"
            + "#certdocs-problems .severity{font-weight:700;text-transform:uppercase;font-size:12px}"
            + "#certdocs-problems .error .severity{color:#b00020}#certdocs-problems .warning .severity{color:#8a5a00}"
            + "#certdocs-problems .note .severity{color:#0b5394}"
            + "#certdocs-problems .certdocs-problems-close{float:right;border:0;background:none;font-size:18px;cursor:pointer}";

    private ProblemsOverlay() {
    }

    /**
     * The HTML page with the overlay and the script put before its {@code </body>}; {@code generation}:
     * the reloads sent before this page was served ({@link ReloadChannel#generation}).
     */
    static byte[] inject(byte[] page, List<Diagnostic> problems, List<String> errors, long generation) {
        String html = new String(page, StandardCharsets.UTF_8);
        String added = overlay(problems, errors) + "<script src=\"" + SCRIPT + "\" data-generation=\"" + generation
                + "\" defer></script>\n";
        int at = html.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? html + added : html.substring(0, at) + added + html.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    /** The overlay, or "" when there is nothing to show. */
    static String overlay(List<Diagnostic> problems, List<String> errors) {
        if (problems.isEmpty() && errors.isEmpty()) return "";
        int count = problems.size() + errors.size();
        StringBuilder sb = new StringBuilder("\n<style>").append(STYLE).append("</style>\n")
                .append("<aside id=\"certdocs-problems\" role=\"alert\" aria-label=\"Problems\" data-count=\"").append(count)
                .append("\">\n<button type=\"button\" class=\"certdocs-problems-close\" aria-label=\"Hide the problems\">×</button>\n")
                .append("<h2>").append(count).append(count == 1 ? " problem" : " problems").append(" (certdocs serve)</h2>\n<ul>\n");
        for (String e : errors) {
            sb.append("<li class=\"certdocs-problem error global\"><span class=\"severity\">error</span> <pre>")
                    .append(escape(e)).append("</pre></li>\n");
        }
        for (Diagnostic d : problems) {
            String severity = d.severity().label();
            sb.append("<li class=\"certdocs-problem ").append(escape(severity)).append("\" data-rule=\"").append(escape(d.ruleId()))
                    .append("\"><span class=\"severity\">").append(escape(severity)).append("</span> <code class=\"rule\">")
                    .append(escape(d.ruleId())).append("</code> <code class=\"position\">").append(escape(d.position().toString()))
                    .append("</code><br>").append(escape(d.message())).append("</li>\n");
        }
        return sb.append("</ul>\n</aside>\n").toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
