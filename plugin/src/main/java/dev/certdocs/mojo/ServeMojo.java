package dev.certdocs.mojo;

import dev.certdocs.engine.CertDocs;
import dev.certdocs.serve.LivePreview;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves every cloud's site on loopback while you edit: pages are rendered when asked for, a
 * saved file reloads the open pages it changes, and each page shows its problems. Runs until
 * Ctrl-C.
 */
@Mojo(name = "serve", requiresProject = true, threadSafe = true)
public class ServeMojo extends AbstractCertDocsMojo {

    /** Skip this goal only. */
    @Parameter(property = "certdocs.serve.skip", defaultValue = "false")
    boolean skipServe;

    /** The port to listen on; when it is busy, the next free one. */
    @Parameter(property = "certdocs.serve.port", defaultValue = "8000")
    int port;

    /** The address to listen on; anything but a loopback address opens the preview to the network (with a warning). */
    @Parameter(property = "certdocs.serve.host", defaultValue = "127.0.0.1")
    String host;

    /** The version directory the site is served under. */
    @Parameter(property = "certdocs.siteVersion", defaultValue = "${project.version}")
    String siteVersion;

    /** The repository's template overrides, by file name. */
    @Parameter(property = "certdocs.templatesDirectory", defaultValue = "${project.basedir}/src/site-templates")
    File templatesDirectory;

    /** The site title in every page header. */
    @Parameter(property = "certdocs.siteTitle", defaultValue = "${project.name}")
    String siteTitle;

    /** The build's fixed time, for undated articles. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    @Override
    boolean skipGoal() {
        return skipServe;
    }

    @Override
    void run() {
        LivePreview preview = CertDocs.serve(() -> config()
                .siteVersion(siteVersion)
                .templatesDirectory(templatesDirectory.toPath())
                .siteTitle(siteTitle)
                .outputTimestamp(outputTimestamp)
                .build(), new MavenBuildLog(getLog()), host, port);
        // Ctrl-C: the JVM runs its shutdown hooks; this one stops the server and watcher quietly.
        Thread stop = new Thread(preview::close, "certdocs-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        getLog().info("Press Ctrl-C to stop.");
        try {
            preview.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            preview.close();
        }
    }
}
