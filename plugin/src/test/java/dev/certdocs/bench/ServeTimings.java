package dev.certdocs.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What {@link ServeBenchmark} and {@link HugoServeBenchmark} share, so that their figures are
 * measured the same way: the arguments {@code <work> <count> [edits]} and the all-clouds corpus
 * they name, and the edit-and-measure loop (a source file saved, the server's reload signal
 * awaited, the changed page fetched; median and p95 of the saves).
 *
 * @param work   the benchmarks' work folder
 * @param count  articles in the corpus
 * @param edits  saves to time
 * @param corpus the synthetic corpus of {@code count} articles in the 5 clouds (shared with bench/search.sh)
 */
record ServeTimings(Path work, int count, int edits, Path corpus) {

    /** Reads {@code <work> <count> [edits]} and writes the corpus unless it is there. */
    static ServeTimings fromArgs(String[] args) throws IOException {
        Path work = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path corpus = work.resolve("corpus-" + count + "-1-allclouds");
        ValidateBenchmark.ensureCorpus(new SyntheticCorpus(1, count).withAllClouds(), corpus);
        return new ServeTimings(work, count, edits, corpus);
    }

    /**
     * Saves {@link #edits()} of {@code pages}, spread evenly over the list, one at a time: each
     * save appends a marker line to the page's source file, waits for a reload signal that
     * {@code isFor} the page's URL path (from {@code reloads}, emptied before each save), fetches
     * the page and checks that it holds the marker. Pages not served (not 200) are passed over.
     * The files are restored at the end.
     *
     * @param source gives the source file of a page
     * @param signal what {@code reloads} holds, for the error when none comes ("reload event")
     */
    Latencies timeSaves(HttpClient http, List<String> pages, Function<String, String> url, Function<String, Path> source,
            BlockingQueue<String> reloads, BiPredicate<String, String> isFor, String signal)
            throws IOException, InterruptedException {
        List<Double> latencies = new ArrayList<>();
        List<Path> edited = new ArrayList<>();
        List<byte[]> originals = new ArrayList<>();
        int step = Math.max(1, pages.size() / (edits + 1));
        for (int k = 1; latencies.size() < edits && k * step < pages.size(); k++) {
            String page = pages.get(k * step);
            String pageUrl = url.apply(page);
            if (get(http, pageUrl).statusCode() != 200) continue; // not served (an article not published in public)
            Path file = source.apply(page);
            byte[] original = Files.readAllBytes(file);
            edited.add(file);
            originals.add(original);
            String marker = "Edited for the benchmark, save " + latencies.size() + ".";
            Thread.sleep(300); // apart from the previous save: each save is its own burst
            reloads.clear();
            long t0 = System.nanoTime();
            Files.write(file, (new String(original, StandardCharsets.UTF_8) + "\n" + marker + "\n").getBytes(StandardCharsets.UTF_8));
            String path = URI.create(pageUrl).getPath();
            while (true) {
                String event = reloads.poll(60, TimeUnit.SECONDS);
                if (event == null) throw new IllegalStateException("no " + signal + " for " + page);
                if (isFor.test(event, path)) break;
            }
            HttpResponse<String> r = get(http, pageUrl);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!r.body().contains(marker)) throw new IllegalStateException("the reloaded page lacks the edit: " + pageUrl);
            latencies.add(ms);
        }
        for (int i = 0; i < edited.size(); i++) Files.write(edited.get(i), originals.get(i));
        List<Double> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        return new Latencies(List.copyOf(sorted));
    }

    /** Save-to-reload times in milliseconds, in ascending order. */
    record Latencies(List<Double> sorted) {

        double median() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        /** The figures' line, {@code signal} naming what the server sends ("event"). */
        String describe(String signal) {
            return String.format(Locale.ROOT, "save to reload (written -> %s -> page fetched), %d edits: median %.0f ms,"
                    + " p95 %.0f ms, max %.0f ms", signal, sorted.size(), median(), p95(), sorted.get(sorted.size() - 1));
        }

        private double percentile(int p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
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

    static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
