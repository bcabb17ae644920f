package dev.certdocs.render;

import dev.certdocs.config.Cloud;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU cost of the Markdown step alone (issue 16, points 11 and 29): {@link CloudMarkdown#html}
 * for every article of a corpus in each cloud that publishes it (the built-in cloud catalog), one
 * memo per article as {@code generate} keeps it, round after round on one thread; flexmark's parse
 * and render included (what point 29 changes is the work around them). {@code against
 * <before-classes>} runs this class path and another revision's {@code plugin/target/classes} first
 * on it, each in a class loader of its own, in one JVM, alternating round by round (which side goes
 * first changing every round), as {@link HtmlPostBenchmark}'s {@code against} does; prints each
 * round's thread CPU time, both medians of the rounds after the first, the median of the rounds'
 * ratios, and each side's SHA-256 of every HTML (made in a pass of its own, not timed: they must be
 * the same). In the package for {@link CloudMarkdown}, which is not public.
 *
 * <pre>
 * source bench/classpath.sh
 * java -XX:TieredStopAtLevel=1 -cp "$classpath" dev.certdocs.render.CloudMarkdownBenchmark &lt;corpus&gt; &lt;rounds&gt; [&lt;before-classes&gt;]
 * </pre>
 */
public final class CloudMarkdownBenchmark {

    private CloudMarkdownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpusDir = Path.of(args[0]).toAbsolutePath();
        int rounds = Integer.parseInt(args[1]);
        List<java.net.URL> path = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) path.add(Path.of(p).toUri().toURL());
        List<List<java.net.URL>> paths = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (args.length > 2) {
            List<java.net.URL> beforePath = new ArrayList<>(path);
            beforePath.add(0, Path.of(args[2]).toAbsolutePath().toUri().toURL());
            paths.add(beforePath);
            names.add("before");
        }
        paths.add(path);
        names.add("after");
        int sides = paths.size();
        java.util.function.LongSupplier[] side = new java.util.function.LongSupplier[sides];
        for (int k = 0; k < sides; k++) {
            ClassLoader loader = new java.net.URLClassLoader(paths.get(k).toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
            side[k] = (java.util.function.LongSupplier) loader.loadClass(Round.class.getName()).getConstructor(String.class)
                    .newInstance(corpusDir.toString());
            System.out.println(names.get(k) + ": " + side[k]);
        }
        double[][] times = new double[sides][rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < sides; i++) {
                int k = (r + i) % sides;
                times[k][r] = side[k].getAsLong() / 1e6;
            }
            ratios[r] = times[sides - 1][r] / times[0][r];
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int k = 0; k < sides; k++) line.append(String.format(Locale.ROOT, " %s %.0f", names.get(k), times[k][r]));
            System.out.println(line + " ms CPU");
        }
        for (int k = 0; k < sides; k++) {
            System.out.printf(Locale.ROOT, "RESULT %s: first round %.0f ms, median of rounds 2-%d %.0f ms CPU%n",
                    names.get(k), times[k][0], rounds, median(Arrays.copyOfRange(times[k], 1, rounds)));
        }
        if (sides == 2) {
            System.out.printf(Locale.ROOT, "RESULT after/before, median of the ratios of rounds 2-%d: %.3f%n", rounds,
                    median(Arrays.copyOfRange(ratios, 1, rounds)));
        }
    }

    /**
     * One side: the corpus loaded, each call one round, its thread CPU time in nanoseconds;
     * {@code toString} the SHA-256 of every HTML, from a pass of its own. Uses only what the render
     * package had before point 29.
     */
    public static final class Round implements java.util.function.LongSupplier {
        private final List<CorpusArticles.Article> work = new ArrayList<>();
        private final CloudMarkdown cloudMarkdown;
        private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        private final int pages;

        public Round(String corpusDir) {
            cloudMarkdown = CorpusArticles.read(Path.of(corpusDir), work);
            pages = work.stream().mapToInt(w -> w.clouds().size()).sum();
        }

        @Override
        public long getAsLong() {
            long start = cpu.getCurrentThreadCpuTime();
            long chars = 0;
            for (CorpusArticles.Article w : work) {
                Map<String, String> memo = new HashMap<>();
                for (Cloud c : w.clouds()) chars += cloudMarkdown.html(w.path(), w.source(), c, memo).length();
            }
            long time = cpu.getCurrentThreadCpuTime() - start;
            if (chars < 0) throw new IllegalStateException();
            return time;
        }

        @Override
        public String toString() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (CorpusArticles.Article w : work) {
                    Map<String, String> memo = new HashMap<>();
                    for (Cloud c : w.clouds()) sha.update(cloudMarkdown.html(w.path(), w.source(), c, memo).getBytes(StandardCharsets.UTF_8));
                }
                return work.size() + " articles, " + pages + " pages, HTML " + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static double median(double[] all) {
        if (all.length == 0) return Double.NaN;
        double[] s = all.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
