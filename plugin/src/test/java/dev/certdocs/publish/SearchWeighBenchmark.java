package dev.certdocs.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.render.SearchEntry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The search index's weighing alone (issue 16, docs/performance.md 19.): the articles' words split,
 * folded and counted ({@code SearchIndex.Weights.of}), without the entries' JSON or the files.
 * Reads the entry stores an earlier {@code dev.certdocs.bench.SearchIndexBenchmark} left in
 * {@code <work>/reports/incremental}, then, round after round on one thread, weighs every entry of
 * every cloud with one new {@code Weights} per round (shared by the clouds, as in a build). Prints
 * each round's thread CPU time, the median after {@code warm} rounds (default 3), the distinct texts
 * weighed, and a SHA-256 of every entry's terms and weights, sorted (computed after the clock stops),
 * which a change that keeps the index must not change. Uses only what the publish package had before
 * the change: put another revision's classes first on the class path to measure it.
 *
 * <p>{@code SearchWeighBenchmark <work> [rounds] [warm]}
 */
public final class SearchWeighBenchmark {

    private SearchWeighBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]).toAbsolutePath().resolve("reports").resolve("incremental");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<SearchEntry[]> clouds = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(state)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".search.json")).sorted().toList()) {
                clouds.add(json.readerFor(SearchEntry[].class).readValue(f.toFile()));
            }
        }
        int pages = clouds.stream().mapToInt(c -> c.length).sum();
        System.out.println("clouds: " + clouds.size() + ", article pages: " + pages);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] times = new long[rounds];
        String digest = null;
        for (int round = 0; round < rounds; round++) {
            SearchIndex.Weighted[] out = new SearchIndex.Weighted[pages];
            long start = cpu.getCurrentThreadCpuTime();
            SearchIndex.Weights weights = new SearchIndex.Weights();
            int k = 0;
            for (SearchEntry[] cloud : clouds) {
                for (SearchEntry e : cloud) out[k++] = weights.of(e);
            }
            weights.clear();
            times[round] = cpu.getCurrentThreadCpuTime() - start;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            java.util.IdentityHashMap<SearchIndex.Weighted, Boolean> distinct = new java.util.IdentityHashMap<>();
            for (SearchIndex.Weighted w : out) {
                distinct.put(w, Boolean.TRUE);
                String[] pairs = new String[w.terms().length];
                for (int i = 0; i < pairs.length; i++) pairs[i] = w.terms()[i] + "=" + w.weights()[i];
                Arrays.sort(pairs);
                sha.update(String.join(" ", pairs).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            String d = HexFormat.of().formatHex(sha.digest());
            if (digest != null && !digest.equals(d)) throw new IllegalStateException("rounds differ");
            digest = d;
            if (round == 0) System.out.println("distinct texts weighed: " + distinct.size());
            System.out.printf(Locale.ROOT, "round %d: %.1f ms CPU%n", round + 1, times[round] / 1e6);
        }
        warm = Math.min(rounds - 1, warm);
        long[] measured = Arrays.copyOfRange(times, warm, rounds);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "first round: %.1f ms CPU; median of rounds %d-%d: %.1f ms CPU%n", times[0] / 1e6,
                warm + 1, rounds, measured[measured.length / 2] / 1e6);
        System.out.println("weights sha256: " + digest);
    }
}
