package dev.certdocs.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The templates' share of an article page, alone: the default theme's {@code article.ftl} (and
 * the kind templates, one page in four) rendered on one thread, by default with one service per
 * folder of a repository's shape (600 services of 25 articles in every page's navigation; the
 * synthetic corpora's articles name 11 services: {@code 11 1364}), with FreeMarker's default object wrapper
 * and with {@link ModelWrapper}, alternately, after a warm-up. Prints the thread's CPU time per
 * page of each round and the medians: each page to its UTF-8 bytes, as a build writes it
 * (before point 24 of docs/performance.md: to a string). Not a test: a benchmark, run by hand.
 *
 * <pre>
 * source bench/classpath.sh
 * java -Xmx1g -cp "$classpath" dev.certdocs.render.TemplatesBenchmark [both|default|model] [rounds] [pages per round] [services] [articles per service]
 * </pre>
 * {@code default} or {@code model} alone measures one wrapper in a JVM of its own (FreeMarker's
 * call sites then see one kind of record model, as in a build).
 */
public final class TemplatesBenchmark {

    private TemplatesBenchmark() {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "both";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int services = args.length > 3 ? Integer.parseInt(args[3]) : 600;
        int articles = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        SampleModels samples = new SampleModels(services, articles);
        List<String> names = new ArrayList<>();
        List<Templates> variants = new ArrayList<>();
        if (!which.equals("model")) {
            names.add("default");
            variants.add(new Templates(null, new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build()));
        }
        if (!which.equals("default")) {
            names.add("model");
            variants.add(new Templates(null, new ModelWrapper()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] kinds = {"troubleshootingGuide", "troubleshootingGuide", "problemScopingQuestions", "supportTopicDescription"};
        long[][] perPage = new long[variants.size()][rounds];
        long sink = 0;
        for (int round = -3; round < rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                Templates templates = variants.get(v);
                long start = threads.getCurrentThreadCpuTime();
                for (int p = 0; p < pages; p++) {
                    String kind = kinds[p % kinds.length];
                    String template = templates.exists("article-" + kind + ".ftl") ? "article-" + kind + ".ftl" : "article.ftl";
                    sink += templates.renderUtf8(template, samples.article(p % services, p % articles, kind), "bench").length;
                }
                long ns = (threads.getCurrentThreadCpuTime() - start) / pages;
                if (round >= 0) perPage[v][round] = ns;
                System.out.printf("%s round %d: %d µs CPU per page%n", names.get(v), round, ns / 1000);
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            long[] sorted = perPage[v].clone();
            Arrays.sort(sorted);
            System.out.printf("RESULT %s: median %d µs CPU per page (min %d, max %d) over %d rounds of %d pages, %d services of %d articles%n",
                    names.get(v), sorted[rounds / 2] / 1000, sorted[0] / 1000, sorted[rounds - 1] / 1000, rounds, pages,
                    services, articles);
        }
        System.out.println("(output chars " + sink + ")");
    }
}
