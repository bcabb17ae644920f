package dev.certdocs.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * {@link PageWriter} against one builder kept from page to page (its way before issue 16's
 * point 18): pages of 400 small Latin-1 writes around an 8 KB body, one body in six holding a
 * character above U+00FF, as a real repository's pages; each page turned into a string and into
 * UTF-8. Prints the thread's CPU time per page of each round, alternating. Not a test: run by hand.
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
        String[] pieces = new String[400];
        for (int i = 0; i < pieces.length; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = 5 + random.nextInt(60); n > 0; n--) s.append((char) ('a' + random.nextInt(26)));
            pieces[i] = s.toString();
        }
        String latin1 = "x".repeat(8000);
        String wide = "x".repeat(7990) + "→" + "y".repeat(9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder kept = new StringBuilder(16 * 1024);
        long sink = 0;
        for (int round = -2; round < rounds; round++) {
            for (String way : new String[] {"kept builder", "PageWriter"}) {
                long start = threads.getCurrentThreadCpuTime();
                for (int p = 0; p < pages; p++) {
                    String body = p % 6 == 0 ? wide : latin1;
                    String page;
                    if (way.equals("PageWriter")) {
                        PageWriter w = PageWriter.take();
                        for (int i = 0; i < pieces.length; i++) {
                            w.write(pieces[i]);
                            if (i % 7 == 0) w.write('<');
                            if (i == 200) w.write(body);
                        }
                        page = w.toString();
                        w.give();
                    } else {
                        kept.setLength(0);
                        for (int i = 0; i < pieces.length; i++) {
                            kept.append(pieces[i]);
                            if (i % 7 == 0) kept.append('<');
                            if (i == 200) kept.append(body);
                        }
                        page = kept.toString();
                    }
                    sink += page.getBytes(StandardCharsets.UTF_8).length;
                }
                if (round >= 0) {
                    System.out.printf("round %d %-12s %6.1f µs CPU per page%n", round, way,
                            (threads.getCurrentThreadCpuTime() - start) / 1e3 / pages);
                }
            }
        }
        System.out.println("(" + sink + ")");
    }
}
