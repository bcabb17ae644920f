package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.config.Version;
import dev.certdocs.diagnostic.Baseline;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Finding;
import dev.certdocs.diagnostic.ReportContext;
import dev.certdocs.diagnostic.RunSummary;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.link.ExternalUrls;
import dev.certdocs.link.LinkCheck;
import dev.certdocs.link.LinkReport;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.ContentFiles;
import dev.certdocs.load.Includes;
import dev.certdocs.load.LinkScanner;
import dev.certdocs.load.SourceText;
import dev.certdocs.model.PageLinks;
import dev.certdocs.publish.RunLock;
import dev.certdocs.publish.SiteWriter;
import dev.certdocs.validate.CheckContext;
import dev.certdocs.validate.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's front door: one method per goal. Each runs a prefix of the pipeline
 * (load → validate → link → render → publish) and reports what it found.
 */
public final class CertDocs {

    private CertDocs() {
    }

    /**
     * Loads and validates every article, applies the baseline, writes the reports. Articles are
     * loaded and checked in parallel and dropped once checked, so memory stays flat however many
     * there are.
     */
    public static ValidationResult validate(BuildConfig config, BuildLog log) {
        return validate(config, log, null, null, null);
    }

    /**
     * Validation as above; when {@code keep} is given, every loaded article is added to it with its
     * body's text, in path order, so that rendering does not read and parse it again.
     */
    static ValidationResult validate(BuildConfig config, BuildLog log, List<ArticleLoader.Loaded> keep, Background background,
                                     SitePipeline.State state) {
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        List<String> files = articleFiles(config, log);
        times.lap("finding the articles");
        Map<String, String> owners = new ConcurrentHashMap<>();
        List<Diagnostic> diagnostics = check(config, files, keep, background, state, owners);
        times.lap("loading and checking");
        Baseline baseline = Baseline.read(config.baselineFile());
        LineTexts lines = new LineTexts(config);
        if (config.updateBaseline()) {
            Baseline.write(config.baselineFile(), diagnostics, lines::of);
            log.info("Wrote " + diagnostics.size() + " problem(s) to the baseline "
                    + config.baseDir().relativize(config.baselineFile()));
            baseline = Baseline.read(config.baselineFile());
        }
        List<Finding> findings = baseline.apply(diagnostics, lines::of);
        RunSummary run = new RunSummary("validate", Version.current(), files, findings, validationRules(),
                Duration.ofNanos(System.nanoTime() - start));
        times.lap("baseline");
        if (background == null) {
            Reporting.report(config, run, owners, log, "article", List.of(), List.of(), Runnable::run);
        } else { // generate: the report files are written while the site renders
            Reporting.report(config, run, owners, log, "article", List.of(), List.of(), r -> background.submit(() -> {
                r.run();
                return null;
            }));
        }
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

    /**
     * The articles under the content directory. None at all is worth a warning: a mistyped
     * {@code contentDirectory} would otherwise pass every check with nothing checked.
     */
    private static List<String> articleFiles(BuildConfig config, BuildLog log) {
        List<String> files = ContentFiles.find(config.baseDir(), config.contentDirectory());
        if (files.isEmpty()) {
            log.warn("the content directory " + config.contentDirectory() + " holds no article (.md file);"
                    + " check <contentDirectory> or -Dcertdocs.contentDirectory");
        }
        return files;
    }

    /**
     * The validation diagnostics of these articles, severity overrides applied, in source order,
     * each once: each article's own checks, then those of all articles together, then the link
     * checks made without the network (their links, gathered while the articles are loaded).
     * Each article's {@code ownershipId} is put in {@code owners} (for the report's teams).
     */
    static List<Diagnostic> check(BuildConfig config, List<String> files, List<ArticleLoader.Loaded> keep,
                                  Background background, SitePipeline.State state, Map<String, String> owners) {
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        Includes includes = new Includes(config.baseDir());
        LinkScanner scanner = new LinkScanner(includes);
        Validation validation = new Validation(new CheckContext(config, includes));
        LinkCheck.Page[] pages = new LinkCheck.Page[files.size()];
        @SuppressWarnings("unchecked")
        List<Diagnostic>[] perArticle = new List[files.size()];
        ArticleLoader.Loaded[] articles = keep == null ? null : new ArticleLoader.Loaded[files.size()];
        // An incremental generate checks again only the articles that changed since its last run.
        CheckCache cache = keep != null && background != null && config.site().incremental()
                ? CheckCache.open(config.site().stateDirectory(), BuildFingerprint.ofChecks(config), includes,
                        Background.get(state.checks())) : null;
        Parallel.forEach(config.threads(), files.size(), "validation", i -> {
            String path = files.get(i);
            ArticleLoader.Loaded loaded = null;
            PageLinks links = null;
            if (cache == null) {
                loaded = loader.load(path);
                perArticle[i] = checked(loaded, validation);
            } else {
                java.nio.file.Path file = config.baseDir().resolve(path);
                String stamp = CheckCache.stamp(file);
                var known = cache.unchanged(path, stamp);
                if (known.isEmpty()) {
                    byte[] bytes = readAllBytes(file);
                    String hash = CheckCache.hash(bytes);
                    known = cache.lookup(path, hash, stamp);
                    if (known.isEmpty()) {
                        loaded = loader.parse(path, file, bytes).withHash(hash);
                        perArticle[i] = checked(loaded, validation);
                        links = scanner.article(loaded);
                        cache.store(path, hash, stamp, perArticle[i], loaded.article(), links);
                    }
                }
                if (known.isPresent()) {
                    CheckCache.Entry e = known.get();
                    loaded = loader.known(path, file, e.properties(), e.includes(), e.hash());
                    validation.record(loaded.article());
                    perArticle[i] = e.diagnostics();
                    links = e.links();
                }
            }
            // An unchanged article's links come from the cache; one known from an older cache is read again.
            if (links == null) links = scanner.article(loaded.scannedBy(loader));
            pages[i] = page(config, loaded, links);
            if (articles != null) articles[i] = loaded;
            owners.put(path, owner(loaded));
        });
        List<Diagnostic> all = new ArrayList<>();
        for (List<Diagnostic> list : perArticle) all.addAll(list);
        all.addAll(validation.finish());
        all.addAll(new LinkCheck(config, includes, scanner).offline(java.util.Arrays.asList(pages)));
        if (cache != null) background.submit(() -> {
            cache.write();
            return null;
        });
        if (keep != null) keep.addAll(java.util.Arrays.asList(articles));
        return all.stream()
                .map(d -> d.withSeverity(config.severityOf(d.ruleId(), d.severity())))
                .filter(d -> d.severity() != Severity.OFF)
                .distinct()
                .sorted(Diagnostic.ORDER)
                .toList();
    }

    /** An article as the link checks see it: its path, the build's clouds it is published in, its links. */
    private static LinkCheck.Page page(BuildConfig config, ArticleLoader.Loaded loaded, PageLinks links) {
        List<String> wanted = loaded.article().cloudIds();
        List<String> clouds = config.clouds().stream().map(c -> c.id()).filter(wanted::contains).toList();
        return new LinkCheck.Page(loaded.article().path(), clouds, links);
    }

    /** The team that owns an article: its {@code ownershipId}, blank when it has none. */
    private static String owner(ArticleLoader.Loaded loaded) {
        return loaded.article().props().value("ownershipId").strip();
    }

    /** What loading an article and its own checks found. */
    private static List<Diagnostic> checked(ArticleLoader.Loaded loaded, Validation validation) {
        List<Diagnostic> out = new ArrayList<>(loaded.diagnostics());
        out.addAll(validation.check(loaded.article()));
        return out;
    }

    private static byte[] readAllBytes(java.nio.file.Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CertDocsException("cannot read " + file + ": " + e.getMessage(), e);
        }
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
        List<String> files = articleFiles(config, log);
        Includes includes = new Includes(config.baseDir());
        LinkScanner scanner = new LinkScanner(includes);
        Map<String, String> owners = new ConcurrentHashMap<>();
        List<LinkCheck.Page> pages = loadPages(config, files, scanner, owners);
        long unpublished = pages.stream().filter(p -> p.clouds().isEmpty()).count();
        if (unpublished > 0) {
            log.info(unpublished + " article" + (unpublished == 1 ? " is" : "s are")
                    + " published in none of the clouds checked; their links were not checked");
        }
        LinkReport report = new LinkCheck(config, includes, scanner).run(pages, external, log);
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
        Reporting.report(config, run, owners, log, "article", table, results, Runnable::run);
        boolean failed = config.links().failOnBrokenLinks()
                && findings.stream().anyMatch(f -> f.fails(config.failOnWarning()));
        return new LinkCheckResult(run, report.counts(), failed);
    }

    /**
     * Each article with the clouds of this build it is published in, in the build's cloud order,
     * and its links; each article's {@code ownershipId} is put in {@code owners}.
     */
    private static List<LinkCheck.Page> loadPages(BuildConfig config, List<String> files, LinkScanner scanner,
                                                  Map<String, String> owners) {
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        LinkCheck.Page[] pages = new LinkCheck.Page[files.size()];
        Parallel.forEach(config.threads(), files.size(), "loading", i -> {
            ArticleLoader.Loaded loaded = loader.load(files.get(i));
            List<String> wanted = loaded.article().cloudIds();
            List<String> clouds = config.clouds().stream().map(c -> c.id()).filter(wanted::contains).toList();
            pages[i] = new LinkCheck.Page(files.get(i), clouds, scanner.article(loaded));
            owners.put(files.get(i), owner(loaded));
        });
        return java.util.Arrays.asList(pages);
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
        // The incremental state is read while validation runs.
        SitePipeline.State state = SitePipeline.State.read(config, background);
        List<ArticleLoader.Loaded> articles = new ArrayList<>();
        ValidationResult validation = validate(config, log, articles, background, state);
        if (validation.failed() && !config.site().force()) {
            background.await();
            return new GenerateResult(validation, 0, config.site().outputDirectory(), true,
                    "validation found errors; fix them, or render anyway with -Dcertdocs.force", java.util.Map.of());
        }
        long start = System.nanoTime();
        SitePipeline.Outcome outcome = SitePipeline.run(config, articles, log, state);
        background.await();
        int pages = outcome.rendered() + outcome.reused();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info(String.format(java.util.Locale.ROOT,
                "certdocs generate: %d pages for %d cloud(s) (%d rendered, %d reused) in %.2f s (%.0f pages/s)",
                pages, config.clouds().size(), outcome.rendered(), outcome.reused(), seconds, pages / Math.max(seconds, 1e-9)));
        for (var cloud : config.clouds()) {
            log.info("Site (" + cloud.id() + "): " + config.site().outputDirectory().resolve(cloud.id())
                    .resolve(config.site().version()).resolve("index.html"));
        }
        outcome.bundles().forEach((cloud, zip) -> log.info("Bundle (" + cloud + "): " + zip));
        return new GenerateResult(validation, pages, config.site().outputDirectory(), false, "", outcome.bundles());
    }

    /**
     * Serves a live preview of every cloud on {@code host}:{@code port} (DESIGN §4): loads and
     * validates the content, then serves at once, rendering pages when asked for; watches the
     * repository and reloads the open pages a change affects. {@code configs} is asked again when
     * the schema file changes. Runs until the returned preview is closed.
     */
    public static dev.certdocs.serve.LivePreview serve(Supplier<BuildConfig> configs, BuildLog log, String host, int port) {
        long start = System.nanoTime();
        Preview site = Preview.open(configs, log);
        try {
            dev.certdocs.serve.LivePreview preview = dev.certdocs.serve.LivePreview.start(site, host, port, log);
            log.info(String.format(java.util.Locale.ROOT, "certdocs serve: %s loaded and checked in %.1f s; serving %s (%s)",
                    site.summary(), (System.nanoTime() - start) / 1e9, preview.url(), String.join(", ", site.clouds())));
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
