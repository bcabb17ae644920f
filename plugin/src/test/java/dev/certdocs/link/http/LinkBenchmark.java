package dev.certdocs.link.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.certdocs.support.BuildLog;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.link.http.UrlResult.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The link checker's speed (ISSUE-5 point 9), run by {@code bench/links.sh}; not a test.
 *
 * <p>A loopback server listens on 20 addresses (127.0.0.2 to 127.0.0.21: Linux routes all of
 * 127/8 to the loopback interface) and answers 200 to HEAD and GET 50 ms after each request,
 * without holding a thread meanwhile. 20,000 unique URLs spread over those hosts are each used
 * 2 or 3 times across 200 generated articles (the same set every run). The checker runs with the
 * default settings and again with the host interval at 0, each URL asked for at every use, in
 * article order; then linkinator (npm) checks the same articles as HTML pages at the same total
 * concurrency. For each run it prints URLs per second, the requests the server saw, and the
 * limit the settings allow:
 * {@code min(concurrency / latency, sum over hosts of min(hostConcurrency / latency, 1 / hostInterval))}.
 *
 * <p>Arguments: {@code --work DIR} (where linkinator is installed and the pages are written;
 * without it linkinator is not run), {@code --urls N} (20000), {@code --hosts N} (20),
 * {@code --latency MS} (50).
 */
public final class LinkBenchmark {

    private static final int ARTICLES = 200;

    private final int urlCount;
    private final int hostCount;
    private final long latencyMillis;
    private final Path work;
    private final List<String> runs;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ScheduledExecutorService delay = Executors.newScheduledThreadPool(2, daemon("bench-delay"));
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(4, daemon("bench-server"));
    private final AtomicInteger heads = new AtomicInteger();
    private final AtomicInteger gets = new AtomicInteger();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private int port;
    private double linkinatorFixed;

    private LinkBenchmark(int urlCount, int hostCount, long latencyMillis, Path work, List<String> runs) {
        this.runs = runs;
        this.urlCount = urlCount;
        this.hostCount = hostCount;
        this.latencyMillis = latencyMillis;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int urls = 20_000;
        int hosts = 20;
        long latency = 50;
        Path work = null;
        String runs = "default,interval0,linkinator";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--urls" -> urls = Integer.parseInt(args[i + 1]);
                case "--hosts" -> hosts = Integer.parseInt(args[i + 1]);
                case "--latency" -> latency = Long.parseLong(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]).toAbsolutePath();
                case "--runs" -> runs = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        LinkBenchmark bench = new LinkBenchmark(urls, hosts, latency, work, List.of(runs.split(",")));
        try {
            bench.run();
        } finally {
            bench.stop();
        }
    }

    private void run() throws Exception {
        startServers();
        List<List<String>> articles = articles("/doc/");
        int uses = articles.stream().mapToInt(List::size).sum();
        System.out.printf(Locale.ROOT, "%d unique URLs over %d hosts (127.0.0.2-%d:%d), %d uses in %d articles, "
                        + "+%d ms per answer; %d cores%n",
                urlCount, hostCount, hostCount + 1, port, uses, articles.size(), latencyMillis,
                Runtime.getRuntime().availableProcessors());

        Path cacheDir = Files.createTempDirectory("certdocs-bench");
        LinkSettings defaults = withoutCache(LinkSettings.defaults(cacheDir), null);
        // warm the JIT on other URLs, so the first measured run is not the JVM's start-up
        runChecker(null, withoutCache(defaults, Duration.ZERO), articles("/warm-up/").subList(0, 20));

        Run byDefault = runs.contains("default") ? runChecker("certdocs, default settings", defaults, articles) : null;
        Run noInterval = runs.contains("interval0")
                ? runChecker("certdocs, host interval 0", withoutCache(defaults, Duration.ZERO), articles) : null;
        if (!runs.contains("linkinator")) return;
        if (work == null) {
            System.out.println("linkinator: not run (no --work directory)");
            return;
        }
        Run linkinator = runLinkinator(articles, defaults.concurrency());
        if (linkinator == null) return;
        if (noInterval != null) {
            System.out.printf(Locale.ROOT, "certdocs (host interval 0) vs linkinator, both at concurrency %d: %.2fx the URLs per second "
                            + "(%.2fx without linkinator's fixed cost)%n", defaults.concurrency(), noInterval.rate() / linkinator.rate(),
                    noInterval.rate() / (urlCount / (linkinator.seconds() - linkinatorFixed)));
        }
        if (byDefault != null) {
            System.out.printf(Locale.ROOT, "certdocs (default settings, 50 ms host interval) vs linkinator: %.2fx%n",
                    byDefault.rate() / linkinator.rate());
        }
    }

    private record Run(double seconds, double rate) {
    }

    private Run runChecker(String name, LinkSettings settings, List<List<String>> articles) {
        resetCounts();
        double limit = limit(settings);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        ExternalLinkChecker.Stats stats;
        List<CompletableFuture<UrlResult>> all = new ArrayList<>();
        try (ExternalLinkChecker checker = new ExternalLinkChecker(settings, BuildLog.SILENT)) {
            for (List<String> article : articles) {
                for (String url : article) all.add(checker.check(url, null));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            stats = checker.stats();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        if (name == null) return null;
        long notOk = all.stream().filter(f -> f.join().outcome() != Outcome.OK).count();
        int unique = stats.urls();
        double rate = unique / seconds;
        int maxPerPath = perPath.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-32s %6d URLs (%d uses) in %6.2f s = %7.1f URLs/s; limit %7.1f/s -> %5.1f%% of it; "
                        + "requests: %d by the checker, %d HEAD + %d GET at the server, at most %d per URL; not ok: %d; "
                        + "CPU %.1f s (checker and server)%n",
                name, unique, all.size(), seconds, rate, limit, 100 * rate / limit, stats.requests(), heads.get(), gets.get(),
                maxPerPath, notOk, cpu);
        int minPerPath = perPath.values().stream().mapToInt(AtomicInteger::get).min().orElse(0);
        System.out.printf(Locale.ROOT, "%-32s target >= 90%% of the limit: %s; exactly one request per unique URL: %s%n", "",
                rate >= 0.9 * limit ? "met" : "NOT met",
                stats.requests() == unique && perPath.size() == unique && minPerPath == 1 && maxPerPath == 1 ? "yes" : "NO");
        return new Run(seconds, rate);
    }

    /** The most URLs per second the settings allow against this server (one request per URL). */
    private double limit(LinkSettings s) {
        double latency = latencyMillis / 1000.0;
        double interval = s.hostInterval().toNanos() / 1e9;
        double perHost = Math.min(s.hostConcurrency() / latency, interval == 0 ? Double.POSITIVE_INFINITY : 1 / interval);
        return Math.min(s.concurrency() / latency, hostCount * perHost);
    }

    private Run runLinkinator(List<List<String>> articles, int concurrency) throws Exception {
        Path bin = work.resolve("node_modules/.bin/linkinator");
        if (!Files.isExecutable(bin)) {
            System.out.println("linkinator: not installed in " + work + " (run bench/links.sh)");
            return null;
        }
        Path site = work.resolve("site");
        writeSite(site, articles);
        Path report = work.resolve("linkinator.json");
        // its fixed cost (node start-up, its static server, the local pages) on the same pages without the links
        Path empty = work.resolve("site-without-links");
        writeSite(empty, articles.stream().map(a -> List.<String>of()).toList());
        long emptyStart = System.nanoTime();
        new ProcessBuilder(bin.toString(), empty.toString(), "--recurse", "--concurrency", String.valueOf(concurrency))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        double fixed = (System.nanoTime() - emptyStart) / 1e9;
        resetCounts();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(bin.toString(), site.toString(), "--recurse", "--concurrency",
                String.valueOf(concurrency), "--format", "json")
                .redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpu = (processCpuNanos() - cpuStart) / 1e9;
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        int external = 0;
        int ok = 0;
        for (JsonNode link : json.path("links")) {
            if (!link.path("url").asText().startsWith("http://127.0.0.")) continue;
            external++;
            if (link.path("state").asText().equals("OK")) ok++;
        }
        double rate = urlCount / seconds;
        System.out.printf(Locale.ROOT, "%-32s %6d URLs in %6.2f s = %7.1f URLs/s (process wall time, node start-up and "
                        + "crawling %d local pages included); requests: %d HEAD + %d GET at the server; %d of %d results ok; exit %d; "
                        + "CPU %.1f s (the server alone)%n",
                "linkinator --concurrency " + concurrency, urlCount, seconds, rate, articles.size() + 1, heads.get(), gets.get(),
                ok, external, exit, serverCpu);
        System.out.printf(Locale.ROOT, "%-32s its fixed cost (the same pages without the links): %.2f s; without it %.1f URLs/s. "
                        + "linkinator has no per-host limit or host interval: only its total concurrency is set%n",
                "", fixed, urlCount / (seconds - fixed));
        linkinatorFixed = fixed;
        return new Run(seconds, rate);
    }

    // ---------------------------------------------------------------- the URL set

    /** Article {@code a} lists its links; URL {@code k} (host {@code k % hosts}) is used 2 or 3 times, in a fixed shuffle. */
    private List<List<String>> articles(String prefix) {
        List<String> uses = new ArrayList<>();
        for (int k = 0; k < urlCount; k++) {
            String url = "http://127.0.0." + (2 + k % hostCount) + ":" + port + prefix + k;
            int times = 2 + (k * 7919 % 2);
            for (int t = 0; t < times; t++) uses.add(url);
        }
        Collections.shuffle(uses, new Random(42));
        List<List<String>> articles = new ArrayList<>();
        int per = (uses.size() + ARTICLES - 1) / ARTICLES;
        for (int i = 0; i < uses.size(); i += per) articles.add(uses.subList(i, Math.min(uses.size(), i + per)));
        return articles;
    }

    private static void writeSite(Path site, List<List<String>> articles) throws IOException {
        Files.createDirectories(site);
        StringBuilder index = new StringBuilder("<!doctype html><title>articles</title><ul>\n");
        for (int a = 0; a < articles.size(); a++) {
            String name = String.format(Locale.ROOT, "article-%03d.html", a);
            index.append("<li><a href=\"").append(name).append("\">").append(name).append("</a>\n");
            StringBuilder page = new StringBuilder("<!doctype html><title>").append(name).append("</title><ul>\n");
            for (String url : articles.get(a)) page.append("<li><a href=\"").append(url).append("\">link</a>\n");
            Files.writeString(site.resolve(name), page.append("</ul>\n"));
        }
        Files.writeString(site.resolve("index.html"), index.append("</ul>\n"));
    }

    private static LinkSettings withoutCache(LinkSettings d, Duration hostInterval) {
        return new LinkSettings(d.offline(), d.failOnBrokenLinks(), d.concurrency(), d.hostConcurrency(),
                hostInterval == null ? d.hostInterval() : hostInterval, d.connectTimeout(), d.timeout(), d.retries(),
                d.maxRetryWait(), d.maxRedirects(), d.maxBodyBytes(), Duration.ZERO, d.cacheFile(),
                d.checkExternalFragments(), d.include(), d.exclude(), d.statusMap(), d.headers(), d.userAgent(),
                d.allowLinkLocal(), d.followRedirectsToPrivate());
    }

    // ---------------------------------------------------------------- the server

    private void startServers() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpServer first = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 1024);
                servers.add(first);
                port = first.getAddress().getPort();
                for (int h = 1; h < hostCount; h++) {
                    servers.add(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (2 + h)), port), 1024));
                }
                break;
            } catch (BindException e) {
                servers.forEach(s -> s.stop(0));
                servers.clear();
                if (attempt == 5) throw e;
            }
        }
        for (HttpServer s : servers) {
            s.setExecutor(serverThreads);
            s.createContext("/", this::answer);
            s.start();
        }
    }

    /** Counts the request and answers it {@code latency} later from a timer, holding no thread meanwhile. */
    private void answer(HttpExchange exchange) {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        (head ? heads : gets).incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith("/warm-up/") && path.startsWith("/doc/")) {
            perPath.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        }
        delay.schedule(() -> {
            try {
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                if (head) {
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    byte[] body = "<!doctype html><p>ok</p>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                exchange.close();
            }
        }, latencyMillis, TimeUnit.MILLISECONDS);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void resetCounts() {
        heads.set(0);
        gets.set(0);
        perPath.clear();
    }

    private void stop() {
        servers.forEach(s -> s.stop(0));
        delay.shutdownNow();
        serverThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
