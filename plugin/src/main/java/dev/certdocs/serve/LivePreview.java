package dev.certdocs.serve;

import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A running preview: the server, and the watcher whose batches of changed files become reloads
 * of the open pages they affect. {@link #close} stops them and the site's background work;
 * {@link #awaitStop} waits for that.
 */
public final class LivePreview implements AutoCloseable {

    /** A burst of saves ends once the repository was quiet this long. */
    static final Duration QUIET = Duration.ofMillis(40);
    /** …or after this long in any case, so a never-ending stream of writes still shows. */
    static final Duration LONGEST = Duration.ofSeconds(1);

    private final PreviewSite site;
    private final PreviewServer server;
    private final FileWatcher watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LivePreview(PreviewSite site, PreviewServer server, FileWatcher watcher) {
        this.site = site;
        this.server = server;
        this.watcher = watcher;
    }

    /**
     * Serves {@code site} on {@code host}:{@code port} (the next free port when it is busy) and
     * watches its repository. A host that is not a loopback address is warned about: the preview
     * is then open to the network.
     */
    public static LivePreview start(PreviewSite site, String host, int port, BuildLog log) throws IOException {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            log.warn("certdocs serve: listening on " + host + ", which is not a loopback address: anyone who can reach"
                    + " this machine can read the preview. Leave certdocs.serve.host at 127.0.0.1 unless you mean it.");
        }
        PreviewServer server = PreviewServer.start(site, host, port, m -> log.warn("certdocs serve: " + m));
        site.onReload(server::reload);
        FileWatcher watcher;
        try {
            watcher = new FileWatcher(site.root(), site::watches, QUIET, LONGEST, changed -> reload(site, server, changed, log),
                    log::warn);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        watcher.start();
        return new LivePreview(site, server, watcher);
    }

    private static void reload(PreviewSite site, PreviewServer server, Set<Path> changed, BuildLog log) {
        long start = System.nanoTime();
        Set<String> pages = site.reload(changed);
        server.reload(pages);
        String names = changed.size() == 1 ? site.root().relativize(changed.iterator().next()).toString() : changed.size() + " files";
        log.info(String.format(java.util.Locale.ROOT, "certdocs serve: %s changed: %s reloaded (%d ms)", names, described(pages),
                (System.nanoTime() - start) / 1_000_000));
    }

    /** "every page", "every page of public, 3 pages", "1 page": what a reload names. */
    private static String described(Set<String> pages) {
        if (pages.contains(PreviewSite.EVERY_PAGE)) return "every page";
        List<String> clouds = new ArrayList<>();
        int single = 0;
        for (String p : pages) {
            if (p.endsWith("/" + PreviewSite.EVERY_PAGE)) clouds.add(p.substring(1, p.indexOf('/', 1)));
            else single++;
        }
        String some = single == 1 ? "1 page" : single + " pages";
        if (clouds.isEmpty()) return some;
        return "every page of " + String.join(", ", clouds) + (single > 0 ? ", " + some : "");
    }

    public URI url() {
        return server.url();
    }

    /** How many open pages listen for reloads. */
    public int listeners() {
        return server.listeners();
    }

    /** Waits until {@link #close} was called (Ctrl-C in a Maven run). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            watcher.close();
            server.close();
            site.close();
        } finally {
            stopped.countDown();
        }
    }
}
