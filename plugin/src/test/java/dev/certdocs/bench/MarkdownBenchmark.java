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
 * <p>{@code MarkdownBenchmark <corpus> old|new [rounds]}
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
