package dev.certdocs.incremental;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The manifest key of the search index files (issue 16), the SHA-256 it replaced against
 * {@link SearchFileKey}: reads every file below the {@code search/} folders of a site (the site
 * {@code SearchIndexBenchmark} left, say), then round after round on one thread computes each
 * file's key both ways; prints the thread CPU time of each, the median after three warm-up rounds.
 *
 * <p>{@code SearchFileKeyBenchmark <site> [rounds]}
 */
public final class SearchFileKeyBenchmark {

    private SearchFileKeyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(p -> p.toString().contains("/search/") && Files.isRegularFile(p)).sorted().toList()) {
                files.add(Files.readAllBytes(f));
            }
        }
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        System.out.println("files: " + files.size() + ", " + bytes + " bytes");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SearchFileKey key = SearchFileKey.fresh();
        long[] sha = new long[rounds];
        long[] poly = new long[rounds];
        int sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (byte[] f : files) sink += CheckCache.hash(f).length();
            sha[round] = cpu.getCurrentThreadCpuTime() - start;
            start = cpu.getCurrentThreadCpuTime();
            for (byte[] f : files) sink += key.of(f, null).length();
            poly[round] = cpu.getCurrentThreadCpuTime() - start;
            System.out.printf(Locale.ROOT, "round %d: SHA-256 %d ms, SearchFileKey %d ms CPU%n", round + 1,
                    sha[round] / 1_000_000, poly[round] / 1_000_000);
        }
        System.out.printf(Locale.ROOT, "median of rounds 4-%d: SHA-256 %d ms, SearchFileKey %d ms CPU (%d)%n", rounds,
                median(sha) / 1_000_000, median(poly) / 1_000_000, sink & 1);
    }

    private static long median(long[] times) {
        long[] measured = Arrays.copyOfRange(times, Math.min(times.length - 1, 3), times.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
