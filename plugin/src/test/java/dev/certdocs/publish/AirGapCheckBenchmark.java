package dev.certdocs.publish;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.render.Rendering;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CPU cost of the air-gapped check of article pages alone (issue 16, point 15), without the
 * rest of {@code generate}: renders every article page of the air-gapped clouds of a corpus once
 * (the built-in cloud catalog: usnat and ussec), keeps each page with the article's HTML and
 * template, then, round after round on one thread, checks them all as {@code generate} does
 * ({@link AirGapCheck#article}, a new check each round, {@link AirGapCheck#failIfAny} at the end).
 * Prints the thread CPU time of each round, the median of the rounds after the warm-up ones, and
 * what the check reported (its message's length and hash: the same corpus must report the same
 * before and after a change). Only public API is used, so the same class runs against the
 * plugin's classes of another revision (put them first on the class path).
 *
 * With {@code --find-body} it times instead what skipping the article's HTML in the page would
 * first cost: finding that HTML in the page ({@code indexOf}, then {@code lastIndexOf}), the
 * figures that kept the check scanning the whole page (docs/performance.md, point 15).
 *
 * <p>{@code AirGapCheckBenchmark [--find-body] <corpus> [rounds]}
 */
public final class AirGapCheckBenchmark {

    private record Page(String cloud, String path, dev.certdocs.model.RenderedPage page, String body, String template) {
    }

    private AirGapCheckBenchmark() {
    }

    public static void main(String[] args) {
        boolean findBody = args[0].equals("--find-body");
        if (findBody) args = Arrays.copyOfRange(args, 1, args.length);
        Path corpusDir = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        BuildConfig config = BuildConfig.builder(corpusDir).siteVersion("1.0.0").threads(1)
                .baseUrl("https://support.example/").force(true).build();
        Corpus corpus = Load.corpus(config, Load.articleFiles(config, BuildLog.SILENT), false);
        Rendering rendering = new Rendering(config, corpus);
        List<Page> pages = new ArrayList<>();
        long chars = 0;
        for (SiteRenderer.CloudSite site : rendering.plans().values()) {
            if (!site.cloud().airGapped()) continue;
            for (Corpus.Entry entry : corpus.articles()) {
                if (!site.publishedIn().getOrDefault(entry.path(), List.of()).contains(site.cloud().id())) continue;
                SiteRenderer.ArticlePage p = rendering.article(site, entry, new SiteRenderer.ArticleMemo());
                pages.add(new Page(site.cloud().id(), p.page().path(), p.page(), p.bodyHtml(), p.template()));
                chars += p.page().content().length();
            }
        }
        System.out.printf(Locale.ROOT, "air-gapped article pages: %d, %.1f MB of HTML%n", pages.size(), chars / 1e6);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        if (findBody) {
            findBody(pages, rounds, cpu);
            return;
        }
        long[] times = new long[rounds];
        String reported = null;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            AirGapCheck check = new AirGapCheck(config);
            for (Page p : pages) check.article(p.cloud(), p.path(), p.page(), p.body(), p.template());
            String message = "";
            try {
                check.failIfAny();
            } catch (CertDocsException e) {
                message = e.getMessage();
            }
            times[round] = cpu.getCurrentThreadCpuTime() - start;
            String r = message.length() + " chars, hash " + Integer.toHexString(message.hashCode());
            if (reported != null && !reported.equals(r)) throw new IllegalStateException("rounds differ");
            reported = r;
            System.out.printf(Locale.ROOT, "round %d: %.1f ms CPU%n", round + 1, times[round] / 1e6);
        }
        int warm = Math.min(rounds - 1, 5);
        long[] measured = Arrays.copyOfRange(times, warm, rounds);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "first round: %.1f ms CPU; median of rounds %d-%d: %.1f ms CPU%n", times[0] / 1e6,
                warm + 1, rounds, measured[measured.length / 2] / 1e6);
        System.out.println("reported: " + reported);
    }

    private static void findBody(List<Page> pages, int rounds, ThreadMXBean cpu) {
        long[] first = new long[rounds];
        long[] last = new long[rounds];
        long sum = 0;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (Page p : pages) sum += p.page().content().indexOf(p.body());
            long middle = cpu.getCurrentThreadCpuTime();
            for (Page p : pages) sum += p.page().content().lastIndexOf(p.body());
            last[round] = cpu.getCurrentThreadCpuTime() - middle;
            first[round] = middle - start;
            System.out.printf(Locale.ROOT, "round %d: indexOf %.1f ms CPU, lastIndexOf %.1f ms CPU%n", round + 1,
                    first[round] / 1e6, last[round] / 1e6);
        }
        int warm = Math.min(rounds - 1, 5);
        long[] a = Arrays.copyOfRange(first, warm, rounds);
        long[] b = Arrays.copyOfRange(last, warm, rounds);
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "median of rounds %d-%d: indexOf %.1f ms CPU, lastIndexOf %.1f ms CPU (%d)%n", warm + 1,
                rounds, a[a.length / 2] / 1e6, b[b.length / 2] / 1e6, sum);
    }
}
