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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The CPU cost of post-processing article bodies alone (issue 16, point 20): the flexmark HTML of
 * every article of a corpus in each cloud that publishes it (the built-in cloud catalog), kept
 * where {@link SharedBodies} would post-process it (not where a page takes an earlier cloud's
 * body), then, round after round on one thread, each of those bodies post-processed as
 * {@code generate} does it, with the search text folded. {@code new} is {@link HtmlPostProcessor},
 * {@code old} the way before point 20 ({@link HtmlPostProcessorReference}); {@code both}
 * alternates them in one JVM. Prints each round's thread CPU time, the first (cold) round, the
 * median of the rounds after the first, and a SHA-256 of every result (old and new must print the
 * same). Run one fresh JVM per way, with and without {@code -XX:TieredStopAtLevel=1}, alternating.
 * The first round follows the setup, which post-processes every body once the new way (to learn
 * which bodies {@link SharedBodies} processes): compare the medians. {@code text} and {@code html}
 * time one part alone, old and new in turn on the same parsed bodies: the search text or the
 * body's HTML; {@code tree} the body's tree alone (jsoup's parse, or {@link PlainBodyTree} where it
 * takes the body) and how many bodies {@link PlainBodyTree} takes. {@code against <before-classes>}
 * runs {@code new} with this class path and with another revision's {@code plugin/target/classes}
 * first on it, in one JVM, alternating round by round ({@link #against}).
 *
 * <pre>
 * source bench/classpath.sh
 * java -XX:TieredStopAtLevel=1 -cp "$classpath" dev.certdocs.render.HtmlPostBenchmark &lt;corpus&gt; old|new|both|text|html|tree [rounds]
 * java -XX:TieredStopAtLevel=1 -cp "$classpath" dev.certdocs.render.HtmlPostBenchmark &lt;corpus&gt; against &lt;rounds&gt; &lt;before-classes&gt;
 * </pre>
 */
public final class HtmlPostBenchmark {

    /** One body as {@link SharedBodies} would post-process it. */
    private record Work(String html, Cloud cloud) {
    }

    private interface Way {
        HtmlBody process(String html, HtmlPostProcessor.UrlRules cloud, UnaryOperator<String> relativeUrl);
    }

    private HtmlPostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpusDir = Path.of(args[0]).toAbsolutePath();
        String mode = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (mode.equals("against")) {
            against(corpusDir, rounds, Path.of(args[3]));
            return;
        }
        HtmlPostProcessor post = new HtmlPostProcessor();
        List<Work> work = new ArrayList<>();
        int pages = collect(corpusDir, post, work);
        long chars = work.stream().mapToLong(w -> w.html().length()).sum();
        System.out.printf(Locale.ROOT, "%d article pages, %d bodies post-processed, %.1f MB of flexmark HTML%n",
                pages, work.size(), chars / 1e6);
        if (mode.equals("text") || mode.equals("html")) {
            part(work, rounds, mode.equals("html"));
            return;
        }
        if (mode.equals("tree")) {
            tree(work, rounds);
            return;
        }
        Way now = post::process;
        HtmlPostProcessorReference reference = new HtmlPostProcessorReference();
        Way before = reference::process;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<String> ways = mode.equals("both") ? List.of("old", "new") : List.of(mode);
        double[][] times = new double[2][rounds];
        String[] digests = new String[2];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < ways.size(); j++) {
                String way = ways.get((r + j) % ways.size());
                int k = way.equals("old") ? 0 : 1;
                Way w = k == 0 ? before : now;
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long start = cpu.getCurrentThreadCpuTime();
                for (Work item : work) {
                    Set<String> files = new TreeSet<>();
                    HtmlBody body = w.process(item.html(), HtmlPostProcessor.UrlRules.of(item.cloud()), url -> relative(url, files));
                    String text = k == 0 ? HtmlPostProcessorReference.searchText(body.text()) : body.text();
                    sha.update(body.html().getBytes(StandardCharsets.UTF_8));
                    sha.update(body.title().getBytes(StandardCharsets.UTF_8));
                    for (TocEntry t : body.toc()) sha.update((t.level() + t.id() + "\u0000" + t.text()).getBytes(StandardCharsets.UTF_8));
                    sha.update(text.getBytes(StandardCharsets.UTF_8));
                    sha.update(files.toString().getBytes(StandardCharsets.UTF_8));
                }
                times[k][r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                digests[k] = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
                System.out.printf(Locale.ROOT, "round %d %s: %.0f ms CPU%n", r + 1, way, times[k][r]);
            }
        }
        for (String way : ways) {
            int k = way.equals("old") ? 0 : 1;
            System.out.printf(Locale.ROOT, "RESULT %s: first round %.0f ms, median of rounds 2-%d %.0f ms CPU; bodies %s%n",
                    way, times[k][0], rounds, median(Arrays.copyOfRange(times[k], 1, rounds)), digests[k]);
        }
    }

    /**
     * One part alone, old and new in turn on the same parsed bodies: the search text
     * ({@code text()} then the fold, or {@link SearchText}) or the body's HTML ({@code html()} or
     * {@link BodyHtml}); the median thread CPU time of each over the rounds after the first.
     */
    private static void part(List<Work> work, int rounds, boolean html) throws Exception {
        List<org.jsoup.nodes.Element> bodies = new ArrayList<>();
        for (Work item : work) {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(item.html());
            doc.outputSettings().prettyPrint(false);
            bodies.add(doc.body());
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] times = new double[2][rounds];
        String[] digests = new String[2];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < 2; j++) {
                int k = (r + j) % 2;
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long sum = 0;
                long start = cpu.getCurrentThreadCpuTime();
                for (org.jsoup.nodes.Element body : bodies) {
                    String text = html ? (k == 0 ? body.html() : BodyHtml.of(body, 4096))
                            : k == 0 ? HtmlPostProcessorReference.searchText(body.text()) : SearchText.of(body, 4096);
                    sum += text.length();
                    if (r == 0) sha.update(text.getBytes(StandardCharsets.UTF_8));
                }
                times[k][r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                if (r == 0) digests[k] = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
                System.out.printf(Locale.ROOT, "round %d %s: %.0f ms CPU (%d chars)%n", r + 1, k == 0 ? "old" : "new", times[k][r], sum);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT " + (html ? "html" : "text") + ": first round old %.0f ms, new %.0f ms; median of rounds 2-%d: old %.0f ms, new %.0f ms CPU; output old %s new %s%n",
                times[0][0], times[1][0], rounds, median(Arrays.copyOfRange(times[0], 1, rounds)),
                median(Arrays.copyOfRange(times[1], 1, rounds)), digests[0], digests[1]);
    }

    /**
     * The body's tree alone (point 22), old and new in turn on the same bodies: jsoup's {@code
     * parseBodyFragment}, or {@link PlainBodyTree} with jsoup where it refuses; how many bodies it
     * takes and why it refuses the others.
     */
    private static void tree(List<Work> work, int rounds) {
        Map<String, Integer> refusals = new HashMap<>();
        int taken = 0;
        for (Work item : work) {
            PlainBodyTree tree = new PlainBodyTree(item.html());
            if (tree.build() != null) taken++;
            else refusals.merge(tree.refusal().replaceAll("\\s+", " "), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "PlainBodyTree takes %d of %d bodies (%.1f %%)%n", taken, work.size(), 100.0 * taken / work.size());
        refusals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "  refused %5d: %s%n", e.getValue(), e.getKey()));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] times = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < 2; j++) {
                int k = (r + j) % 2;
                long nodes = 0;
                long start = cpu.getCurrentThreadCpuTime();
                for (Work item : work) {
                    org.jsoup.nodes.Document doc = k == 1 ? PlainBodyTree.parse(item.html()) : null;
                    if (doc == null) doc = org.jsoup.Jsoup.parseBodyFragment(item.html());
                    nodes += doc.body().childNodeSize();
                }
                times[k][r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                System.out.printf(Locale.ROOT, "round %d %s: %.0f ms CPU (%d top-level nodes)%n", r + 1, k == 0 ? "old" : "new", times[k][r], nodes);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT tree: first round old %.0f ms, new %.0f ms; median of rounds 2-%d: old %.0f ms, new %.0f ms CPU%n",
                times[0][0], times[1][0], rounds, median(Arrays.copyOfRange(times[0], 1, rounds)),
                median(Arrays.copyOfRange(times[1], 1, rounds)));
    }

    /**
     * {@code new} against another revision's compiled classes ({@code before}: its
     * {@code plugin/target/classes}) in one JVM, each side in a class loader of its own (that folder
     * first on the class path for one, this class path alone for the other), alternating round by
     * round, which side goes first changing every round: on a busy machine the load weighs on both
     * alike. Prints each round, both medians of the rounds after the first and the median of the
     * rounds' ratios, and each side's SHA-256 of every result (they must be the same).
     */
    private static void against(Path corpusDir, int rounds, Path before) throws Exception {
        List<java.net.URL> path = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) path.add(Path.of(p).toUri().toURL());
        List<java.net.URL> beforePath = new ArrayList<>(path);
        beforePath.add(0, before.toAbsolutePath().toUri().toURL());
        List<List<java.net.URL>> paths = List.of(beforePath, path);
        String[] names = {"before", "after"};
        java.util.function.LongSupplier[] sides = new java.util.function.LongSupplier[2];
        for (int k = 0; k < 2; k++) {
            ClassLoader loader = new java.net.URLClassLoader(paths.get(k).toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
            sides[k] = (java.util.function.LongSupplier) loader.loadClass(Round.class.getName()).getConstructor(String.class)
                    .newInstance(corpusDir.toString());
        }
        double[][] times = new double[2][rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 2; i++) {
                int k = (r + i) % 2;
                times[k][r] = sides[k].getAsLong() / 1e6;
            }
            ratios[r] = times[1][r] / times[0][r];
            System.out.printf(Locale.ROOT, "round %d: before %.0f, after %.0f ms CPU%n", r + 1, times[0][r], times[1][r]);
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf(Locale.ROOT, "RESULT %s: first round %.0f ms, median of rounds 2-%d %.0f ms CPU; bodies %s%n",
                    names[k], times[k][0], rounds, median(Arrays.copyOfRange(times[k], 1, rounds)), sides[k]);
        }
        System.out.printf(Locale.ROOT, "RESULT after/before, median of the ratios of rounds 2-%d: %.3f%n", rounds,
                median(Arrays.copyOfRange(ratios, 1, rounds)));
    }

    /**
     * The bodies of a corpus's article pages that {@code generate} post-processes (one per article
     * and distinct HTML and answers, as {@link SharedBodies} shares them), in order, added to
     * {@code work}; returns how many article pages there are. Uses only what the render package
     * had before point 26, for {@link Round}.
     */
    static int collect(Path corpusDir, HtmlPostProcessor post, List<Work> work) {
        List<CorpusArticles.Article> articles = new ArrayList<>();
        CloudMarkdown cloudMarkdown = CorpusArticles.read(corpusDir, articles);
        int pages = 0;
        for (CorpusArticles.Article article : articles) {
            Map<String, String> memo = new HashMap<>();
            SharedBodies bodies = new SharedBodies(article.path());
            for (Cloud cloud : article.clouds()) {
                pages++;
                String html = cloudMarkdown.html(article.path(), article.source(), cloud, memo);
                bodies.body(post, html, cloud, (url, files) -> relative(url, files));
                if (bodies.last() != SharedBodies.Outcome.SHARED) work.add(new Work(html, cloud));
            }
        }
        return pages;
    }

    /**
     * One side of {@link #against}: the bodies, prepared once as {@link #main} prepares them; each
     * call one round of {@code new}, its thread CPU time in nanoseconds (the post-processing alone:
     * unlike {@link #main}'s rounds, not the SHA-256 of the results, which under C1 costs about half
     * as much again); {@code toString} the last round's digest. Uses only what the render package had before point 26.
     */
    public static final class Round implements java.util.function.LongSupplier {
        private final List<Work> work = new ArrayList<>();
        private final HtmlPostProcessor post = new HtmlPostProcessor();
        private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        private String digest;

        public Round(String corpus) throws Exception {
            collect(Path.of(corpus), post, work);
        }

        @Override
        public long getAsLong() {
            try {
                HtmlBody[] results = new HtmlBody[work.size()];
                List<Set<String>> filesOf = new ArrayList<>(work.size());
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < results.length; i++) {
                    Work item = work.get(i);
                    Set<String> files = new TreeSet<>();
                    filesOf.add(files);
                    results[i] = post.process(item.html(), HtmlPostProcessor.UrlRules.of(item.cloud()), url -> relative(url, files));
                }
                long time = cpu.getCurrentThreadCpuTime() - start;
                // The digest after the timing: SHA-256 under C1 costs about half as much as the processing.
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (int i = 0; i < results.length; i++) {
                    HtmlBody body = results[i];
                    Set<String> files = filesOf.get(i);
                    sha.update(body.html().getBytes(StandardCharsets.UTF_8));
                    sha.update(body.title().getBytes(StandardCharsets.UTF_8));
                    for (TocEntry t : body.toc()) sha.update((t.level() + t.id() + "\u0000" + t.text()).getBytes(StandardCharsets.UTF_8));
                    sha.update(body.text().getBytes(StandardCharsets.UTF_8));
                    sha.update(files.toString().getBytes(StandardCharsets.UTF_8));
                }
                digest = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
                return time;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return digest;
        }
    }

    /** A relative URL as the site maps it, roughly ({@code SiteRenderer.siteUrl}): other files recorded. */
    private static String relative(String url, Set<String> files) {
        String mapped = HtmlPostProcessor.mdToHtml(url);
        if (mapped.equals(url)) files.add(url);
        return mapped;
    }

    private static double median(double[] all) {
        if (all.length == 0) return Double.NaN;
        double[] s = all.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
