package dev.certdocs.bench;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.render.HugoSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path work = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path corpus = work.resolve("corpus-" + count + "-1-allclouds");
        ValidateBenchmark.ensureCorpus(new SyntheticCorpus(1, count).withAllClouds(), corpus);
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
                    if (get(http, first).statusCode() == 200) firstMs = (System.nanoTime() - start) / 1e6;
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

            List<Double> latencies = new ArrayList<>();
            List<Path> edited = new ArrayList<>();
            List<byte[]> originals = new ArrayList<>();
            int step = Math.max(1, pages.size() / (edits + 1));
            for (int k = 1; latencies.size() < edits && k * step < pages.size(); k++) {
                String page = pages.get(k * step);
                String url = base + html(page);
                if (get(http, url).statusCode() != 200) continue;
                Path file = site.resolve("content/public").resolve(page);
                byte[] original = Files.readAllBytes(file);
                edited.add(file);
                originals.add(original);
                String marker = "Edited for the benchmark, save " + latencies.size() + ".";
                Thread.sleep(300);
                reloads.clear();
                long t0 = System.nanoTime();
                Files.write(file, (new String(original, StandardCharsets.UTF_8) + "\n" + marker + "\n").getBytes(StandardCharsets.UTF_8));
                if (reloads.poll(60, TimeUnit.SECONDS) == null) throw new IllegalStateException("no reload from hugo for " + page);
                HttpResponse<String> r = get(http, url);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (!r.body().contains(marker)) throw new IllegalStateException("the reloaded page lacks the edit: " + url);
                latencies.add(ms);
            }
            for (int i = 0; i < edited.size(); i++) Files.write(edited.get(i), originals.get(i));
            Thread.sleep(1000);
            long rssKb = vmHwmKb(hugo.pid());
            List<Double> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            System.out.printf(Locale.ROOT, "hugo server: save to reload (written -> reload message -> page fetched), %d edits: median %.0f ms,"
                    + " p95 %.0f ms, max %.0f ms%n", sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
            System.out.printf(Locale.ROOT, "hugo server: peak resident memory %d MiB%n", rssKb >> 10);
            System.out.printf(Locale.ROOT, "RESULT hugo server articles=%d firstPageMs=%.0f reloadMedianMs=%.0f reloadP95Ms=%.0f peakRssMiB=%d%n",
                    count, firstMs, percentile(sorted, 50), percentile(sorted, 95), rssKb >> 10);
            ws.abort();
        } finally {
            hugo.destroy();
            if (!hugo.waitFor(10, TimeUnit.SECONDS)) hugo.destroyForcibly();
        }
    }

    /** The peak resident set of a process, from /proc (0 where there is none). */
    static long vmHwmKb(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.isRegularFile(status)) return 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return 0;
    }

    private static String html(String md) {
        return md.substring(0, md.length() - 3) + ".html";
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
