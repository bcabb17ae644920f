package dev.certdocs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import dev.certdocs.publish.SearchIndex;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The CPU cost of the search index alone (issue 16), without the rest of {@code generate}: builds
 * the site of a corpus once (incremental, so each cloud's entry store is left in the state
 * directory), reads the stores back, then, round after round on one thread, does per cloud what
 * the publish stage does with an article's search entry: serialises it ({@code searchIndexEntry},
 * as a rendered page is spooled), reads it back (as the index is built from the store) and writes
 * the sharded index ({@link SearchIndex#write}, the clouds sharing one {@link SearchIndex.Weights}).
 * When it builds the site (the first run on a work folder), it also prints the build's own
 * search index summary (the {@code -X} line: time and CPU time summed over clouds) and the
 * process's CPU time for the whole {@code generate}.
 * Prints the thread CPU time of each round, the median of the rounds after the warm-up ones, and a
 * SHA-256 of every file written (the same corpus must give the same digest before and after a change),
 * computed outside the timed part (until December 5 it was inside: about a fifth of a round under
 * C1). The manifest key of each file is timed apart, by {@code dev.certdocs.incremental.SearchFileKeyBenchmark}.
 *
 * <p>{@code SearchIndexBenchmark <corpus> <work> [rounds]}
 */
public final class SearchIndexBenchmark {

    private static final ObjectReader ENTRY = new ObjectMapper().readerFor(SearchEntry.class);
    private static final ObjectReader ENTRIES = new ObjectMapper().readerFor(SearchEntry[].class);

    private SearchIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path state = work.resolve("reports").resolve("incremental");
        if (!Files.isDirectory(state)) {
            BuildConfig config = BuildConfig.builder(corpus).reportsDirectory(work.resolve("reports"))
                    .outputDirectory(work.resolve("site")).siteVersion("1.0.0").threads(2).incremental(true).build();
            BuildLog log = new BuildLog() {
                @Override public void info(String message) { }
                @Override public void warn(String message) { }
                @Override public void error(String message) { System.err.println(message); }
                @Override public void raw(String line) { }
                @Override public void debug(String message) {
                    if (message.contains("search index files written")) System.out.println("generate: " + message);
                }
            };
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            GenerateResult r = CertDocs.generate(config, log);
            if (r.failed()) throw new IllegalStateException("generate failed: " + r.reason());
            System.out.printf(Locale.ROOT, "generate: %d ms CPU (process)%n", (os.getProcessCpuTime() - cpuStart) / 1_000_000);
        }
        List<SearchEntry[]> clouds = new ArrayList<>();
        try (Stream<Path> files = Files.list(state)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".search.json")).sorted().toList()) {
                clouds.add(ENTRIES.readValue(f.toFile()));
            }
        }
        int pages = clouds.stream().mapToInt(c -> c.length).sum();
        System.out.println("clouds: " + clouds.size() + ", article pages: " + pages);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] times = new long[rounds];
        String digest = null;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            SearchIndex.Weights weights = new SearchIndex.Weights();
            // Kept, and digested once the clock is stopped: the round times the index, not the check.
            List<String> paths = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (SearchEntry[] cloud : clouds) {
                byte[][] stored = new byte[cloud.length][];
                for (int k = 0; k < cloud.length; k++) stored[k] = SiteRenderer.searchIndexEntry(cloud[k]);
                SearchIndex.write(cloud.length, k -> read(stored[k]), weights, (path, bytes) -> {
                    paths.add(path);
                    contents.add(bytes);
                });
            }
            weights.clear();
            times[round] = cpu.getCurrentThreadCpuTime() - start;
            int[] written = {paths.size()};
            MessageDigest sha = sha256();
            long bytes = 0;
            for (int f = 0; f < paths.size(); f++) {
                sha.update(paths.get(f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(contents.get(f));
                bytes += contents.get(f).length;
            }
            if (round == 0) System.out.println("files: " + paths.size() + ", " + bytes + " bytes");
            String d = HexFormat.of().formatHex(sha.digest());
            if (digest != null && !digest.equals(d)) throw new IllegalStateException("rounds differ");
            digest = d;
            System.out.printf(Locale.ROOT, "round %d: %d ms CPU, %d files%n", round + 1, times[round] / 1_000_000, written[0]);
        }
        int warm = Math.min(rounds - 1, 3);
        long[] measured = Arrays.copyOfRange(times, warm, rounds);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "first round: %d ms CPU; median of rounds %d-%d: %d ms CPU%n", times[0] / 1_000_000,
                warm + 1, rounds, measured[measured.length / 2] / 1_000_000);
        System.out.println("files sha256: " + digest);
    }

    private static SearchEntry read(byte[] bytes) {
        try {
            return ENTRY.readValue(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
