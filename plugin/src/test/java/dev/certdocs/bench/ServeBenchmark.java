package dev.certdocs.bench;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.serve.LivePreview;
import dev.certdocs.support.BuildLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * {@code certdocs:serve} on a synthetic corpus (every article in the 5 clouds): the time from the
 * start of {@link CertDocs#serve} to the first article page served (the JVM's own start
 * excluded), the time until every cloud's search index is served, then {@code edits} saves of
 * article files, each timed from the file written to the reload event received by a client of the
 * event stream and the changed page fetched (median, p95), and the heap's peak (sum of the heap
 * pools' peaks). Edited files are restored at the end.
 *
 * <p>{@code ServeBenchmark <work> <count> [edits]}
 */
public final class ServeBenchmark {

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServeTimings run = ServeTimings.fromArgs(args);
        Path corpus = run.corpus();
        int count = run.count();
        Path reports = Files.createDirectories(run.work().resolve("serve-" + count));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> articles;
        try (Stream<Path> files = Files.walk(corpus.resolve("articles"))) {
            articles = files.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/includes/"))
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> reloadStages = java.util.Collections.synchronizedList(new ArrayList<>());
        BuildLog log = new BuildLog() {
            @Override public void info(String message) { }
            @Override public void warn(String message) { }
            @Override public void error(String message) { System.err.println(message); }
            @Override public void debug(String message) {
                if (message.startsWith("certdocs serve stages")) System.out.println(message);
                if (message.startsWith("certdocs serve reload stages")) reloadStages.add(message);
            }
        };

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long startCpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        LivePreview preview = CertDocs.serve(() -> BuildConfig.builder(corpus).reportsDirectory(reports).siteVersion("1.0.0")
                .threads(Runtime.getRuntime().availableProcessors()).build(), log, "127.0.0.1", 0);
        String base = preview.url().toString() + "public/1.0.0/";
        String first = page(articles.get(0));
        HttpResponse<String> firstPage = ServeTimings.get(http, base + first);
        double firstMs = (System.nanoTime() - start) / 1e6;
        // CPU time (every thread of this JVM, the JIT's included) says what the start costs whatever else the machine runs.
        double firstCpuMs = (os.getProcessCpuTime() - startCpu) / 1e6;
        if (firstPage.statusCode() != 200) throw new IllegalStateException("first page: " + firstPage.statusCode());
        System.out.printf(Locale.ROOT, "start to first page served: %.0f ms, %.0f ms of CPU (%d articles x 5 clouds;"
                + " JVM start excluded)%n", firstMs, firstCpuMs, articles.size());

        for (String cloud : SyntheticCorpus.CLOUDS) {
            HttpResponse<String> index = ServeTimings.get(http, preview.url() + cloud + "/1.0.0/search/index.js");
            if (index.statusCode() != 200) throw new IllegalStateException("search index of " + cloud + ": " + index.statusCode());
        }
        System.out.printf(Locale.ROOT, "start to every cloud's search index served: %.1f s%n", (System.nanoTime() - start) / 1e9);

        // One client of the event stream, as an open page is.
        BlockingQueue<String> reloads = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(URI.create(preview.url() + "_certdocs/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    if (line.startsWith("data: [")) reloads.add(line);
                }));
        while (preview.listeners() == 0) Thread.sleep(5);

        ServeTimings.Latencies saves = run.timeSaves(http, articles, article -> base + page(article), corpus::resolve, reloads,
                (event, path) -> event.contains("\"" + path + "\""), "reload event");
        Thread.sleep(500);
        synchronized (reloadStages) {
            if (!reloadStages.isEmpty()) System.out.println("last reload: " + reloadStages.get(reloadStages.size() - 1));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        System.out.println(saves.describe("event"));
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "peak heap: %d MiB (max %d MiB); in use after a full GC, every page reachable: %d MiB%n",
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20, live >> 20);
        long rssKb = ServeTimings.vmHwmKb(ProcessHandle.current().pid());
        System.out.printf(Locale.ROOT, "peak resident memory of this JVM (the benchmark's client included): %d MiB%n", rssKb >> 10);
        System.out.printf(Locale.ROOT, "RESULT certdocs serve articles=%d firstPageMs=%.0f firstPageCpuMs=%.0f reloadMedianMs=%.0f"
                + " reloadP95Ms=%.0f peakHeapMiB=%d peakRssMiB=%d%n", articles.size(), firstMs, firstCpuMs, saves.median(),
                saves.p95(), peak >> 20, rssKb >> 10);
        preview.close();
    }

    private static String page(String article) {
        String p = article.substring("articles/".length());
        return p.substring(0, p.length() - 3) + ".html";
    }
}
