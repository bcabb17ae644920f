package dev.certdocs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.diagnostic.RunSummary;
import dev.certdocs.engine.CertDocs;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Measures the HTML report on a synthetic corpus where every article carries one injected defect
 * (25,000 findings for 25,000 articles): the page's weight, and how long headless Chromium
 * takes to make it usable, opened from disk: the first frame drawn after the load event, when the
 * overview, the filters and the collapsed groups are on screen; for the triage page also the
 * {@code certdocs-ready} mark its script sets and the time to apply a rule filter. With a class
 * {@code dev.certdocs.diagnostic.HtmlReportBefore} on the class path (bench/report.sh compiles the
 * report writer of an earlier commit under that name) the earlier page is measured on the same
 * findings too.
 *
 * <p>{@code ReportBenchmark <workDir> <articles> [runs=5] [chromium=/usr/bin/chromium]}. Chromium
 * is driven over the DevTools protocol with the JDK's WebSocket client (no Selenium on this class
 * path). Not a test: it prints figures and asserts nothing.
 */
public final class ReportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits for two frames after the load event, then reads the navigation's timings. */
    private static final String TIMINGS = """
            new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
              const nav = performance.getEntriesByType('navigation')[0];
              const ready = performance.getEntriesByName('certdocs-ready')[0];
              done(JSON.stringify({dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                ready: ready ? ready.startTime : -1, usable: performance.now()}));
            })))""";

    /** Chooses the first rule in the filter and waits for the frame that shows the result. */
    private static final String FILTER = """
            new Promise(done => {
              const s = document.querySelector('#goal-validate select[name=rule]');
              if (!s) { done(-1); return; }
              const t = performance.now();
              s.value = s.options[1].value;
              s.dispatchEvent(new Event('change', {bubbles: true}));
              requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t)));
            })""";

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ReportBenchmark <workDir> <articles> [runs=5] [chromium=/usr/bin/chromium]");
            System.exit(2);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String chromium = args.length > 3 ? args[3] : "/usr/bin/chromium";

        Path corpus = work.resolve(String.format(Locale.ROOT, "corpus-%d-1-1.0", count));
        ValidateBenchmark.ensureCorpus(new SyntheticCorpus(1, count).withDefects(1.0), corpus);
        Path reports = work.resolve("reports-report-" + count);
        BuildConfig config = BuildConfig.builder(corpus).reportsDirectory(reports)
                .threads(Runtime.getRuntime().availableProcessors())
                .sourceUrl("https://git.example.com/docs/blob/main/{path}#L{line}").build();
        Files.deleteIfExists(reports.resolve("report.html"));
        long start = System.nanoTime();
        RunSummary run = CertDocs.validate(config, BuildLog.SILENT).summary();
        System.out.printf(Locale.ROOT, "validate: %d articles, %d findings in %.1f s%n", run.files().size(),
                run.findings().size(), (System.nanoTime() - start) / 1e9);

        List<Path> pages = new ArrayList<>();
        Path before = before(run, reports);
        if (before != null) pages.add(before);
        pages.add(reports.resolve("report.html"));

        try (Browser browser = Browser.start(chromium, work.resolve("chromium-profile"))) {
            for (Path page : pages) {
                measure(browser, page, runs);
            }
        }
    }

    /** The earlier report of the same run, when its writer is on the class path; else null. */
    private static Path before(RunSummary run, Path reports) throws Exception {
        Class<?> writer;
        try {
            writer = Class.forName("dev.certdocs.diagnostic.HtmlReportBefore");
        } catch (ClassNotFoundException e) {
            System.out.println("(no earlier report writer on the class path: measuring the current report only)");
            return null;
        }
        long start = System.nanoTime();
        String html = (String) writer.getMethod("render", RunSummary.class).invoke(null, run);
        System.out.printf(Locale.ROOT, "earlier report rendered in %.2f s%n", (System.nanoTime() - start) / 1e9);
        Path file = reports.resolve("report-before.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static void measure(Browser browser, Path page, int runs) throws Exception {
        byte[] bytes = Files.readAllBytes(page);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(bytes);
        }
        System.out.printf(Locale.ROOT, "%n%s: %.2f MB (%.2f MB gzipped)%n", page.getFileName(), bytes.length / 1048576.0,
                zipped.size() / 1048576.0);
        double[] dcl = new double[runs];
        double[] load = new double[runs];
        double[] usable = new double[runs];
        double[] ready = new double[runs];
        double[] filter = new double[runs];
        browser.open(page.toUri().toString()); // a cold first open, not counted
        for (int k = 0; k < runs; k++) {
            JsonNode t = browser.open(page.toUri().toString());
            dcl[k] = t.path("dcl").asDouble();
            load[k] = t.path("load").asDouble();
            usable[k] = t.path("usable").asDouble();
            ready[k] = t.path("ready").asDouble();
            filter[k] = browser.evaluate(FILTER).asDouble();
            browser.closeTab();
            System.out.printf(Locale.ROOT, "  run %d: DOMContentLoaded %.0f ms, load %.0f ms, usable (first frame after load) %.0f ms%s%s%n",
                    k + 1, dcl[k], load[k], usable[k], ready[k] < 0 ? "" : String.format(Locale.ROOT, ", ready mark %.0f ms", ready[k]),
                    filter[k] < 0 ? "" : String.format(Locale.ROOT, ", rule filter applied in %.0f ms", filter[k]));
        }
        System.out.printf(Locale.ROOT, "  median: usable %.0f ms (load %.0f ms)%s%s%n", median(usable), median(load),
                median(ready) < 0 ? "" : String.format(Locale.ROOT, ", ready mark %.0f ms", median(ready)),
                median(filter) < 0 ? "" : String.format(Locale.ROOT, ", rule filter %.0f ms", median(filter)));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Headless Chromium over the DevTools protocol: one tab at a time. */
    private static final class Browser implements AutoCloseable {
        private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
        private final Process process;
        private final WebSocket socket;
        private final BlockingQueue<JsonNode> incoming;
        private final List<JsonNode> events = new ArrayList<>();
        private final AtomicInteger ids = new AtomicInteger();
        private String target;
        private String session;

        private Browser(Process process, WebSocket socket, BlockingQueue<JsonNode> incoming) {
            this.process = process;
            this.socket = socket;
            this.incoming = incoming;
        }

        static Browser start(String chromium, Path profile) throws Exception {
            Files.createDirectories(profile);
            Process p = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--window-size=1280,1000", "--remote-debugging-port=0",
                    "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; url == null && (line = err.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) url = m.group(1);
            }
            if (url == null) throw new IllegalStateException(chromium + " did not start its DevTools endpoint");
            Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
            drain.setDaemon(true);
            drain.start();
            BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        try {
                            queue.add(JSON.readTree(text.toString()));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            return new Browser(p, socket, queue);
        }

        /** Opens the page in a new tab and returns its timings once two frames after the load event are drawn. */
        JsonNode open(String url) throws Exception {
            if (target != null) closeTab();
            target = call("Target.createTarget", JSON.createObjectNode().put("url", "about:blank"), null).path("targetId").asText();
            session = call("Target.attachToTarget", JSON.createObjectNode().put("targetId", target).put("flatten", true), null)
                    .path("sessionId").asText();
            call("Page.enable", JSON.createObjectNode(), session);
            call("Page.navigate", JSON.createObjectNode().put("url", url), session);
            awaitEvent("Page.loadEventFired");
            return JSON.readTree(evaluate(TIMINGS).asText());
        }

        JsonNode evaluate(String expression) throws Exception {
            ObjectNode params = JSON.createObjectNode().put("expression", expression).put("awaitPromise", true)
                    .put("returnByValue", true);
            return call("Runtime.evaluate", params, session).path("result").path("value");
        }

        void closeTab() throws Exception {
            if (target == null) return;
            call("Target.closeTarget", JSON.createObjectNode().put("targetId", target), null);
            target = null;
            session = null;
        }

        private JsonNode call(String method, ObjectNode params, String sessionId) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", params);
            if (sessionId != null) message.put("sessionId", sessionId);
            socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
            while (true) {
                JsonNode reply = next();
                if (reply.path("id").asInt(-1) == id) {
                    if (reply.has("error")) throw new IllegalStateException(method + ": " + reply.path("error"));
                    return reply.path("result");
                }
                if (reply.has("method")) events.add(reply);
            }
        }

        private void awaitEvent(String method) throws Exception {
            while (true) {
                for (JsonNode e : events) {
                    if (e.path("method").asText().equals(method) && e.path("sessionId").asText().equals(session)) {
                        events.clear();
                        return;
                    }
                }
                events.add(next());
            }
        }

        private JsonNode next() throws InterruptedException {
            JsonNode n = incoming.poll(120, TimeUnit.SECONDS);
            if (n == null) throw new IllegalStateException("Chromium did not answer within 120 s");
            return n;
        }

        @Override
        public void close() {
            socket.abort();
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
