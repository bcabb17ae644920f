package dev.certdocs.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report for people to triage with: one self-contained HTML page (its style and its small
 * script inline, nothing fetched, so it opens from disk and in air-gapped networks) with a
 * section per goal. A section starts with the overview (counts by rule, severity, owning team and
 * service folder, each a sorted table with a bar), then the findings: filters by rule, severity,
 * team, folder and baseline, a search over messages and paths, and the findings in groups that
 * are collapsed until opened. The findings are in the page once, as compact JSON, and rendered on
 * demand; text from the content only ever reaches the page as escaped HTML or as DOM text.
 * The goals share the page: writing a goal's run replaces that goal's section and keeps the others.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
            header{background:#0f3b66;color:#fff;padding:1.25rem 2rem}h1{margin:0;font-size:1.4rem}
            main{max-width:80rem;margin:0 auto;padding:1rem 2rem}
            .totals{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.totals div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem}
            .totals strong{display:block;font-size:1.4rem}
            section.goal{margin:0 0 2.5rem}h2{font-size:1.35rem;margin:1.5rem 0 .25rem}.closing{margin:0;color:#444}
            h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
            .overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1rem;align-items:start}.overview .by-rule{grid-column:1/-1}
            table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #ddd}
            caption{text-align:left;font-weight:600;padding:.35rem 0}
            th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .mono,td.pos{font-family:ui-monospace,Consolas,monospace;font-size:.9rem}td.pos{white-space:nowrap}
            td.bar{width:22%;min-width:6rem;vertical-align:middle}
            .track{display:flex;height:.8rem;background:#eef1f4;border-radius:2px;overflow:hidden}
            .track span{display:block;height:100%}.track .new{background:#0f3b66}.track .known{background:#9fb4c8}
            .legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .25rem 0 .75rem;vertical-align:-.1rem}
            .legend .new{background:#0f3b66}.legend .known{background:#9fb4c8}
            .sev{border-radius:4px;padding:0 .4rem;font-size:.85rem;font-weight:600}
            .error{background:#fde7e9;color:#a4262c}.warning{background:#fff4ce;color:#7a5b00}.note{background:#e6f2fb;color:#0b5394}
            .known-row{color:#555}.clean{color:#107c10;font-weight:600}
            button.pick{white-space:nowrap;font:inherit;font-family:ui-monospace,Consolas,monospace;font-size:.9rem;background:none;border:0;padding:0;color:#0b5394;text-decoration:underline;cursor:pointer;text-align:left}
            .filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem 1rem}
            .filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
            .filters select,.filters input{font:inherit;font-weight:400;max-width:18rem}.filters input{width:16rem}
            .shown{margin:.75rem 0;font-weight:600}
            .group{margin:.25rem 0}.group h4{margin:0;font-size:1rem;font-weight:400}
            .group h4 button{font:inherit;width:100%;text-align:left;background:#fff;border:1px solid #ddd;border-radius:4px;padding:.4rem .75rem;cursor:pointer}
            .group h4 button::before{content:"\\25B8  "}.group h4 button[aria-expanded=true]::before{content:"\\25BE  "}
            .gname{font-family:ui-monospace,Consolas,monospace}.gcount{font-weight:600;margin-left:.25rem}.gnew{color:#555}
            .gbody{padding:.25rem 0 .75rem 1rem}button.more{font:inherit;margin:.5rem 0}
            :focus-visible{outline:3px solid #f2a900;outline-offset:2px}
            .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            @media print{body{background:#fff;font-size:11px}header{background:none;color:#000;padding:0}main{max-width:none;padding:0}
            .filters,button.more,noscript{display:none}.gbody,.gbody[hidden]{display:block!important}
            .group h4 button{border:0;padding:0}.group h4 button::before{content:""}
            .track span{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{break-inside:avoid}}
            """;

    /**
     * Renders each section's findings from its JSON, on demand: the filters choose the findings,
     * the groups are rendered collapsed with their counts, a group's rows only when it is opened
     * (and printed). Text from the data is only ever set as textContent, never parsed as HTML.
     */
    private static final String SCRIPT = """
            (function () {
            'use strict';
            var ROWS = 200, GROUPS = 100, nf = new Intl.NumberFormat('en-US');
            function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
            function n(x) { return nf.format(x); }
            function Report(sec) {
              var d = JSON.parse(sec.querySelector('script.certdocs-data').textContent), self = this;
              this.d = d; this.count = d.f.length / 7; this.sec = sec; this.id = sec.id;
              this.status = sec.querySelector('.shown'); this.list = sec.querySelector('.groups');
              this.form = sec.querySelector('.filters');
              this.index = { rule: map(d.rules), sev: map(d.sev), team: map(d.teams), folder: map(d.folders) };
              this.form.addEventListener('submit', function (e) { e.preventDefault(); });
              this.form.addEventListener('change', function () { self.apply(); });
              var timer; this.form.elements.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { self.apply(); }, 150); });
              sec.querySelectorAll('button.pick').forEach(function (b) {
                b.addEventListener('click', function () {
                  self.form.elements[b.dataset.k].value = b.dataset.v; self.apply();
                  self.form.elements[b.dataset.k].focus();
                });
              });
              this.apply();
            }
            function map(list) { var m = Object.create(null); list.forEach(function (v, i) { m[v] = i; }); return m; }
            Report.prototype.value = function (name) {
              var v = this.form.elements[name].value;
              if (v === '') return -1;
              var i = this.index[name][v];
              return i === undefined ? -2 : i;
            };
            Report.prototype.apply = function () {
              var d = this.d, f = d.f, rule = this.value('rule'), sev = this.value('sev'), team = this.value('team'),
                  folder = this.value('folder'), base = this.form.elements.base.value,
                  q = this.form.elements.q.value.trim().toLowerCase(), by = this.form.elements.by.value;
              if (q && !this.lower) { this.lower = { m: d.msgs.map(function (s) { return s.toLowerCase(); }), p: d.files.map(function (s) { return s.toLowerCase(); }) }; }
              var shown = [], known = 0;
              for (var i = 0, k = 0; i < this.count; i++, k += 7) {
                if (rule !== -1 && f[k + 4] !== rule) continue;
                if (sev !== -1 && f[k + 3] !== sev) continue;
                if (team !== -1 && d.ft[f[k]] !== team) continue;
                if (folder !== -1 && d.fd[f[k]] !== folder) continue;
                if (base === 'new' && f[k + 6]) continue;
                if (base === 'known' && !f[k + 6]) continue;
                if (q && this.lower.m[f[k + 5]].indexOf(q) < 0 && this.lower.p[f[k]].indexOf(q) < 0) continue;
                shown.push(i); known += f[k + 6];
              }
              var groups = Object.create(null), order = [];
              for (var j = 0; j < shown.length; j++) {
                var key = this.key(by, shown[j]);
                var g = groups[key];
                if (!g) { g = groups[key] = { name: key, items: [], known: 0 }; order.push(g); }
                g.items.push(shown[j]); g.known += f[shown[j] * 7 + 6];
              }
              order.sort(function (a, b) { return b.items.length - a.items.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
              this.groups = order; this.rendered = 0;
              this.status.textContent = 'Showing ' + n(shown.length) + ' of ' + n(this.count) + ' findings (' + n(shown.length - known)
                + ' new, ' + n(known) + ' in the baseline) in ' + n(order.length) + (order.length === 1 ? ' group' : ' groups');
              this.list.textContent = '';
              this.more(GROUPS);
            };
            Report.prototype.key = function (by, i) {
              var d = this.d, k = i * 7;
              if (by === 'file') return d.files[d.f[k]];
              if (by === 'team') return d.teams[d.ft[d.f[k]]];
              if (by === 'folder') return d.folders[d.fd[d.f[k]]];
              if (by === 'sev') return d.sev[d.f[k + 3]];
              return d.rules[d.f[k + 4]];
            };
            Report.prototype.more = function (count) {
              var old = this.list.querySelector('button.more-groups');
              if (old) old.remove();
              var end = Math.min(this.groups.length, this.rendered + count);
              for (var i = this.rendered; i < end; i++) this.list.appendChild(this.group(this.groups[i], i));
              this.rendered = end;
              var left = this.groups.length - end, self = this;
              if (left > 0) {
                var b = el('button', 'more more-groups', 'Show ' + n(Math.min(left, GROUPS)) + ' more groups (' + n(left) + ' left)');
                b.type = 'button';
                b.addEventListener('click', function () { self.more(GROUPS); });
                this.list.appendChild(b);
              }
            };
            Report.prototype.group = function (g, i) {
              var box = el('div', 'group'), h = el('h4'), b = el('button'), body = el('div', 'gbody'), self = this;
              b.type = 'button'; b.setAttribute('aria-expanded', 'false');
              body.id = this.id + '-g' + i; body.hidden = true; b.setAttribute('aria-controls', body.id);
              b.appendChild(el('span', 'gname', g.name));
              b.appendChild(document.createTextNode(' '));
              b.appendChild(el('span', 'gcount', n(g.items.length)));
              b.appendChild(document.createTextNode(' '));
              b.appendChild(el('span', 'gnew', '(' + n(g.items.length - g.known) + ' new)'));
              b.addEventListener('click', function () { self.toggle(g, b, body); });
              h.appendChild(b); box.appendChild(h); box.appendChild(body);
              g.open = function () { if (b.getAttribute('aria-expanded') === 'false') self.toggle(g, b, body); self.rows(g, body, Infinity); };
              return box;
            };
            Report.prototype.toggle = function (g, b, body) {
              var open = b.getAttribute('aria-expanded') !== 'true';
              b.setAttribute('aria-expanded', String(open)); body.hidden = !open;
              if (open && !g.shown) this.rows(g, body, ROWS);
            };
            Report.prototype.rows = function (g, body, count) {
              var d = this.d, f = d.f, self = this;
              if (!g.table) {
                g.table = el('table'); g.shown = 0;
                var head = el('tr');
                ['Position', 'Severity', 'Rule', 'Message', 'Baseline'].forEach(function (t) { var th = el('th', null, t); th.scope = 'col'; head.appendChild(th); });
                g.table.appendChild(el('thead')).appendChild(head);
                g.tbody = g.table.appendChild(el('tbody'));
                body.appendChild(g.table);
              }
              var end = Math.min(g.items.length, g.shown + count);
              for (var j = g.shown; j < end; j++) {
                var k = g.items[j] * 7, path = d.files[f[k]], where = path + ':' + f[k + 1] + ':' + f[k + 2];
                var tr = el('tr', f[k + 6] ? 'known-row' : null), pos = el('td', 'pos');
                if (d.src) {
                  var a = el('a', null, where);
                  a.href = d.src.split('{path}').join(path.split('/').map(encodeURIComponent).join('/')).split('{line}').join(String(f[k + 1]));
                  pos.appendChild(a);
                } else pos.textContent = where;
                tr.appendChild(pos);
                var s = el('td'); s.appendChild(el('span', 'sev ' + d.sev[f[k + 3]], d.sev[f[k + 3]])); tr.appendChild(s);
                tr.appendChild(el('td', 'mono', d.rules[f[k + 4]]));
                tr.appendChild(el('td', null, d.msgs[f[k + 5]]));
                tr.appendChild(el('td', null, f[k + 6] ? 'in the baseline' : 'new'));
                g.tbody.appendChild(tr);
              }
              g.shown = end;
              if (g.moreButton) g.moreButton.remove();
              g.moreButton = null;
              var left = g.items.length - end;
              if (left > 0) {
                var b = el('button', 'more', 'Show ' + n(Math.min(left, ROWS)) + ' more (' + n(left) + ' left)');
                b.type = 'button';
                b.addEventListener('click', function () { self.rows(g, body, ROWS); });
                body.appendChild(b); g.moreButton = b;
              }
            };
            Report.prototype.all = function () {
              if (this.rendered < this.groups.length) this.more(this.groups.length);
              this.groups.forEach(function (g) { g.open(); });
            };
            var reports = [];
            document.querySelectorAll('section.goal').forEach(function (sec) { if (sec.querySelector('script.certdocs-data')) reports.push(new Report(sec)); });
            window.addEventListener('beforeprint', function () { reports.forEach(function (r) { r.all(); }); });
            document.documentElement.setAttribute('data-ready', 'true');
            if (window.performance && performance.mark) performance.mark('certdocs-ready');
            })();
            """;

    private static final Pattern SECTION = Pattern.compile(
            "(?s)<!-- certdocs:goal ([A-Za-z0-9-]+) -->\n.*?<!-- /certdocs:goal \\1 -->\n");

    private HtmlReport() {
    }

    /** Writes this goal's section into the page, keeping the other goals' sections of a page written before. */
    public static void write(RunSummary run, ReportContext context, Path file) {
        ReportFiles.write(file, merge(ReportFiles.readIfPresent(file), run, context));
    }

    /** As above, for a report that knows nothing beyond the findings. */
    public static void write(RunSummary run, Path file) {
        write(run, ReportContext.none(), file);
    }

    /** The page with only this run's section. */
    public static String render(RunSummary run, ReportContext context) {
        return merge(null, run, context);
    }

    /** {@code existing} (a page this class wrote, or null) with this run's section in place of the goal's old one. */
    static String merge(String existing, RunSummary run, ReportContext context) {
        List<String> sections = new ArrayList<>();
        String fresh = section(run, context);
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
        StringBuilder h = new StringBuilder(fresh.length() + 16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.append("<title>certdocs report</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<header><h1>certdocs report</h1></header>\n<main>\n");
        sections.forEach(h::append);
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** One goal: its closing line, the totals, its results table, the overview, then the findings' filters and list. */
    private static String section(RunSummary run, ReportContext context) {
        TriageData data = new TriageData(run, context);
        String goal = esc(run.goal());
        StringBuilder h = new StringBuilder();
        h.append("<!-- certdocs:goal ").append(run.goal()).append(" -->\n");
        h.append("<section class=\"goal\" id=\"goal-").append(goal).append("\" aria-labelledby=\"goal-").append(goal)
                .append("-title\">\n<h2 id=\"goal-").append(goal).append("-title\">").append(goal)
                .append("</h2>\n<p class=\"closing\">").append(esc(run.closingLine("file"))).append("</p>\n");
        long known = run.baselined();
        h.append("<div class=\"totals\">");
        total(h, "files", run.files().size());
        total(h, "findings", run.findings().size());
        total(h, "new", run.findings().size() - known);
        total(h, "in the baseline", known);
        total(h, "errors", run.count(Severity.ERROR));
        total(h, "warnings", run.count(Severity.WARNING));
        total(h, "notes", run.count(Severity.NOTE));
        h.append("</div>\n");
        if (!context.results().isEmpty()) results(h, run.goal(), context.results());
        if (run.findings().isEmpty()) {
            h.append("<p class=\"clean\">No problems found.</p>\n");
            return h.append("</section>\n<!-- /certdocs:goal ").append(run.goal()).append(" -->\n").toString();
        }

        h.append("<h3>Overview</h3>\n<p class=\"legend\">Bars:<span class=\"new\"></span>new")
                .append("<span class=\"known\"></span>in the baseline. Choose a name to filter the findings by it.</p>\n")
                .append("<div class=\"overview\">\n");
        List<TriageData.Count> rules = data.byRule();
        long max = rules.get(0).total();
        h.append("<table class=\"by-rule\"><caption>By rule</caption><thead><tr><th scope=\"col\">Rule</th>")
                .append("<th scope=\"col\">Description</th><th scope=\"col\">Default severity</th>")
                .append(countHeads()).append("</tr></thead><tbody>\n");
        for (TriageData.Count c : rules) {
            Rule rule = Rules.byId(c.key()).orElseGet(() -> run.rules().stream().filter(r -> r.id().equals(c.key()))
                    .findFirst().orElse(new Rule(c.key(), Severity.WARNING, "")));
            h.append("<tr><th scope=\"row\">").append(pick("rule", c.key())).append("</th><td>").append(esc(rule.summary()))
                    .append("</td><td><span class=\"sev ").append(rule.defaultSeverity().label()).append("\">")
                    .append(rule.defaultSeverity().label()).append("</span></td>");
            countCells(h, c, max);
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        countTable(h, "by-severity", "By severity", "Severity", "sev", data.bySeverity());
        countTable(h, "by-team", "By owning team (ownershipId)", "Team", "team", data.byTeam());
        countTable(h, "by-folder", "By service folder", "Folder", "folder", data.byFolder());
        h.append("</div>\n");

        h.append("<h3 id=\"goal-").append(goal).append("-findings\">Findings</h3>\n")
                .append("<form class=\"filters\" role=\"search\" aria-labelledby=\"goal-").append(goal).append("-findings\">");
        select(h, "rule", "Rule", "All rules", rules);
        select(h, "sev", "Severity", "All severities", data.bySeverity());
        select(h, "team", "Team", "All teams", data.byTeam());
        select(h, "folder", "Folder", "All folders", data.byFolder());
        h.append("<label>Baseline<select name=\"base\"><option value=\"\">New and known (")
                .append(num(run.findings().size())).append(")</option><option value=\"new\">New only (")
                .append(num(run.findings().size() - known)).append(")</option><option value=\"known\">In the baseline only (")
                .append(num(known)).append(")</option></select></label>");
        h.append("<label>Search messages and paths<input type=\"search\" name=\"q\" autocomplete=\"off\"></label>");
        h.append("<label>Group by<select name=\"by\"><option value=\"rule\">rule</option><option value=\"file\">file</option>")
                .append("<option value=\"team\">team</option><option value=\"folder\">folder</option>")
                .append("<option value=\"sev\">severity</option></select></label></form>\n");
        h.append("<p class=\"shown\" role=\"status\" aria-live=\"polite\"></p>\n<div class=\"groups\"></div>\n")
                .append("<noscript><p>The list of findings needs JavaScript; the overview above does not.</p></noscript>\n");
        h.append("<script type=\"application/json\" class=\"certdocs-data\">").append(data.json()).append("</script>\n");
        h.append("</section>\n<!-- /certdocs:goal ").append(run.goal()).append(" -->\n");
        return h.toString();
    }

    private static void results(StringBuilder h, String goal, List<ReportContext.Result> results) {
        long max = Math.max(1, results.stream().mapToLong(ReportContext.Result::count).max().orElse(1));
        h.append("<table class=\"results\"><caption>").append(goal.equals("check-links") ? "Link results" : "Results")
                .append("</caption><thead><tr><th scope=\"col\">Result</th><th scope=\"col\" class=\"n\">Count</th>")
                .append("<th scope=\"col\"><span class=\"sr\">Share</span></th></tr></thead><tbody>\n");
        for (ReportContext.Result r : results) {
            h.append("<tr><th scope=\"row\">").append(esc(r.label())).append("</th><td class=\"n\">").append(num(r.count()))
                    .append("</td><td class=\"bar\" aria-hidden=\"true\"><div class=\"track\"><span class=\"new\" style=\"width:")
                    .append(percent(r.count(), max)).append("\"></span></div></td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void countTable(StringBuilder h, String cls, String caption, String name, String key,
                                   List<TriageData.Count> counts) {
        long max = counts.get(0).total();
        h.append("<table class=\"").append(cls).append("\"><caption>").append(esc(caption)).append("</caption><thead><tr>")
                .append("<th scope=\"col\">").append(name).append("</th>").append(countHeads()).append("</tr></thead><tbody>\n");
        for (TriageData.Count c : counts) {
            h.append("<tr><th scope=\"row\">").append(pick(key, c.key())).append("</th>");
            countCells(h, c, max);
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String countHeads() {
        return "<th scope=\"col\" class=\"n\">Findings</th><th scope=\"col\" class=\"n\">New</th>"
                + "<th scope=\"col\"><span class=\"sr\">Share</span></th>";
    }

    /** The counts and a bar as wide as the count's share of the table's largest, new and known in two shades. */
    private static void countCells(StringBuilder h, TriageData.Count c, long max) {
        h.append("<td class=\"n\">").append(num(c.total())).append("</td><td class=\"n\">").append(num(c.fresh()))
                .append("</td><td class=\"bar\" aria-hidden=\"true\"><div class=\"track\"><span class=\"new\" style=\"width:")
                .append(percent(c.fresh(), max)).append("\"></span><span class=\"known\" style=\"width:")
                .append(percent(c.known(), max)).append("\"></span></div></td>");
    }

    /** A name in the overview that filters the findings by it. */
    private static String pick(String key, String value) {
        return "<button type=\"button\" class=\"pick\" data-k=\"" + key + "\" data-v=\"" + esc(value) + "\">" + esc(value)
                + "</button>";
    }

    private static void select(StringBuilder h, String name, String label, String all, List<TriageData.Count> counts) {
        h.append("<label>").append(label).append("<select name=\"").append(name).append("\"><option value=\"\">").append(all)
                .append("</option>");
        counts.stream().sorted(java.util.Comparator.comparing(TriageData.Count::key)).forEach(c -> h.append("<option value=\"")
                .append(esc(c.key())).append("\">").append(esc(c.key())).append(" (").append(num(c.total())).append(")</option>"));
        h.append("</select></label>");
    }

    private static String percent(long n, long max) {
        return String.format(Locale.ROOT, "%.1f%%", max == 0 ? 0.0 : 100.0 * n / max);
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void total(StringBuilder h, String label, long n) {
        h.append("<div><strong>").append(num(n)).append("</strong>").append(esc(label)).append("</div>");
    }

    private static String esc(String s) {
        return JUnitReport.escape(s);
    }
}
