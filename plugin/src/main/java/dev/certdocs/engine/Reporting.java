package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.BuildLog;
import dev.certdocs.diagnostic.Finding;
import dev.certdocs.diagnostic.GithubAnnotations;
import dev.certdocs.diagnostic.HtmlReport;
import dev.certdocs.diagnostic.JUnitReport;
import dev.certdocs.diagnostic.JobSummary;
import dev.certdocs.diagnostic.RunSummary;
import dev.certdocs.diagnostic.SarifReport;

/**
 * Puts a run's findings everywhere they are read: one log line each, GitHub annotations and the
 * job summary when running in GitHub Actions, SARIF, JUnit XML and the HTML report under the
 * reports directory.
 */
final class Reporting {

    private Reporting() {
    }

    static void report(BuildConfig config, RunSummary run, BuildLog log, String unit) {
        report(config, run, log, unit, java.util.List.of());
    }

    /** As above, with {@code summary} lines (a goal's table of results) logged after the findings, before the closing line. */
    static void report(BuildConfig config, RunSummary run, BuildLog log, String unit, java.util.List<String> summary) {
        report(config, run, log, unit, summary, Runnable::run);
    }

    /** As above, the report files written by {@code files} (another thread, for a goal that goes on to render). */
    static void report(BuildConfig config, RunSummary run, BuildLog log, String unit, java.util.List<String> summary,
                       java.util.concurrent.Executor files) {
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
            HtmlReport.write(run, dir.resolve("report.html"));
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
}
