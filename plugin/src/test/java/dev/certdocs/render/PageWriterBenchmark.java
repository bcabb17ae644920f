package dev.certdocs.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * {@link PageWriter} against the way before it wrote bytes (issue 16, point 24): a new
 * {@link StringBuilder} per page as large as the last page and an eighth, the page turned into a
 * string and that string into UTF-8. Pages as a template writes them: 200 pieces of static text
 * (the same {@code char[]} on every page, one holding {@code " · "} as the default theme's title
 * does), 200 values written as strings, an 8 KB body, one body in six holding a character above
 * U+00FF; each page ends as UTF-8 bytes. Prints the thread's CPU time per page of each round,
 * alternating, and the medians. Not a test: run by hand.
 *
 * <pre>
 * source bench/classpath.sh
 * java -XX:TieredStopAtLevel=1 -cp "$classpath" dev.certdocs.render.PageWriterBenchmark [rounds] [pages per round]
 * </pre>
 */
public final class PageWriterBenchmark {

    private PageWriterBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Random random = new Random(1);
        char[][] statics = new char[200][];
        String[] values = new String[200];
        for (int i = 0; i < 200; i++) {
            statics[i] = piece(random, 10, 60).toCharArray();
            values[i] = piece(random, 5, 30);
        }
        statics[3] = ("<title>" + new String(statics[3]) + " \u00b7 ").toCharArray();
        String latin1 = "x".repeat(8000);
        String wide = "x".repeat(7990) + "→" + "y".repeat(9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] ways = {"string", "PageWriter"};
        double[][] perPage = new double[ways.length][rounds];
        int last = 16 * 1024;
        long sink = 0;
        for (int round = -2; round < rounds; round++) {
            for (int w = 0; w < ways.length; w++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int p = 0; p < pages; p++) {
                    String body = p % 6 == 0 ? wide : latin1;
                    byte[] page;
                    if (w == 1) {
                        PageWriter out = PageWriter.take();
                        for (int i = 0; i < statics.length; i++) {
                            out.write(statics[i]);
                            out.write(values[i]);
                            if (i == 100) out.write(body);
                        }
                        page = out.utf8();
                        out.give();
                    } else {
                        StringBuilder out = new StringBuilder(Math.max(16 * 1024, last + (last >> 3)));
                        for (int i = 0; i < statics.length; i++) {
                            out.append(statics[i], 0, statics[i].length);
                            out.append(values[i]);
                            if (i == 100) out.append(body);
                        }
                        last = out.length();
                        page = out.toString().getBytes(StandardCharsets.UTF_8);
                    }
                    sink += page.length;
                }
                if (round >= 0) {
                    perPage[w][round] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / pages;
                    System.out.printf("round %d %-10s %6.1f µs CPU per page%n", round, ways[w], perPage[w][round]);
                }
            }
        }
        for (int w = 0; w < ways.length; w++) {
            double[] sorted = perPage[w].clone();
            java.util.Arrays.sort(sorted);
            System.out.printf("median %-10s %6.1f µs CPU per page%n", ways[w], sorted[sorted.length / 2]);
        }
        System.out.println("(" + sink + ")");
    }

    private static String piece(Random random, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = min + random.nextInt(max - min); n > 0; n--) s.append((char) ('a' + random.nextInt(26)));
        return s.toString();
    }
}
