package dev.certdocs.mojo;

import dev.certdocs.engine.CertDocs;
import dev.certdocs.serve.LivePreview;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves every cloud's site on loopback while you edit: pages are rendered when asked for, a
 * saved file reloads the open pages it changes, and each page shows its problems. Runs until
 * Ctrl-C.
 */
@Mojo(name = "serve", requiresProject = true, threadSafe = true)
public class ServeMojo extends AbstractSiteMojo {

    /** Skip this goal only. */
    @Parameter(property = "certdocs.serve.skip", defaultValue = "false")
    boolean skipServe;

    /** The port to listen on; when it is busy, the next free one. */
    @Parameter(property = "certdocs.serve.port", defaultValue = "8000")
    int port;

    /** The address to listen on; anything but a loopback address opens the preview to the network (with a warning). */
    @Parameter(property = "certdocs.serve.host", defaultValue = "127.0.0.1")
    String host;

    @Override
    boolean skipGoal() {
        return skipServe;
    }

    @Override
    void run() {
        LivePreview preview = CertDocs.serve(() -> siteConfig().build(), new MavenBuildLog(getLog()), host, port);
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
