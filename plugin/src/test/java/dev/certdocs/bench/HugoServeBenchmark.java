package dev.certdocs.bench;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.render.HugoSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The figures of {@link ServeBenchmark} for {@code hugo server} (Debian's {@code hugo}, its
 * defaults) on the same corpus converted to one Hugo site of all 5 clouds ({@link HugoSite}): the
 * time from starting the process to the first article page served; save-to-reload latency
 * (content file written → Hugo's live-reload WebSocket says "reload" → page fetched), median and
 * p95; the process's peak resident memory (VmHWM; Go has no heap limit to compare with -Xmx).
 * Edited files are restored; the process is stopped.
 *
 * <p>{@code HugoServeBenchmark <work> <count> [edits]}
 */
public final class HugoServeBenchmark {

    private HugoServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServeTimings run = ServeTimings.fromArgs(args);
        Path work = run.work();
        int count = run.count();
        Path corpus = run.corpus();
        Path site = work.resolve("hugo-serve-" + count);
        if (!Files.isRegularFile(site.resolve("hugo.toml"))) {
            HugoSite.write(BuildConfig.builder(corpus).reportsDirectory(work.resolve("hugo-serve-reports")).build(), site);
        }
        List<String> pages;
        try (Stream<Path> files = Files.walk(site.resolve("content/public"))) {
            pages = files.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("_index.md"))
                    .map(p -> site.resolve("content/public").relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/public/";
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        Process hugo = new ProcessBuilder("hugo", "server", "-s", site.toString(), "--bind", "127.0.0.1", "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(work.resolve("hugo-serve.log").toFile()).start();
        try {
            String first = base + html(pages.get(0));
            double firstMs = -1;
            while (firstMs < 0) {
                if (!hugo.isAlive()) throw new IllegalStateException("hugo server stopped; see " + work.resolve("hugo-serve.log"));
                try {
                    if (ServeTimings.get(http, first).statusCode() == 200) firstMs = (System.nanoTime() - start) / 1e6;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            System.out.printf(Locale.ROOT, "hugo server: start to first page served: %.0f ms (%d public pages; all 5 clouds in one site)%n",
                    firstMs, pages.size());

            BlockingQueue<String> reloads = new LinkedBlockingQueue<>();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/livereload"),
                    new WebSocket.Listener() {
                        final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                if (text.indexOf("\"reload\"") >= 0) reloads.add(text.toString());
                                text.setLength(0);
                            }
                            socket.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            ws.sendText("{\"command\":\"hello\",\"protocols\":[\"http://livereload.com/protocols/official-7\"]}", true);

            ServeTimings.Latencies saves = run.timeSaves(http, pages, page -> base + html(page),
                    page -> site.resolve("content/public").resolve(page), reloads, (message, path) -> true, "reload from hugo");
            Thread.sleep(1000);
            long rssKb = ServeTimings.vmHwmKb(hugo.pid());
            System.out.println("hugo server: " + saves.describe("reload message"));
            System.out.printf(Locale.ROOT, "hugo server: peak resident memory %d MiB%n", rssKb >> 10);
            System.out.printf(Locale.ROOT, "RESULT hugo server articles=%d firstPageMs=%.0f reloadMedianMs=%.0f reloadP95Ms=%.0f peakRssMiB=%d%n",
                    count, firstMs, saves.median(), saves.p95(), rssKb >> 10);
            ws.abort();
        } finally {
            hugo.destroy();
            if (!hugo.waitFor(10, TimeUnit.SECONDS)) hugo.destroyForcibly();
        }
    }

    private static String html(String md) {
        return md.substring(0, md.length() - 3) + ".html";
    }
}
