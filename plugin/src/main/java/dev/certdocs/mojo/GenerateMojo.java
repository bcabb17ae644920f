package dev.certdocs.mojo;

import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders one static site per cloud into <code>{outputDirectory}/{cloud}/{siteVersion}/</code>:
 * a page per published article, the home page by service, service pages, search, 404, sitemap.
 * Validates first and refuses to render content with errors unless {@code force}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractSiteMojo {

    /** Skip this goal only. */
    @Parameter(property = "certdocs.generate.skip", defaultValue = "false")
    boolean skipGenerate;

    /** The site root: one folder per cloud below it. */
    @Parameter(property = "certdocs.outputDirectory", defaultValue = "${project.build.directory}/certdocs/site")
    File outputDirectory;

    /** The public URL of the site root, for canonical links and the sitemap; {cloud} is replaced by the cloud id. */
    @Parameter(property = "certdocs.baseUrl", defaultValue = "")
    String baseUrl;

    /** Render even when validation has errors. */
    @Parameter(property = "certdocs.force", defaultValue = "false")
    boolean force;

    /** An existing site tree (e.g. a gh-pages checkout) to add this version to, instead of outputDirectory. */
    @Parameter(property = "certdocs.publishDirectory")
    File publishDirectory;

    /** Re-render only the pages whose inputs changed since the last run of this version. */
    @Parameter(property = "certdocs.incremental", defaultValue = "true")
    boolean incremental;

    /**
     * Seconds to wait for another certdocs run using the same output or state directory to end
     * before failing (one run at a time publishes); default 60.
     */
    @Parameter(property = "certdocs.lockTimeout", defaultValue = "60")
    int lockTimeout;

    /** Where the per-cloud zip bundles <code>certdocs-{cloud}-{version}.zip</code> are written. */
    @Parameter(property = "certdocs.bundleDirectory", defaultValue = "${project.build.directory}/certdocs")
    File bundleDirectory;

    /**
     * Write the zip bundles (and attach them, see attachBundles). Default true; a local preview
     * loop can turn them off with <code>-Dcertdocs.bundles=false</code>.
     */
    @Parameter(property = "certdocs.bundles", defaultValue = "true")
    boolean bundles;

    /** Attach each bundle to the project (classifier <code>site-{cloud}</code>, type zip) so install and deploy ship it. */
    @Parameter(property = "certdocs.attachBundles", defaultValue = "true")
    boolean attachBundles;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Component
    MavenProjectHelper projectHelper;

    @Override
    boolean skipGoal() {
        return skipGenerate;
    }

    @Override
    void run() throws MojoFailureException {
        GenerateResult result = CertDocs.generate(siteConfig()
                .outputDirectory(outputDirectory.toPath())
                .baseUrl(baseUrl)
                .force(force)
                .publishDirectory(publishDirectory == null ? null : publishDirectory.toPath())
                .incremental(incremental)
                .lockTimeout(java.time.Duration.ofSeconds(lockTimeout))
                .bundles(bundles ? bundleDirectory.toPath() : null)
                .build(), new MavenBuildLog(getLog()));
        noteValidated();
        if (result.failed()) {
            throw new MojoFailureException("certdocs generate: " + result.reason());
        }
        if (attachBundles) {
            result.bundles().forEach((cloud, zip) -> projectHelper.attachArtifact(project, "zip", "site-" + cloud, zip.toFile()));
        }
    }
}
