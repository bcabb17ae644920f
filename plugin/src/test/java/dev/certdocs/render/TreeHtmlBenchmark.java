package dev.certdocs.render;

import com.vladsch.flexmark.util.ast.Document;
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
 * The HTML rendering alone (issue 16, point 28): parses the Markdown of every article of a corpus
 * once (as {@code MarkdownBenchmark} reads it: the text after the properties block), then renders
 * all the trees round after round on one thread, with flexmark's renderer ({@code old}) or
 * {@link TreeHtml} with flexmark's renderer for what it leaves ({@code new}, as
 * {@link MarkdownHtml#html}). Prints each round's thread CPU time, the median of the rounds after
 * the first (the cold one: run it in a fresh JVM, with and without {@code -XX:TieredStopAtLevel=1})
 * and a SHA-256 of all the HTML (old and new must print the same). With {@code both}, the two in
 * turn in one JVM, which goes first alternating, and the medians of the rounds after the first two.
 *
 * <p>{@code TreeHtmlBenchmark <corpus> old|new|both [rounds]}
 */
public final class TreeHtmlBenchmark {

    private TreeHtmlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        String mode = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MarkdownHtml markdown = new MarkdownHtml();
        List<Document> docs = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.walk(corpus.resolve("articles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = body(Files.readString(f));
                bytes += text.length();
                docs.add(markdown.parse(text));
            }
        }
        System.out.printf(Locale.ROOT, "%d texts, %.1f MB%n", docs.size(), bytes / 1e6);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        boolean both = mode.equals("both");
        double[][] cpu = new double[2][rounds];
        String[] digest = new String[2];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < (both ? 2 : 1); j++) {
                int k = both ? (r + j) % 2 : mode.equals("old") ? 0 : 1;
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long t = 0;
                for (Document doc : docs) {
                    long a = bean.getCurrentThreadCpuTime();
                    String html = k == 0 ? markdown.flexmarkHtml(doc) : markdown.html(doc);
                    t += bean.getCurrentThreadCpuTime() - a;
                    sha.update(html.getBytes(StandardCharsets.UTF_8));
                }
                cpu[k][r] = t / 1e6;
                digest[k] = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            }
            if (both) System.out.printf(Locale.ROOT, "round %d: old %.0f ms, new %.0f ms CPU%n", r + 1, cpu[0][r], cpu[1][r]);
            else System.out.printf(Locale.ROOT, "round %d: %s %.0f ms CPU%n", r + 1, mode, cpu[mode.equals("old") ? 0 : 1][r]);
        }
        // After the rounds, so that the first round of either is cold.
        int fallbacks = 0;
        for (Document doc : docs) {
            if (markdown.treeHtml(doc) == null) fallbacks++;
        }
        System.out.printf(Locale.ROOT, "%d of %d texts left to flexmark's renderer%n", fallbacks, docs.size());
        if (both) {
            double o = median(Arrays.copyOfRange(cpu[0], 2, rounds));
            double n = median(Arrays.copyOfRange(cpu[1], 2, rounds));
            System.out.printf(Locale.ROOT, "RESULT both: median of rounds 3-%d: old %.0f ms, new %.0f ms CPU (%+.1f %%); html old %s new %s%n",
                    rounds, o, n, 100 * (n - o) / o, digest[0], digest[1]);
        } else {
            int k = mode.equals("old") ? 0 : 1;
            System.out.printf(Locale.ROOT, "RESULT %s cold %.0f ms; median of rounds 2-%d: %.0f ms; html %s%n",
                    mode, cpu[k][0], rounds, median(Arrays.copyOfRange(cpu[k], 1, rounds)), digest[k]);
        }
    }

    private static String body(String file) {
        if (!file.startsWith("<properties")) return file;
        int end = file.indexOf("/>");
        return end < 0 ? file : file.substring(file.indexOf('\n', end) + 1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
