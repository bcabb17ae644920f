package dev.certdocs.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The search index's weighing alone (issue 16, docs/performance.md 19.), or the whole index, on one
 * thread, from the entry stores an earlier {@code dev.certdocs.bench.SearchIndexBenchmark} left in
 * {@code <work>/reports/incremental}.
 * <ul>
 *   <li>{@code weigh}: every entry of every cloud weighed ({@code SearchIndex.Weights.of}), one new
 *       {@code Weights} per round shared by the clouds, as in a build: the words split, folded and
 *       counted, without the entries' JSON or the files.</li>
 *   <li>{@code index}: what {@code SearchIndexBenchmark} times: per cloud, each entry serialised and
 *       read back, and {@code SearchIndex.write}.</li>
 * </ul>
 * Prints each round's thread CPU time, the median after {@code warm} rounds (3), and a SHA-256 of
 * the result (every entry's terms and weights sorted, or every file), computed after the clock
 * stops: a change that keeps the index must not change it.
 *
 * <p>Given a folder of another revision's classes ({@code before}), it measures both in the same
 * JVM, alternating round by round: each in a class loader of its own (that folder first on the
 * class path for one, this class path alone for the other), so that a busy machine weighs on both
 * alike. It prints both medians and the median of the rounds' ratios. The classes of this
 * benchmark use only what the publish package had before point 19.
 *
 * <p>{@code SearchWeighBenchmark <work> [rounds] [weigh|index] [before-classes]}
 */
public final class SearchWeighBenchmark {

    private SearchWeighBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String work = Path.of(args[0]).toAbsolutePath().toString();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        String mode = args.length > 2 ? args[2] : "weigh";
        int warm = Math.min(rounds - 1, 3);
        if (args.length < 4) {
            Round r = new Round(work, mode);
            long[] times = new long[rounds];
            for (int k = 0; k < rounds; k++) {
                times[k] = r.getAsLong();
                System.out.printf(Locale.ROOT, "round %d: %.1f ms CPU%n", k + 1, times[k] / 1e6);
            }
            System.out.printf(Locale.ROOT, "first round: %.1f ms CPU; median of rounds %d-%d: %.1f ms CPU%n", times[0] / 1e6,
                    warm + 1, rounds, median(Arrays.copyOfRange(times, warm, rounds)) / 1e6);
            System.out.println(mode + " sha256: " + r);
            return;
        }
        List<URL> path = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) path.add(Path.of(p).toUri().toURL());
        List<URL> before = new ArrayList<>(path);
        before.add(0, Path.of(args[3]).toUri().toURL());
        LongSupplier[] sides = new LongSupplier[2];
        String[] names = {"before", "after"};
        List<List<URL>> paths = List.of(before, path);
        for (int s = 0; s < 2; s++) {
            ClassLoader loader = new URLClassLoader(paths.get(s).toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            sides[s] = (LongSupplier) loader.loadClass(Round.class.getName()).getConstructor(String.class, String.class)
                    .newInstance(work, mode);
        }
        long[][] times = new long[2][rounds];
        double[] ratios = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            // The side that goes first changes every round.
            for (int i = 0; i < 2; i++) {
                int s = (k + i) % 2;
                times[s][k] = sides[s].getAsLong();
            }
            ratios[k] = (double) times[1][k] / times[0][k];
            System.out.printf(Locale.ROOT, "round %d: before %.1f, after %.1f ms CPU%n", k + 1, times[0][k] / 1e6, times[1][k] / 1e6);
        }
        for (int s = 0; s < 2; s++) {
            System.out.printf(Locale.ROOT, "%s: first round %.1f ms CPU; median of rounds %d-%d: %.1f ms CPU; %s sha256: %s%n",
                    names[s], times[s][0] / 1e6, warm + 1, rounds, median(Arrays.copyOfRange(times[s], warm, rounds)) / 1e6,
                    mode, sides[s]);
        }
        double[] r = Arrays.copyOfRange(ratios, warm, rounds);
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "after/before, median of the rounds' ratios: %.3f%n", r[r.length / 2]);
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** One side: the entries, read once; each call one round, its thread CPU time; {@code toString} the last round's digest. */
    public static final class Round implements LongSupplier {
        private static final ObjectReader ENTRY = new ObjectMapper().readerFor(SearchEntry.class);
        private final List<SearchEntry[]> clouds = new ArrayList<>();
        private final int pages;
        private final boolean index;
        private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        private String digest;

        public Round(String work, String mode) throws IOException {
            this.index = mode.equals("index");
            if (!index && !mode.equals("weigh")) throw new IllegalArgumentException("weigh or index: " + mode);
            Path state = Path.of(work).resolve("reports").resolve("incremental");
            ObjectReader entries = new ObjectMapper().readerFor(SearchEntry[].class);
            try (Stream<Path> files = Files.list(state)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".search.json")).sorted().toList()) {
                    clouds.add(entries.readValue(f.toFile()));
                }
            }
            pages = clouds.stream().mapToInt(c -> c.length).sum();
        }

        @Override
        public long getAsLong() {
            MessageDigest sha = sha256();
            if (index) {
                List<String> paths = new ArrayList<>();
                List<byte[]> contents = new ArrayList<>();
                long start = cpu.getCurrentThreadCpuTime();
                SearchIndex.Weights weights = new SearchIndex.Weights();
                for (SearchEntry[] cloud : clouds) {
                    byte[][] stored = new byte[cloud.length][];
                    for (int k = 0; k < cloud.length; k++) stored[k] = SiteRenderer.searchIndexEntry(cloud[k]);
                    SearchIndex.write(cloud.length, k -> read(stored[k]), weights, (path, bytes) -> {
                        paths.add(path);
                        contents.add(bytes);
                    });
                }
                weights.clear();
                long time = cpu.getCurrentThreadCpuTime() - start;
                for (int f = 0; f < paths.size(); f++) {
                    sha.update(paths.get(f).getBytes(StandardCharsets.UTF_8));
                    sha.update(contents.get(f));
                }
                digest = HexFormat.of().formatHex(sha.digest());
                return time;
            }
            SearchIndex.Weighted[] out = new SearchIndex.Weighted[pages];
            long start = cpu.getCurrentThreadCpuTime();
            SearchIndex.Weights weights = new SearchIndex.Weights();
            int n = 0;
            for (SearchEntry[] cloud : clouds) {
                for (SearchEntry e : cloud) out[n++] = weights.of(e);
            }
            weights.clear();
            long time = cpu.getCurrentThreadCpuTime() - start;
            for (SearchIndex.Weighted w : out) {
                String[] pairs = new String[w.terms().length];
                for (int i = 0; i < pairs.length; i++) pairs[i] = w.terms()[i] + "=" + w.weights()[i];
                Arrays.sort(pairs);
                sha.update(String.join(" ", pairs).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            digest = HexFormat.of().formatHex(sha.digest());
            return time;
        }

        @Override
        public String toString() {
            return digest;
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
}
