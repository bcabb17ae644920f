package dev.certdocs.bench;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the validate engine ({@link CertDocs#validate}, Maven start excluded) on a synthetic
 * corpus: warm-up runs, then measured runs, each on the whole corpus with as many threads as
 * there are cores; prints the median time, articles per second and the peak heap.
 *
 * <p>The corpus has {@link SyntheticCorpus#withRealWorldContent real-world content} and is validated with
 * the cloud variables it expects.
 *
 * <p>{@code ValidateBenchmark <workDir> <count> [measuredRuns=5] [seed=1] [defectRate=0.01]}; warm-up runs
 * last at least {@code -Dcertdocs.bench.warmUpSeconds} (20) seconds, the first of them is reported as the
 * cold figure a single Maven run sees.
 * The corpus is written once under {@code <workDir>/corpus-<count>-<seed>-<rate>-realworld/} and reused by
 * later runs with the same settings. Not a test: it prints figures and asserts nothing.
 */
public final class ValidateBenchmark {

    private ValidateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 5) {
            System.err.println("usage: ValidateBenchmark <workDir> <count> [measuredRuns=5] [seed=1] [defectRate=0.01]");
            System.exit(2);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0.01;
        // The JIT needs a while on two busy cores: warm up for at least this long (and at least once).
        double warmUpSeconds = Double.parseDouble(System.getProperty("certdocs.bench.warmUpSeconds", "20"));

        // What real repositories hold: links between articles, documentation and internal links in articles the
        // air-gapped clouds publish, variables defined in some clouds only (configured as the corpus expects).
        SyntheticCorpus generator = new SyntheticCorpus(seed, count).withDefects(rate).withRealWorldContent();
        Path corpus = work.resolve(String.format(Locale.ROOT, "corpus-%d-%d-%s-realworld", count, seed, rate));
        long bytes = ensureCorpus(generator, corpus);

        int threads = Runtime.getRuntime().availableProcessors();
        BuildConfig config = BuildConfig.builder(corpus)
                .cloudSettings(SyntheticCorpus.cloudSettings())
                .reportsDirectory(work.resolve("reports-" + count))
                .threads(threads)
                .build();
        System.out.printf(Locale.ROOT, "corpus: %d articles, %.1f MB, defect rate %s (%s)%n", count, bytes / 1048576.0,
                rate, corpus);
        System.out.printf(Locale.ROOT, "java %s, %d cores, %d threads, max heap %d MB; warm-up runs for %.0f s, "
                        + "then %d measured runs%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), threads, Runtime.getRuntime().maxMemory() / 1048576,
                warmUpSeconds, runs);

        Run cold = null;
        double warmedUp = 0;
        for (int k = 1; cold == null || warmedUp < warmUpSeconds; k++) {
            Run run = run(config);
            if (cold == null) cold = run;
            warmedUp += run.seconds();
            System.out.printf(Locale.ROOT, "warm-up %d: %s%n", k, run.describe(count));
        }
        List<Run> measured = new ArrayList<>();
        for (int k = 1; k <= runs; k++) {
            Run run = run(config);
            System.out.printf(Locale.ROOT, "run     %d: %s%n", k, run.describe(count));
            measured.add(run);
        }

        double medianSeconds = median(measured.stream().mapToDouble(Run::seconds).toArray());
        double medianEngine = median(measured.stream().mapToDouble(Run::engineSeconds).toArray());
        double medianCpu = median(measured.stream().mapToDouble(Run::cpuSeconds).toArray());
        long peak = measured.stream().mapToLong(Run::sampledPeak).max().orElse(0);
        long poolPeak = measured.stream().mapToLong(Run::poolPeak).max().orElse(0);
        System.out.println("== validate, " + count + " articles ==");
        System.out.printf(Locale.ROOT, "articles:                   %d%n", count);
        System.out.printf(Locale.ROOT, "median time (validate()):   %.3f s%n", medianSeconds);
        System.out.printf(Locale.ROOT, "median time (load+check):   %.3f s%n", medianEngine);
        System.out.printf(Locale.ROOT, "articles per second:        %.0f (median)%n", count / medianSeconds);
        System.out.printf(Locale.ROOT, "first run in a fresh JVM:   %.3f s, %.0f articles/s (what one Maven run sees)%n",
                cold.seconds(), count / cold.seconds());
        System.out.printf(Locale.ROOT, "median process CPU time:    %.2f s (%.0f articles per CPU-second)%n", medianCpu,
                count / medianCpu);
        System.out.printf(Locale.ROOT, "peak heap used (sampled):   %d MB%n", peak / 1048576);
        System.out.printf(Locale.ROOT, "peak heap (pool peaks):     %d MB (upper bound: each pool at its own peak)%n",
                poolPeak / 1048576);
        System.out.printf(Locale.ROOT, "findings:                   %d%n", measured.get(0).findings());
        // One line for the record and for bench/validate.sh's summary: engine time is load+check, reports excluded.
        // On a shared machine wall time depends on the neighbours: CPU time per article says what the code costs.
        System.out.printf(Locale.ROOT, "RESULT validate %d articles: %.0f articles/s engine time (median of %d runs: %.3f s), "
                        + "%.0f articles/s with reports (%.3f s), %.0f articles per CPU-second, cold first run %.0f articles/s, "
                        + "%d findings, load average %s%n", count, count / medianEngine, runs, medianEngine,
                count / medianSeconds, medianSeconds, count / medianCpu, count / cold.seconds(), measured.get(0).findings(),
                loadAverage());
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One measured call: wall time, the engine's own time (before reports), heap peaks, what it found. */
    private record Run(double seconds, double engineSeconds, double cpuSeconds, long sampledPeak, long poolPeak,
                       int findings) {
        String describe(int count) {
            return String.format(Locale.ROOT, "%.3f s (load+check %.3f s, process CPU %.2f s), %.0f articles/s, "
                            + "peak heap %d MB sampled, %d MB by pools, %d findings", seconds, engineSeconds,
                    cpuSeconds, count / seconds, sampledPeak / 1048576, poolPeak / 1048576, findings);
        }
    }

    private static Run run(BuildConfig config) {
        Measurement<ValidationResult> m = Measurement.of(() -> CertDocs.validate(config, BuildLog.SILENT));
        ValidationResult result = m.result();
        return new Run(m.seconds(), result.summary().time().toNanos() / 1e9, m.cpuSeconds(), m.sampledPeak(), m.poolPeak(),
                result.summary().findings().size());
    }

    /** Writes the corpus unless a complete one with the same settings is already there; returns its size in bytes. */
    static long ensureCorpus(SyntheticCorpus generator, Path corpus) throws IOException {
        Path manifest = corpus.resolve(SyntheticCorpus.MANIFEST_FILE);
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.startsWith("bytes=")) {
                    System.out.println("reusing the corpus in " + corpus);
                    return Long.parseLong(line.substring("bytes=".length()));
                }
            }
        }
        if (Files.exists(corpus)) deleteTree(corpus);
        long start = System.nanoTime();
        SyntheticCorpus.Manifest m = generator.writeTo(corpus);
        System.out.printf(Locale.ROOT, "generated in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, m.describe());
        return m.totalBytes();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static double median(double[] values) {
        return Measurement.median(values);
    }
}
