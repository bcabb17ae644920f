package dev.certdocs.bench;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import dev.certdocs.render.HugoSite;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the generate engine ({@link CertDocs#generate}: validation, rendering, publishing;
 * Maven start excluded) on a synthetic corpus whose every article is published in the five
 * active clouds. Not a test: it prints figures and asserts nothing. Modes, each in its own JVM
 * (bench/generate.sh runs them all):
 *
 * <ul>
 *   <li>{@code full <work> <count> [runs=3]}: clean full builds (no incremental state, the output
 *       directory removed before each run, outside the timing): warm-up runs for at least
 *       {@code -Dcertdocs.bench.warmUpSeconds} (30) seconds, then {@code runs} measured ones;
 *       median time, pages per second, CPU time over wall time, peak heap.</li>
 *   <li>{@code incremental <work> <count> [runs=5]}: full builds that write the incremental
 *       manifest (median of 3), then one-article rebuilds: one article's body alternates between
 *       its own text and that text plus a paragraph, so every rebuild has one changed article
 *       (median of {@code runs}, after one warm-up rebuild); the article's text is restored at
 *       the end. Prints both medians, their ratio and the rendered/reused page counts. With
 *       {@code -Dcertdocs.bench.fullRuns=0} it keeps the site an earlier run left and times the
 *       rebuilds alone (quick comparisons; no ratio, nothing saved).</li>
 *   <li>{@code hugo <work> <count> <site> [corpus]}: writes the corpus (or the repository at
 *       {@code corpus}, with its {@link SyntheticCorpus#MANIFEST_FILE}) as a Hugo site ({@link HugoSite}).</li>
 *   <li>{@code summary <work> <count>}: one table of the figures the other modes saved.</li>
 * </ul>
 *
 * <p>The corpus is {@code <work>/corpus-<count>-1-allclouds/}, written once and reused; figures
 * are saved as {@code <work>/results/<mode>-<count>.properties} for the summary.
 */
public final class GenerateBenchmark {

    private static final Pattern COUNTS = Pattern.compile("\\((\\d+) rendered, (\\d+) reused\\)");

    private GenerateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GenerateBenchmark full|incremental|hugo|summary <workDir> <count> [runs|site]");
            System.exit(2);
        }
        Path work = Path.of(args[1]).toAbsolutePath();
        int count = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "full" -> full(work, count, args.length > 3 ? Integer.parseInt(args[3]) : 3);
            case "incremental" -> incremental(work, count, args.length > 3 ? Integer.parseInt(args[3]) : 5);
            case "hugo" -> hugo(work, count, Path.of(args[3]).toAbsolutePath(),
                    args.length > 4 ? Path.of(args[4]).toAbsolutePath() : null);
            case "summary" -> summary(work, count);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // full builds

    private static void full(Path work, int count, int runs) throws IOException {
        Path corpus = corpus(work, count);
        Path site = work.resolve("site-" + count);
        BuildConfig config = config(corpus, work.resolve("reports-generate-" + count), site, false);
        header(config, runs);
        double warmUpSeconds = Double.parseDouble(System.getProperty("certdocs.bench.warmUpSeconds", "30"));

        Run cold = null;
        double warmedUp = 0;
        for (int k = 1; cold == null || warmedUp < warmUpSeconds; k++) {
            Run run = fullRun(config, site);
            if (cold == null) cold = run;
            warmedUp += run.seconds();
            System.out.printf(Locale.ROOT, "warm-up %d: %s%n", k, run.describe());
        }
        List<Run> measured = new ArrayList<>();
        for (int k = 1; k <= runs; k++) {
            Run run = fullRun(config, site);
            System.out.printf(Locale.ROOT, "run     %d: %s%n", k, run.describe());
            measured.add(run);
        }
        double seconds = median(measured, Run::seconds);
        double validate = median(measured, Run::validateSeconds);
        double cpu = median(measured, Run::cpuSeconds);
        long sampled = measured.stream().mapToLong(Run::sampledPeak).max().orElse(0);
        long pools = measured.stream().mapToLong(Run::poolPeak).max().orElse(0);
        Run any = measured.get(0);
        System.out.println("== generate, full build, " + count + " articles x " + config.clouds().size() + " clouds ==");
        System.out.printf(Locale.ROOT, "pages (HTML):               %d (%d article pages)%n", any.pages(), any.articlePages());
        System.out.printf(Locale.ROOT, "median time (generate()):   %.3f s (validation %.3f s, render+publish %.3f s)%n",
                seconds, validate, seconds - validate);
        System.out.printf(Locale.ROOT, "pages per second:           %.0f (median)%n", any.pages() / seconds);
        System.out.printf(Locale.ROOT, "first run in a fresh JVM:   %.3f s, %.0f pages/s (what one Maven run sees)%n",
                cold.seconds(), cold.pages() / cold.seconds());
        System.out.printf(Locale.ROOT, "median process CPU time:    %.2f s, CPU/wall %.2f (%d cores)%n", cpu, cpu / seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "peak heap used (sampled):   %d MB%n", sampled / 1048576);
        System.out.printf(Locale.ROOT, "peak heap (pool peaks):     %d MB (upper bound: each pool at its own peak)%n",
                pools / 1048576);

        Properties p = new Properties();
        p.setProperty("articles", String.valueOf(count));
        p.setProperty("clouds", String.valueOf(config.clouds().size()));
        p.setProperty("pages", String.valueOf(any.pages()));
        p.setProperty("articlePages", String.valueOf(any.articlePages()));
        p.setProperty("runs", String.valueOf(runs));
        p.setProperty("seconds", fmt(seconds));
        p.setProperty("validateSeconds", fmt(validate));
        p.setProperty("coldSeconds", fmt(cold.seconds()));
        p.setProperty("cpuPerWall", fmt(cpu / seconds));
        p.setProperty("cpuSeconds", fmt(cpu));
        p.setProperty("peakHeapMb", String.valueOf(sampled / 1048576));
        p.setProperty("poolPeakMb", String.valueOf(pools / 1048576));
        p.setProperty("jvm", jvm());
        save(work, "full-" + count, p);
    }

    private static Run fullRun(BuildConfig config, Path site) throws IOException {
        if (Files.exists(site)) ValidateBenchmark.deleteTree(site);
        settle();
        return run(config);
    }

    /**
     * Flushes what earlier runs left for the kernel to write back ({@code sync}), outside the
     * timing, so that a run does not pay for its predecessor's writes: without it every run of a
     * sequence was slower than the one before, for Hugo as much as for certdocs.
     */
    static void settle() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync on this system: the runs are timed as they come
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------
    // incremental rebuilds

    private static void incremental(Path work, int count, int runs) throws IOException {
        Path corpus = corpus(work, count);
        Path site = work.resolve("site-incremental-" + count);
        Path reports = work.resolve("reports-incremental-" + count);
        BuildConfig config = config(corpus, reports, site, true);
        header(config, runs);
        Path article = corpus.resolve(changedArticle(corpus, count));
        byte[] original = Files.readAllBytes(article);
        byte[] changed = (new String(original, StandardCharsets.UTF_8)
                + "\nA paragraph the incremental benchmark adds and removes again.\n").getBytes(StandardCharsets.UTF_8);
        System.out.println("changed article: " + corpus.relativize(article));
        try {
            List<Run> full = new ArrayList<>();
            // -Dcertdocs.bench.fullRuns=0 keeps the site an earlier run left and times rebuilds only (for quick comparisons)
            int fullRuns = Integer.getInteger("certdocs.bench.fullRuns", 3);
            for (int k = 0; k <= fullRuns && fullRuns > 0; k++) { // the first is a warm-up
                if (Files.exists(site)) ValidateBenchmark.deleteTree(site);
                if (Files.exists(config.site().stateDirectory())) ValidateBenchmark.deleteTree(config.site().stateDirectory());
                settle();
                Run run = run(config);
                System.out.printf(Locale.ROOT, "%s: %s%n", k == 0 ? "full warm-up" : "full run  " + k, run.describe());
                if (k > 0) full.add(run);
            }
            List<Run> rebuilds = new ArrayList<>();
            for (int k = 0; k <= runs; k++) { // the first is a warm-up
                Files.write(article, k % 2 == 0 ? changed : original);
                settle();
                Run run = run(config);
                System.out.printf(Locale.ROOT, "%s: %s%n", k == 0 ? "rebuild warm-up" : "rebuild   " + k, run.describe());
                if (k > 0) rebuilds.add(run);
            }
            double rebuildSeconds = median(rebuilds, Run::seconds);
            Run last = rebuilds.get(rebuilds.size() - 1);
            if (full.isEmpty()) {
                System.out.printf(Locale.ROOT, "one-article rebuild (median of %d): %.3f s (validation %.3f s), %d rendered, %d reused%n",
                        rebuilds.size(), rebuildSeconds, median(rebuilds, Run::validateSeconds), last.rendered(), last.reused());
                return;
            }
            double fullSeconds = median(full, Run::seconds);
            System.out.println("== generate, incremental, " + count + " articles x " + config.clouds().size() + " clouds ==");
            System.out.printf(Locale.ROOT, "full build (median of %d):   %.3f s, %d rendered, %d reused%n", full.size(),
                    fullSeconds, full.get(0).rendered(), full.get(0).reused());
            System.out.printf(Locale.ROOT, "one-article rebuild (median of %d): %.3f s (validation %.3f s), %d rendered, %d reused%n",
                    rebuilds.size(), rebuildSeconds, median(rebuilds, Run::validateSeconds), last.rendered(), last.reused());
            System.out.printf(Locale.ROOT, "rebuild / full:             %.1f %% (target < 5 %%)%n", 100 * rebuildSeconds / fullSeconds);

            Properties p = new Properties();
            p.setProperty("articles", String.valueOf(count));
            p.setProperty("clouds", String.valueOf(config.clouds().size()));
            p.setProperty("fullRuns", String.valueOf(full.size()));
            p.setProperty("fullSeconds", fmt(fullSeconds));
            p.setProperty("fullRendered", String.valueOf(full.get(0).rendered()));
            p.setProperty("fullReused", String.valueOf(full.get(0).reused()));
            p.setProperty("rebuildRuns", String.valueOf(rebuilds.size()));
            p.setProperty("rebuildSeconds", fmt(rebuildSeconds));
            p.setProperty("rebuildValidateSeconds", fmt(median(rebuilds, Run::validateSeconds)));
            p.setProperty("rebuildRendered", String.valueOf(last.rendered()));
            p.setProperty("rebuildReused", String.valueOf(last.reused()));
            p.setProperty("rebuildPeakHeapMb", String.valueOf(rebuilds.stream().mapToLong(Run::sampledPeak).max().orElse(0) / 1048576));
            p.setProperty("jvm", jvm());
            save(work, "incremental-" + count, p);
        } finally {
            Files.write(article, original);
        }
    }

    /** A Markdown article near the middle of the corpus (the first "generic" one from there on). */
    private static String changedArticle(Path corpus, int count) throws IOException {
        Pattern line = Pattern.compile("^\\s*selfHelpType=\"generic\"", Pattern.MULTILINE);
        List<String> paths = new ArrayList<>();
        try (var walk = Files.walk(corpus.resolve("articles"))) {
            walk.filter(f -> f.toString().endsWith(".md")).forEach(f -> paths.add(corpus.relativize(f).toString().replace('\\', '/')));
        }
        paths.sort(null);
        for (int i = paths.size() / 2; i < paths.size(); i++) {
            if (line.matcher(Files.readString(corpus.resolve(paths.get(i)), StandardCharsets.UTF_8)).find()) return paths.get(i);
        }
        throw new IllegalStateException("no generic article in " + corpus + " (" + count + " articles)");
    }

    // ---------------------------------------------------------------------------------------
    // Hugo

    private static void hugo(Path work, int count, Path site, Path given) throws IOException {
        Path corpus = given != null ? given : corpus(work, count);
        BuildConfig config = BuildConfig.builder(corpus).reportsDirectory(work.resolve("reports-hugo-" + count)).build();
        Path stamp = site.resolve(".certdocs-corpus");
        String want = corpus + "\n" + Files.readString(corpus.resolve(SyntheticCorpus.MANIFEST_FILE)).hashCode() + "\n";
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(want)) {
            System.out.println("reusing the Hugo site in " + site);
            return;
        }
        long start = System.nanoTime();
        HugoSite.Written w = HugoSite.write(config, site);
        Files.writeString(stamp, want);
        System.out.printf(Locale.ROOT, "Hugo site: %d article pages for %d clouds, %.1f MB of Markdown, written in %.1f s (%s)%n",
                w.pages(), w.clouds(), w.bytes() / 1048576.0, (System.nanoTime() - start) / 1e9, site);
    }

    // ---------------------------------------------------------------------------------------
    // summary

    private static void summary(Path work, int count) throws IOException {
        Properties full = load(work, "full-" + count);
        Properties hugo = load(work, "hugo-" + count);
        Properties inc = load(work, "incremental-" + count);
        System.out.println("== certdocs generate benchmark: " + count + " synthetic articles x 5 clouds ==");
        if (full != null) System.out.println("JVM: " + full.getProperty("jvm"));
        String row = "%-44s %14s %14s%n";
        System.out.printf(Locale.ROOT, row, "", "certdocs", "hugo");
        double cd = full == null ? Double.NaN : num(full, "seconds");
        double hg = hugo == null ? Double.NaN : num(hugo, "seconds");
        System.out.printf(Locale.ROOT, row, "HTML pages written", full == null ? "-" : full.getProperty("pages"),
                hugo == null ? "-" : hugo.getProperty("pages"));
        System.out.printf(Locale.ROOT, row, "article pages", full == null ? "-" : full.getProperty("articlePages"),
                hugo == null ? "-" : hugo.getProperty("articlePages"));
        System.out.printf(Locale.ROOT, row, "measured runs (after warm-up)", full == null ? "-" : full.getProperty("runs"),
                hugo == null ? "-" : hugo.getProperty("runs"));
        System.out.printf(Locale.ROOT, row, "median time, s", full == null ? "-" : fmt2(cd), hugo == null ? "-" : fmt2(hg));
        System.out.printf(Locale.ROOT, row, "pages per second (median)",
                full == null ? "-" : String.format(Locale.ROOT, "%.0f", num(full, "pages") / cd),
                hugo == null ? "-" : String.format(Locale.ROOT, "%.0f", num(hugo, "pages") / hg));
        System.out.printf(Locale.ROOT, row, "first run (fresh JVM / process), s", full == null ? "-" : fmt2(num(full, "coldSeconds")),
                hugo == null ? "-" : fmt2(num(hugo, "coldSeconds")));
        System.out.printf(Locale.ROOT, row, "CPU time / wall time", full == null ? "-" : fmt2(num(full, "cpuPerWall")),
                hugo == null ? "-" : fmt2(num(hugo, "cpuPerWall")));
        double cdCpu = full == null ? Double.NaN : num(full, "cpuSeconds");
        double hgCpu = hugo == null ? Double.NaN : num(hugo, "cpuSeconds");
        System.out.printf(Locale.ROOT, row, "median CPU time (user+sys), s", full == null ? "-" : fmt2(cdCpu),
                hugo == null ? "-" : fmt2(hgCpu));
        System.out.printf(Locale.ROOT, row, "pages per CPU-second",
                full == null ? "-" : String.format(Locale.ROOT, "%.0f", num(full, "pages") / cdCpu),
                hugo == null ? "-" : String.format(Locale.ROOT, "%.0f", num(hugo, "pages") / hgCpu));
        System.out.printf(Locale.ROOT, row, "peak heap (sampled) / max RSS, MB", full == null ? "-" : full.getProperty("peakHeapMb"),
                hugo == null ? "-" : hugo.getProperty("maxRssMb", "-"));
        if (full != null && hugo != null) {
            double ratio = (num(full, "pages") / cd) / (num(hugo, "pages") / hg);
            System.out.printf(Locale.ROOT, "certdocs / hugo (pages per second): %.2f (%s)%n", ratio,
                    ratio >= 1 ? "certdocs at least as fast" : "certdocs slower");
            System.out.printf(Locale.ROOT, "certdocs / hugo (pages per CPU-second, steadier on a shared machine): %.2f%n",
                    (num(full, "pages") / cdCpu) / (num(hugo, "pages") / hgCpu));
        } else if (hugo == null) {
            System.out.println("hugo: not measured (not installed?)");
        }
        if (inc != null) {
            double f = num(inc, "fullSeconds");
            double r = num(inc, "rebuildSeconds");
            System.out.printf(Locale.ROOT, "incremental: full build %.2f s (median of %s; %s rendered, %s reused), one-article rebuild"
                            + " %.2f s (median of %s; %s rendered, %s reused): %.1f %% of the full build (target < 5 %%)%n",
                    f, inc.getProperty("fullRuns"), inc.getProperty("fullRendered"), inc.getProperty("fullReused"), r,
                    inc.getProperty("rebuildRuns"), inc.getProperty("rebuildRendered"), inc.getProperty("rebuildReused"),
                    100 * r / f);
        }
    }

    // ---------------------------------------------------------------------------------------
    // shared

    /** One measured generate(): times, pages rendered and reused (from the engine's log line), heap peaks. */
    private record Run(double seconds, double validateSeconds, double cpuSeconds, long sampledPeak, long poolPeak,
                       int pages, int rendered, int reused, int articlePages, String stages) {
        String describe() {
            return String.format(Locale.ROOT, "%.3f s (validation %.3f s), CPU/wall %.2f, %.0f pages/s, %d pages "
                            + "(%d rendered, %d reused), peak heap %d MB sampled, %d MB by pools%n    stages: %s", seconds,
                    validateSeconds, cpuSeconds / seconds, pages / seconds, pages, rendered, reused, sampledPeak / 1048576,
                    poolPeak / 1048576, stages);
        }
    }

    private static Run run(BuildConfig config) {
        List<String> info = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override public synchronized void info(String message) { info.add(message); }
            @Override public void warn(String message) { }
            @Override public void error(String message) { System.err.println(message); }
            @Override public void raw(String line) { }
            @Override public synchronized void debug(String message) { info.add(message); }
        };
        Measurement<GenerateResult> m = Measurement.of(() -> CertDocs.generate(config, log));
        GenerateResult result = m.result();
        if (result.failed()) throw new IllegalStateException("generate failed: " + result.reason());
        int rendered = -1;
        int reused = -1;
        for (String line : info) {
            Matcher c = COUNTS.matcher(line);
            if (line.startsWith("certdocs generate:") && c.find()) {
                rendered = Integer.parseInt(c.group(1));
                reused = Integer.parseInt(c.group(2));
            }
        }
        int articlePages = result.validation().summary().files().size() * config.clouds().size();
        String stages = String.join("; ", info.stream().filter(l -> l.matches("certdocs \\w+ stages: .*"))
                .map(l -> l.substring("certdocs ".length())).toList());
        return new Run(m.seconds(), result.validation().summary().time().toNanos() / 1e9, m.cpuSeconds(), m.sampledPeak(),
                m.poolPeak(), result.pages(), rendered, reused, articlePages, stages);
    }

    private static BuildConfig config(Path corpus, Path reports, Path site, boolean incremental) {
        return BuildConfig.builder(corpus).reportsDirectory(reports).outputDirectory(site).siteVersion("1.0.0")
                .threads(Runtime.getRuntime().availableProcessors()).incremental(incremental)
                // -Dcertdocs.bench.bundles=true: each run also writes the per-cloud zip bundles, as generate does by default
                .bundles(Boolean.getBoolean("certdocs.bench.bundles") ? reports.resolveSibling("bundles") : null).build();
    }

    private static Path corpus(Path work, int count) throws IOException {
        Path corpus = work.resolve("corpus-" + count + "-1-allclouds");
        long bytes = ValidateBenchmark.ensureCorpus(new SyntheticCorpus(1, count).withAllClouds(), corpus);
        System.out.printf(Locale.ROOT, "corpus: %d articles, %.1f MB, every one published in the 5 active clouds (%s)%n",
                count, bytes / 1048576.0, corpus);
        return corpus;
    }

    private static void header(BuildConfig config, int runs) {
        System.out.printf(Locale.ROOT, "%s; %d cores, %d threads; clouds %s; %d measured runs%n", jvm(),
                Runtime.getRuntime().availableProcessors(), config.threads(),
                config.clouds().stream().map(dev.certdocs.config.Cloud::id).toList(), runs);
    }

    private static String jvm() {
        return String.format(Locale.ROOT, "java %s (%s), max heap %d MB, %s", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / 1048576,
                String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Measurement.median(runs.stream().mapToDouble(f).toArray());
    }

    private static void save(Path work, String name, Properties p) throws IOException {
        Path file = work.resolve("results").resolve(name + ".properties");
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "certdocs generate benchmark");
        }
    }

    private static Properties load(Path work, String name) throws IOException {
        Path file = work.resolve("results").resolve(name + ".properties");
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static double num(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
