package dev.certdocs.mojo;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.CertDocsException;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every certdocs goal shares, and the mapping of engine failures to Maven's. */
public abstract class AbstractCertDocsMojo extends AbstractMojo {

    /** Skip every certdocs goal. */
    @Parameter(property = "certdocs.skip", defaultValue = "false")
    boolean skip;

    /** The content repository's root; nothing outside it is read. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /** Where the articles are. */
    @Parameter(property = "certdocs.contentDirectory", defaultValue = "${project.basedir}/articles")
    File contentDirectory;

    /** The clouds to work on, by id; default: every active (not retired) cloud of the catalog. */
    @Parameter(property = "certdocs.clouds")
    List<String> clouds;

    /** Overrides and additions to the built-in cloud catalog, one <code>cloud</code> element each. */
    @Parameter
    List<CloudParameter> cloudCatalog;

    /** The schema file that extends or overrides the built-in schema; default: {@code certdocs-schema.json} at the root when present. */
    @Parameter(property = "certdocs.schema")
    File schema;

    /** Severity overrides, each {@code rule-id=error|warning|note|off}. */
    @Parameter(property = "certdocs.severities")
    List<String> severities;

    /** Where SARIF, JUnit XML and the HTML report are written. */
    @Parameter(property = "certdocs.reportsDirectory", defaultValue = "${project.build.directory}/certdocs")
    File reportsDirectory;

    /** Fail the build on validation warnings too. */
    @Parameter(property = "certdocs.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** The baseline of accepted problems. */
    @Parameter(property = "certdocs.baseline", defaultValue = "${project.basedir}/certdocs-baseline.json")
    File baseline;

    /** Write the baseline from this run's problems (and pass). */
    @Parameter(property = "certdocs.updateBaseline", defaultValue = "false")
    boolean updateBaseline;

    /**
     * Where the HTML report links each finding to: a URL pattern with {@code {path}} (the file's
     * path from the repository root) and {@code {line}}, such as
     * {@code https://github.com/org/docs/blob/main/{path}#L{line}}; default: none (the report
     * shows {@code path:line:col}). Only http(s) and relative URLs are accepted.
     */
    @Parameter(property = "certdocs.sourceUrl")
    String sourceUrl;

    /** Worker threads; default: one per core. */
    @Parameter(property = "certdocs.threads")
    Integer threads;

    /** Builds the configuration shared by every goal; a goal adds its own settings. */
    BuildConfig.Builder config() {
        BuildConfig.Builder b = BuildConfig.builder(baseDirectory.toPath())
                .contentDirectory(contentDirectory.toPath())
                .clouds(clouds)
                .cloudSettings(cloudCatalog == null ? List.of()
                        : cloudCatalog.stream().map(CloudParameter::toSettings).toList())
                .schemaFile(schema == null ? null : schema.toPath())
                .severities(severities)
                .reportsDirectory(reportsDirectory.toPath())
                .failOnWarning(failOnWarning)
                .baselineFile(baseline.toPath())
                .updateBaseline(updateBaseline)
                .sourceUrl(sourceUrl)
                .githubActions("true".equals(System.getenv("GITHUB_ACTIONS")))
                .jobSummary(jobSummaryFile());
        if (threads != null) b.threads(threads);
        return b;
    }

    /** GitHub Actions' job summary file, where each goal appends its results as Markdown; null outside Actions. */
    private static java.nio.file.Path jobSummaryFile() {
        String file = System.getenv("GITHUB_STEP_SUMMARY");
        return file == null || file.isBlank() ? null : java.nio.file.Path.of(file);
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("certdocs: skipped");
            return;
        }
        try {
            run();
        } catch (CertDocsException e) {
            // The message says what to change; the cause's stack trace helps only with -X.
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** Where a goal that validated leaves word for {@code check-links} later in the same build (Maven's plugin context). */
    private static final String VALIDATED = "certdocs.validated";

    /**
     * Notes that this project's content was validated in this build, offline link checks
     * included, so that {@code check-links} after it does not report the same problems twice.
     */
    @SuppressWarnings("unchecked")
    void noteValidated() {
        java.util.Map<Object, Object> context = getPluginContext();
        if (context != null) context.put(VALIDATED, validationScope());
    }

    /** Whether {@link #noteValidated()} was called for the same content and clouds in this build. */
    boolean validatedInThisBuild() {
        java.util.Map<?, ?> context = getPluginContext();
        return context != null && validationScope().equals(context.get(VALIDATED));
    }

    private String validationScope() {
        return contentDirectory.getAbsolutePath() + "\n" + clouds + "\n" + severities + "\n"
                + (cloudCatalog == null ? "" : cloudCatalog.stream().map(c -> c.toSettings().toString()).toList());
    }

    /** The goal's own skip switch. */
    abstract boolean skipGoal();

    abstract void run() throws MojoFailureException;
}
