package dev.certdocs.bench;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.certdocs.load.FlexmarkReference;
import dev.certdocs.load.MarkdownDialect;
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
 * flexmark's own cost (issue 16, point 17): parses and renders the Markdown of every article of a
 * corpus (the text after its {@code <properties … />} block, as written: includes and variables
 * not expanded) round after round on one thread, with the dialect's options ({@code new}) or the
 * configuration they replaced ({@code old}, {@link FlexmarkReference}). Prints each round's thread
 * CPU time for the parses and the renders, the median of the rounds after the first (the first is
 * the cold one: run it in a fresh JVM, with and without {@code -XX:TieredStopAtLevel=1}), and a
 * SHA-256 of all the HTML (old and new must print the same).
 *
 * With {@code both}, one JVM parses and renders with the two configurations in turn, round after
 * round (which one goes first alternates), and prints the median thread CPU time of each (parse
 * and render together) over the rounds after the first two: the warm comparison, without the
 * spread between one JVM and the next.
 *
 * <p>{@code MarkdownBenchmark <corpus> old|new|both [rounds]}
 */
public final class MarkdownBenchmark {

    private MarkdownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        boolean old = args[1].equals("old");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("articles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) texts.add(body(Files.readString(f)));
        }
        if (args[1].equals("both")) {
            both(texts, rounds);
            return;
        }
        MutableDataSet options = old ? FlexmarkReference.options() : MarkdownDialect.options();
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = bean.getCurrentThreadCpuTime();
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        System.out.printf(Locale.ROOT, "%s: %d texts, %.1f MB; parser and renderer built in %.1f ms CPU%n", old ? "old" : "new",
                texts.size(), texts.stream().mapToLong(String::length).sum() / 1e6, (bean.getCurrentThreadCpuTime() - start) / 1e6);
        double[] parse = new double[rounds];
        double[] render = new double[rounds];
        String digest = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            List<Document> docs = new ArrayList<>(texts.size());
            for (String text : texts) docs.add(parser.parse(text));
            long t1 = bean.getCurrentThreadCpuTime();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long t2 = 0;
            for (Document doc : docs) {
                long a = bean.getCurrentThreadCpuTime();
                String html = renderer.render(doc);
                t2 += bean.getCurrentThreadCpuTime() - a;
                sha.update(html.getBytes(StandardCharsets.UTF_8));
            }
            parse[r] = (t1 - t0) / 1e6;
            render[r] = t2 / 1e6;
            digest = HexFormat.of().formatHex(sha.digest());
            System.out.printf(Locale.ROOT, "round %d: parse %.0f ms, render %.0f ms CPU%n", r + 1, parse[r], render[r]);
        }
        System.out.printf(Locale.ROOT, "RESULT %s cold parse %.0f render %.0f ms; median of rounds 2-%d: parse %.0f render %.0f ms; html %s%n",
                old ? "old" : "new", parse[0], render[0], rounds, median(parse), median(render), digest.substring(0, 16));
    }

    /** Old and new in turn in one JVM: the median CPU time of a whole pass (parse and render) of each. */
    private static void both(List<String> texts, int rounds) throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Parser[] parsers = new Parser[2];
        HtmlRenderer[] renderers = new HtmlRenderer[2];
        for (int k = 0; k < 2; k++) {
            MutableDataSet options = k == 0 ? FlexmarkReference.options() : MarkdownDialect.options();
            options.set(HtmlRenderer.SOFT_BREAK, "\n");
            parsers[k] = Parser.builder(options).build();
            renderers[k] = HtmlRenderer.builder(options).build();
        }
        double[][] cpu = new double[2][rounds];
        String[] digest = new String[2];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < 2; j++) {
                int k = (r + j) % 2;
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long t0 = bean.getCurrentThreadCpuTime();
                for (String text : texts) sha.update(renderers[k].render(parsers[k].parse(text)).getBytes(StandardCharsets.UTF_8));
                cpu[k][r] = (bean.getCurrentThreadCpuTime() - t0) / 1e6;
                digest[k] = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            }
            System.out.printf(Locale.ROOT, "round %d: old %.0f ms, new %.0f ms CPU%n", r + 1, cpu[0][r], cpu[1][r]);
        }
        double o = median(Arrays.copyOfRange(cpu[0], 1, rounds));
        double n = median(Arrays.copyOfRange(cpu[1], 1, rounds));
        System.out.printf(Locale.ROOT, "RESULT both: median of rounds 3-%d: old %.0f ms, new %.0f ms CPU (%+.1f %%); html old %s new %s%n",
                rounds, o, n, 100 * (n - o) / o, digest[0], digest[1]);
    }

    private static String body(String file) {
        if (!file.startsWith("<properties")) return file;
        int end = file.indexOf("/>");
        return end < 0 ? file : file.substring(file.indexOf('\n', end) + 1);
    }

    private static double median(double[] all) {
        double[] rest = Arrays.copyOfRange(all, Math.min(1, all.length - 1), all.length);
        Arrays.sort(rest);
        return rest.length % 2 == 1 ? rest[rest.length / 2] : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
    }
}
