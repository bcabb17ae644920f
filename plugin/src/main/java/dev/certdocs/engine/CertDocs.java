package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.Version;
import dev.certdocs.diagnostic.Baseline;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Finding;
import dev.certdocs.diagnostic.ReportContext;
import dev.certdocs.diagnostic.RunSummary;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.incremental.IncrementalBuild;
import dev.certdocs.incremental.PageLedger;
import dev.certdocs.link.ExternalUrls;
import dev.certdocs.link.LinkCheck;
import dev.certdocs.link.LinkReport;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.load.SourceText;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.publish.AirGapCheck;
import dev.certdocs.publish.BundleSpool;
import dev.certdocs.publish.Bundles;
import dev.certdocs.publish.RunLock;
import dev.certdocs.publish.SiteWriter;
import dev.certdocs.render.Rendering;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.support.Background;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.support.Progress;
import dev.certdocs.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's front door, and the one class that wires the stages: one method per goal, each
 * running a prefix of the pipeline load → validate → link → render (per cloud) → publish, and
 * reporting what it found. Each stage has one entry point ({@link Load#corpus},
 * {@link Validation#validate}, {@link LinkCheck}, {@link Rendering}, {@link SiteWriter});
 * {@code generate} calls them through {@link IncrementalBuild}, which memoizes them by content
 * hash (docs/architecture.md).
 */
public final class CertDocs {

    private CertDocs() {
    }

    /**
     * Loads and validates every article, applies the baseline, writes the reports. The corpus
     * keeps the articles' records, not their text, so memory stays small however many there are.
     */
    public static ValidationResult validate(BuildConfig config, BuildLog log) {
        long start = System.nanoTime();
        List<String> files = Load.articleFiles(config, log);
        Validation.Validated validated = Validation.loadAndValidate(config, files);              // load, validate
        return report(config, log, validated.corpus(), validated.found(), start, Runnable::run); // link (offline), reports
    }

    /**
     * The result of validate on a loaded corpus: {@code found} (validate's diagnostics), with the
     * link checks made without the network, severity overrides, the baseline, the reports (written
     * through {@code reports}: generate writes them while the site renders).
     */
    private static ValidationResult report(BuildConfig config, BuildLog log, Corpus corpus, List<Diagnostic> found, long start,
                                           java.util.concurrent.Executor reports) {
        StageTimes times = new StageTimes();
        List<Diagnostic> all = new ArrayList<>(found);
        all.addAll(new LinkCheck(config, corpus.includes(), corpus.scanner()).offline(pages(config, corpus)));
        List<Diagnostic> diagnostics = all.stream()
                .map(d -> d.withSeverity(config.severityOf(d.ruleId(), d.severity())))
                .filter(d -> d.severity() != Severity.OFF)
                .distinct()
                .sorted(Diagnostic.ORDER)
                .toList();
        times.lap("offline link checks");
        Baseline baseline = Baseline.read(config.baselineFile());
        LineTexts lines = new LineTexts(config);
        if (config.updateBaseline()) {
            Baseline.write(config.baselineFile(), diagnostics, lines::of);
            log.info("Wrote " + diagnostics.size() + " problem(s) to the baseline "
                    + config.baseDir().relativize(config.baselineFile()));
            baseline = Baseline.read(config.baselineFile());
        }
        List<Finding> findings = baseline.apply(diagnostics, lines::of);
        RunSummary run = new RunSummary("validate", Version.current(), corpus.files(), findings, validationRules(),
                Duration.ofNanos(System.nanoTime() - start));
        times.lap("baseline");
        Reporting.report(config, run, owners(corpus), log, "article", List.of(), List.of(), reports);
        times.lap("reports");
        log.debug("certdocs validate stages: " + times);
        boolean failed = findings.stream().anyMatch(f -> f.fails(config.failOnWarning()));
        return new ValidationResult(run, failed);
    }

    /** The rules {@code validate} reports: its own checks' and the link checks made without the network. */
    public static List<dev.certdocs.diagnostic.Rule> validationRules() {
        List<dev.certdocs.diagnostic.Rule> rules = new ArrayList<>(Validation.rules());
        rules.addAll(LinkCheck.offlineRules());
        return List.copyOf(rules);
    }

    /** Each article as the link checks see it: its path, the build's clouds it is published in (in the build's order), its links. */
    static List<LinkCheck.Page> pages(BuildConfig config, Corpus corpus) {
        List<LinkCheck.Page> pages = new ArrayList<>(corpus.articles().size());
        for (Corpus.Entry e : corpus.articles()) {
            List<String> wanted = e.article().cloudIds();
            List<String> clouds = config.clouds().stream().map(c -> c.id()).filter(wanted::contains).toList();
            pages.add(new LinkCheck.Page(e.path(), clouds, e.links()));
        }
        return pages;
    }

    /** Each article's team ({@code ownershipId}), for the reports. */
    private static Map<String, String> owners(Corpus corpus) {
        Map<String, String> owners = new HashMap<>();
        for (Corpus.Entry e : corpus.articles()) owners.put(e.path(), e.owner());
        return owners;
    }

    /**
     * Checks every link of every page of every cloud the build checks (docs/design.md §5): paths, anchors,
     * clouds and syntax here, external URLs over HTTP unless offline; logs the summary table and
     * writes the reports. Fails when a link fails, unless {@code failOnBrokenLinks} is off.
     */
    public static LinkCheckResult checkLinks(BuildConfig config, BuildLog log) {
        return checkLinks(config, log, false);
    }

    /**
     * As {@link #checkLinks(BuildConfig, BuildLog)}; when {@code validatedBefore} (validate or
     * generate ran on the same content earlier in this build, and reported the checks made
     * without the network), only what needs the network is reported, so no problem is reported
     * twice: the results table still counts every link.
     */
    public static LinkCheckResult checkLinks(BuildConfig config, BuildLog log, boolean validatedBefore) {
        return checkLinks(config, log, () -> HttpLinks.open(config.links(), log), validatedBefore);
    }

    /** {@link #checkLinks(BuildConfig, BuildLog)} with another external URL checker (tests, embedding). */
    public static LinkCheckResult checkLinks(BuildConfig config, BuildLog log, Supplier<ExternalUrls> external) {
        return checkLinks(config, log, external, false);
    }

    /** {@link #checkLinks(BuildConfig, BuildLog, boolean)} with another external URL checker (tests, embedding). */
    public static LinkCheckResult checkLinks(BuildConfig config, BuildLog log, Supplier<ExternalUrls> external,
                                             boolean validatedBefore) {
        long start = System.nanoTime();
        List<String> files = Load.articleFiles(config, log);
        Corpus corpus = Load.corpus(config, files, false);                                      // load
        List<LinkCheck.Page> pages = pages(config, corpus);
        long unpublished = pages.stream().filter(p -> p.clouds().isEmpty()).count();
        if (unpublished > 0) {
            log.info(unpublished + " article" + (unpublished == 1 ? " is" : "s are")
                    + " published in none of the clouds checked; their links were not checked");
        }
        LinkReport report = new LinkCheck(config, corpus.includes(), corpus.scanner()).run(pages, external, log); // link
        List<Diagnostic> diagnostics = report.diagnostics();
        if (validatedBefore) {
            diagnostics = diagnostics.stream().filter(d -> !LinkCheck.offline(d.ruleId())).toList();
            int reported = report.diagnostics().size() - diagnostics.size();
            if (reported > 0) {
                log.info(reported + " problem" + (reported == 1 ? "" : "s") + " found without the network (paths, anchors,"
                        + " clouds, air-gapped hosts, syntax) " + (reported == 1 ? "was" : "were")
                        + " reported by validate in this build and " + (reported == 1 ? "is" : "are") + " not repeated here");
            }
        }
        LineTexts lines = new LineTexts(config);
        List<Finding> findings = Baseline.read(config.baselineFile()).apply(diagnostics, lines::of);
        RunSummary run = new RunSummary("check-links", Version.current(), files, findings, LinkCheck.rules(),
                Duration.ofNanos(System.nanoTime() - start));
        List<String> table = new ArrayList<>(List.of("Link results:"));
        table.addAll(report.counts().table());
        List<ReportContext.Result> results = report.counts().rows().stream()
                .map(r -> new ReportContext.Result(r.label(), r.count())).toList();
        Reporting.report(config, run, owners(corpus), log, "article", table, results, Runnable::run);
        boolean failed = config.links().failOnBrokenLinks()
                && findings.stream().anyMatch(f -> f.fails(config.failOnWarning()));
        return new LinkCheckResult(run, report.counts(), failed);
    }

    /**
     * Validates, then (when there are no errors, or with {@code force}) renders every article
     * published in each of the build's clouds, with the indexes, search and sitemap, and
     * publishes the version into the output directory.
     */
    public static GenerateResult generate(BuildConfig config, BuildLog log) {
        // One run at a time per site and per state directory, for the whole run: two runs
        // interleaving their publishing, or one reading the state another is replacing, would
        // leave a site or state that is neither's. The background work ends before the locks go.
        var site = config.site();
        try (RunLock output = RunLock.acquire(SiteWriter.lockFile(site.outputDirectory()), "the site " + site.outputDirectory(),
                     site.lockTimeout(), log::info);
             RunLock state = RunLock.acquire(site.stateDirectory().resolve("run.lock"), "the state directory "
                     + site.stateDirectory(), site.lockTimeout(), log::info);
             Background background = new Background()) {
            return generate(config, log, background);
        }
    }

    private static GenerateResult generate(BuildConfig config, BuildLog log, Background background) {
        long start = System.nanoTime();
        IncrementalBuild incremental = IncrementalBuild.open(config, background);       // the last runs' state, read meanwhile
        Corpus corpus = incremental.load(Load.articleFiles(config, log));               // load
        List<Diagnostic> found = incremental.validate(corpus);                          // validate
        ValidationResult validation = report(config, log, corpus, found, start,         // link (offline), reports
                r -> background.submit(() -> {
                    r.run();
                    return null;
                }));
        if (validation.failed() && !config.site().force()) {
            background.await();
            return new GenerateResult(validation, 0, config.site().outputDirectory(), true,
                    "validation found errors; fix them, or render anyway with -Dcertdocs.force", Map.of());
        }
        long rendering = System.nanoTime();
        StageTimes times = new StageTimes();
        Rendering render = new Rendering(config, corpus);
        Map<String, SiteRenderer.CloudSite> sites = render.plans();                     // render: each cloud planned
        PageLedger ledger = incremental.ledger(render.renderer(), sites, corpus);       // what may be kept as published
        times.lap("planning");
        // Each file written is compressed for the bundles on the thread that wrote it (when there are bundles to make).
        BundleSpool spool = config.site().bundles() == null ? null
                : BundleSpool.open(config.site().stateDirectory(), config.site().version());
        Map<String, Path> bundles;
        try {
            try (SiteWriter writer = new SiteWriter(config.site().outputDirectory(), config.site().version(),
                    config.site()::baseUrlOf, ledger.plan(), spool)) {
                AirGapCheck airGap = new AirGapCheck(config);
                articlePages(config, log, corpus, render, sites, ledger, writer, airGap);   // render → publish (staged)
                times.lap("article pages");
                sitePages(config, render.renderer(), sites, ledger, writer, airGap);
                times.lap("site pages and files");
                publish(config, sites, ledger, writer, airGap);                             // publish
                times.lap("publishing");
            } finally {
                ledger.closeSpools(); // a failed run leaves no spooled search entries behind
            }
            bundles = Bundles.zipAll(config, log, spool);
            times.lap("bundles");
        } finally {
            if (spool != null) spool.close(); // nor compressed pages
        }
        background.await();
        log.debug("certdocs generate stages: " + times);
        log.debug("certdocs generate " + ledger.searchSummary());
        log.debug("certdocs generate " + render.renderer().bodySummary());
        return generated(config, log, validation, ledger, bundles, rendering);
    }

    /** Each article's page in each cloud it is published in: kept as published when its inputs did not change, else rendered. */
    private static void articlePages(BuildConfig config, BuildLog log, Corpus corpus, Rendering render,
                                     Map<String, SiteRenderer.CloudSite> sites, PageLedger ledger, SiteWriter writer,
                                     AirGapCheck airGap) {
        List<Corpus.Entry> articles = corpus.articles();
        Progress progress = new Progress("pages", "rendered or reused", pageCount(sites, articles), log, Progress.EVERY);
        Parallel.forEach(config.threads(), articles.size(), "rendering", i -> {
            Corpus.Entry entry = articles.get(i);
            String path = render.renderer().pagePath(entry.article());
            SiteRenderer.ArticleMemo memo = new SiteRenderer.ArticleMemo();
            for (SiteRenderer.CloudSite site : sites.values()) {
                String cloud = site.cloud().id();
                if (!site.publishedIn().getOrDefault(entry.path(), List.of()).contains(cloud)) continue;
                String key = ledger.key(site, i, entry);
                if (!ledger.keepArticle(writer, cloud, i, path, key)) {
                    SiteRenderer.ArticlePage page = render.article(site, entry, memo);
                    writer.write(page.page());
                    airGap.article(cloud, path, page.page(), page.bodyHtml(), page.template());
                    ledger.renderedArticle(cloud, i, path, key, dev.certdocs.model.SitePaths.serviceId(entry.article()), page);
                }
                progress.step();
            }
        });
    }

    /** Each cloud's search index, home, service, search and 404 pages (kept or rendered), sitemap and linked files. */
    private static void sitePages(BuildConfig config, SiteRenderer renderer, Map<String, SiteRenderer.CloudSite> sites,
                                  PageLedger ledger, SiteWriter writer, AirGapCheck airGap) {
        List<SiteRenderer.CloudSite> siteList = List.copyOf(sites.values());
        Parallel.forEach(config.threads(), siteList.size(), "rendering the site pages", k -> {
            SiteRenderer.CloudSite site = siteList.get(k);
            String cloud = site.cloud().id();
            ledger.writeSearchIndex(writer, site, renderer);
            for (SiteRenderer.SitePage sp : renderer.sitePages(site)) {
                String key = ledger.key(site, sp);
                if (ledger.keepSitePage(writer, cloud, sp, key)) continue;
                RenderedPage p = sp.render().get();
                writer.write(p);
                airGap.page(cloud, p.path(), p.content(), "", sp.template());
                ledger.renderedSitePage(cloud, sp.path(), key);
            }
            RenderedPage sitemap = renderer.sitemap(site);
            writer.write(sitemap);
            airGap.page(cloud, sitemap.path(), sitemap.content(), "", "the sitemap");
            for (String repoPath : new TreeSet<>(ledger.linkedFiles(cloud))) {
                Path source = config.baseDir().resolve(repoPath);
                // Missing files are the link checker's to report; only regular files inside the repository are copied.
                if (Files.isRegularFile(source) && inside(config, source)) {
                    writer.copyFile(cloud, source, renderer.sitePath(repoPath));
                    airGap.file(cloud, renderer.sitePath(repoPath), source);
                }
            }
        });
    }

    /** The theme's assets, the air-gapped check, then the staged version moved into place, the indexes and the manifest. */
    private static void publish(BuildConfig config, Map<String, SiteRenderer.CloudSite> sites, PageLedger ledger,
                                SiteWriter writer, AirGapCheck airGap) {
        for (SiteRenderer.CloudSite site : sites.values()) { // one at a time: the theme jar is opened as a file system
            writer.copyAssets(site.cloud().id(), SiteRenderer.class.getClassLoader(), "certdocs-templates",
                    config.site().templatesDirectory());
        }
        writer.prune();
        for (String cloud : sites.keySet()) airGap.tree(cloud, "assets/", writer.versionDir(cloud).resolve("assets"));
        airGap.failIfAny();
        ledger.beforeCommit();
        writer.commit();
        writer.writeIndexes(config.site().title(), id -> config.catalog().find(id).map(Cloud::name).orElse(id));
        ledger.afterCommit(writer, config.threads());
    }

    private static GenerateResult generated(BuildConfig config, BuildLog log, ValidationResult validation, PageLedger ledger,
                                            Map<String, Path> bundles, long start) {
        int pages = ledger.rendered() + ledger.reused();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(String.format(java.util.Locale.ROOT,
                "certdocs generate: %d pages for %d cloud(s) (%d rendered, %d reused) in %.2f s (%.0f pages/s)",
                pages, config.clouds().size(), ledger.rendered(), ledger.reused(), seconds, pages / Math.max(seconds, 1e-9)));
        for (var cloud : config.clouds()) {
            log.info("Site (" + cloud.id() + "): " + config.site().outputDirectory().resolve(cloud.id())
                    .resolve(config.site().version()).resolve("index.html"));
        }
        bundles.forEach((cloud, zip) -> log.info("Bundle (" + cloud + "): " + zip));
        return new GenerateResult(validation, pages, config.site().outputDirectory(), false, "", bundles);
    }

    /** How many article pages the build publishes: each article once per cloud it is published in. */
    private static int pageCount(Map<String, SiteRenderer.CloudSite> sites, List<Corpus.Entry> articles) {
        int pages = 0;
        for (SiteRenderer.CloudSite site : sites.values()) {
            for (Corpus.Entry a : articles) {
                if (site.publishedIn().getOrDefault(a.path(), List.of()).contains(site.cloud().id())) pages++;
            }
        }
        return pages;
    }

    private static boolean inside(BuildConfig config, Path file) {
        try {
            return file.toRealPath().startsWith(config.baseDir().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Serves a live preview of every cloud on {@code host}:{@code port} (docs/design.md §4): reads
     * the articles' properties and plans the site, then serves at once, rendering pages when asked
     * for, while the content is loaded and validated in the background; watches the
     * repository and reloads the open pages a change affects. {@code configs} is asked again when
     * the schema file changes. Runs until the returned preview is closed.
     */
    public static dev.certdocs.serve.LivePreview serve(Supplier<BuildConfig> configs, BuildLog log, String host, int port) {
        long start = System.nanoTime();
        Preview site = Preview.open(configs, log);
        try {
            dev.certdocs.serve.LivePreview preview = dev.certdocs.serve.LivePreview.start(site, host, port, log);
            log.info(String.format(java.util.Locale.ROOT, "certdocs serve: serving %s (%s) after %.1f s; %s",
                    preview.url(), String.join(", ", site.clouds()), (System.nanoTime() - start) / 1e9, site.summary()));
            return preview;
        } catch (IOException e) {
            site.close();
            throw new CertDocsException("cannot start the preview server: " + e.getMessage(), e);
        }
    }

    /** The source line a diagnostic points at, reading each file at most once. */
    private static final class LineTexts {
        private final BuildConfig config;
        private final Map<String, SourceText> files = new ConcurrentHashMap<>();

        LineTexts(BuildConfig config) {
            this.config = config;
        }

        String of(Diagnostic d) {
            SourceText src = files.computeIfAbsent(d.position().path(), p -> {
                try {
                    // decoded leniently, as the loader does: a stray Latin-1 byte must not lose the context
                    return new SourceText(p, new String(Files.readAllBytes(config.baseDir().resolve(p)),
                            StandardCharsets.UTF_8));
                } catch (IOException | java.io.UncheckedIOException e) {
                    return new SourceText(p, "");
                }
            });
            int line = d.position().line();
            return line <= src.lineCount() ? src.line(line) : "";
        }
    }
}
