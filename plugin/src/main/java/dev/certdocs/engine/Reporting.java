package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.diagnostic.Finding;
import dev.certdocs.diagnostic.GithubAnnotations;
import dev.certdocs.diagnostic.HtmlReport;
import dev.certdocs.diagnostic.JUnitReport;
import dev.certdocs.diagnostic.JobSummary;
import dev.certdocs.diagnostic.ReportContext;
import dev.certdocs.diagnostic.RunSummary;
import dev.certdocs.diagnostic.SarifReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Puts a run's findings everywhere they are read: one log line each, GitHub annotations and the
 * job summary when running in GitHub Actions, SARIF, JUnit XML and the HTML report under the
 * reports directory.
 */
final class Reporting {

    private Reporting() {
    }

    /**
     * Reports a run. {@code owners}: each article's {@code ownershipId} by path, for the HTML
     * report's teams; {@code summary}: a goal's table of results as log lines, logged after the
     * findings and before the closing line; {@code results}: the same table's rows, for the HTML
     * report; {@code files}: where the report files are written (another thread, for a goal that
     * goes on to render).
     */
    static void report(BuildConfig config, RunSummary run, Map<String, String> owners, BuildLog log, String unit,
                       List<String> summary, List<ReportContext.Result> results, Executor files) {
        for (Finding f : run.findings()) {
            if (f.baselined()) {
                log.debug(f.diagnostic().format() + " (in the baseline)");
                continue;
            }
            switch (f.severity()) {
                case ERROR -> log.error(f.diagnostic().format());
                case WARNING -> log.warn(f.diagnostic().format());
                default -> log.info(f.diagnostic().format());
            }
        }
        if (config.githubActions()) GithubAnnotations.lines(run).forEach(log::raw);
        var dir = config.reportsDirectory();
        files.execute(() -> {
            SarifReport.write(run, dir.resolve("certdocs.sarif"));
            JUnitReport.write(run, dir.resolve("certdocs-junit.xml"));
            HtmlReport.write(run, context(config, owners, results), dir.resolve("report.html"));
        });
        summary.forEach(log::info);
        if (config.jobSummary() != null) {
            try {
                JobSummary.append(config.jobSummary(), run, unit, summary);
            } catch (java.io.IOException e) { // the summary page is a convenience: a warning, not a failed build
                log.warn("cannot append the job summary to " + config.jobSummary() + ": " + e.getMessage());
            }
        }
        log.info("certdocs " + run.goal() + ": " + run.closingLine(unit));
        log.info("Reports: " + config.baseDir().relativize(dir.resolve("report.html"))
                + ", certdocs.sarif, certdocs-junit.xml");
    }

    /** What the HTML report needs beyond the findings: the content folder, owners, source links, the results table. */
    private static ReportContext context(BuildConfig config, Map<String, String> owners, List<ReportContext.Result> summary) {
        String content = config.baseDir().relativize(config.contentDirectory()).toString().replace('\\', '/');
        return new ReportContext(content, owners, config.sourceUrl(), summary);
    }
}
