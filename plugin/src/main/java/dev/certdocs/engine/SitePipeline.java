package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.support.Progress;
import dev.certdocs.config.Cloud;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.GitDates;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.model.SitePaths;
import dev.certdocs.publish.Bundles;
import dev.certdocs.publish.Manifest;
import dev.certdocs.publish.SiteWriter;
import dev.certdocs.publish.Spare;
import dev.certdocs.render.SiteRenderer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * render → publish for every cloud of the build: article pages in parallel (each page rendered,
 * or with {@code incremental} copied from the published site when its inputs did not change),
 * then each cloud's indexes, files and assets; the air-gapped check; the move into place; the
 * bundles.
 */
final class SitePipeline {

    private SitePipeline() {
    }

    /** What a run produced: pages rendered and reused, and a bundle per cloud. */
    record Outcome(int rendered, int reused, Map<String, Path> bundles) {
    }

    /**
     * What the last runs left in the state directory: the validation cache's entries, the
     * manifest of this version as published and that of its spare, read on the {@link Background}
     * thread while the articles are found and checked (empty when the build is not incremental).
     */
    record State(Path manifestFile, java.util.concurrent.Future<Map<String, CheckCache.Entry>> checks,
                 java.util.concurrent.Future<Manifest> published, java.util.concurrent.Future<Manifest> spare) {

        static State read(BuildConfig config, Background background) {
            Path dir = config.site().stateDirectory();
            Path file = dir.resolve(config.site().version() + ".manifest");
            boolean on = config.site().incremental();
            // In the order they are needed: validation's cache first.
            return new State(file,
                    background.submit(() -> on ? CheckCache.stored(dir, BuildFingerprint.ofChecks(config)) : Map.of()),
                    background.submit(() -> on ? Manifest.read(file) : Manifest.empty()),
                    background.submit(() -> on ? Spare.read(dir, config.site().version()) : Manifest.empty()));
        }
    }

    static Outcome run(BuildConfig config, List<ArticleLoader.Loaded> loadedArticles, BuildLog log, State state) {
        StageTimes times = new StageTimes();
        List<Article> articles = loadedArticles.stream().map(ArticleLoader.Loaded::article).toList();
        Includes includes = new Includes(config.baseDir());
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        SiteRenderer renderer = new SiteRenderer(config, includes, GitDates.read(config.baseDir()));
        // Per-cloud work runs one cloud per thread: plans, earlier search indexes, then the site pages.
        List<Cloud> clouds = config.clouds();
        SiteRenderer.CloudSite[] plans = new SiteRenderer.CloudSite[clouds.size()];
        SiteRenderer.Listing listing = renderer.listing(articles);
        Parallel.forEach(config.threads(), clouds.size(), "planning", k -> plans[k] = renderer.plan(clouds.get(k), listing));
        Map<String, SiteRenderer.CloudSite> sites = new LinkedHashMap<>();
        for (SiteRenderer.CloudSite plan : plans) sites.put(plan.cloud().id(), plan);
        times.lap("planning");

        Path manifestFile = state.manifestFile();
        // Everything that, when it changes, changes every page.
        String fingerprint = BuildFingerprint.of(config, renderer.templatesFingerprint());
        times.lap("fingerprint");
        String siteRoot = config.site().outputDirectory().toString();
        Manifest previous = Background.get(state.published());
        times.lap("reading the manifest");
        PageLedger ledger = new PageLedger(config, sites, articles.size(), previous, fingerprint);
        times.lap("reading the search indexes");
        AirGapCheck airGap = new AirGapCheck(config);
        String version = config.site().version();
        Spare spare = config.site().incremental()
                ? Spare.take(config.site().stateDirectory(), version, Background.get(state.spare()), fingerprint, siteRoot) : null;
        try (SiteWriter writer = new SiteWriter(config.site().outputDirectory(), version, config.site()::baseUrlOf, spare,
                previous)) {
            Progress progress = new Progress("pages", "rendered or reused", pageCount(sites, articles), log, Progress.EVERY);
            Parallel.forEach(config.threads(), articles.size(), "rendering", i -> {
                Article listed = articles.get(i);
                ArticleLoader.Loaded loaded = loadedArticles.get(i);
                String articleKey = null;
                String path = renderer.pagePath(listed);
                Map<String, String> markdownMemo = new HashMap<>();
                for (SiteRenderer.CloudSite site : sites.values()) {
                    String cloud = site.cloud().id();
                    if (!site.publishedIn().getOrDefault(listed.path(), List.of()).contains(cloud)) continue;
                    if (articleKey == null) {
                        String content = loaded.hash() != null ? loaded.hash()
                                : CheckCache.hash(loaded.source().text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        articleKey = renderer.articleKey(loaded.article(), content, includeTexts(includes, loaded.article()));
                    }
                    String key = renderer.inputKey(site, loaded.article(), articleKey);
                    Manifest.Page before = ledger.reusableArticle(cloud, path, key);
                    if (before != null && writer.reuse(cloud, path, key)) {
                        ledger.reusedArticle(cloud, i, path, before);
                    } else {
                        loaded = loaded.scannedBy(loader); // its body is needed now
                        SiteRenderer.ArticlePage page = renderer.article(site, loaded.article(), loaded.bodyText(), markdownMemo);
                        writer.write(page.page());
                        airGap.article(cloud, path, page);
                        ledger.renderedArticle(cloud, i, path, key, SitePaths.serviceId(loaded.article()), page);
                    }
                    progress.step();
                }
            });
            times.lap("article pages");
            List<SiteRenderer.CloudSite> siteList = List.copyOf(sites.values());
            Parallel.forEach(config.threads(), siteList.size(), "rendering the site pages", k -> {
                SiteRenderer.CloudSite site = siteList.get(k);
                String cloud = site.cloud().id();
                ledger.writeSearchIndex(writer, site, renderer);
                for (SiteRenderer.SitePage sp : renderer.sitePages(site)) {
                    Manifest.Page before = ledger.reusableSitePage(cloud, sp);
                    if (before != null && writer.reuse(cloud, sp.path(), sp.key())) {
                        ledger.reusedSitePage(cloud, sp.path(), before);
                    } else {
                        RenderedPage p = sp.render().get();
                        writer.write(p);
                        airGap.page(cloud, p.path(), p.content(), "", sp.template());
                        ledger.renderedSitePage(cloud, sp.path(), sp.key());
                    }
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
            times.lap("site pages and files");
            for (SiteRenderer.CloudSite site : sites.values()) { // one at a time: the theme jar is opened as a file system
                writer.copyAssets(site.cloud().id(), SiteRenderer.class.getClassLoader(), "certdocs-templates",
                        config.site().templatesDirectory());
            }
            writer.prune();
            for (String cloud : sites.keySet()) airGap.tree(cloud, "assets/", writer.versionDir(cloud).resolve("assets"));
            airGap.failIfAny();
            times.lap("assets");
            // From here until the new manifest is written, the old one no longer describes this site (another site's is
            // left alone); with a spare, it becomes the spare's, as the version it describes is about to be.
            if (spare != null && previous.site().equals(siteRoot)) spare.describe(manifestFile);
            else if (config.site().incremental() || Manifest.read(manifestFile).site().equals(siteRoot)) Manifest.forget(manifestFile);
            writer.commit();
            writer.writeIndexes(config.site().title(), id -> config.catalog().find(id).map(Cloud::name).orElse(id));
            times.lap("publishing");
            if (config.site().incremental()) ledger.write(manifestFile, writer, config.threads());
        }
        times.lap("manifest");
        Map<String, Path> bundles = bundles(config, log);
        times.lap("bundles");
        log.debug("certdocs generate stages: " + times);
        log.debug("certdocs generate " + ledger.searchSummary());
        return new Outcome(ledger.rendered(), ledger.reused(), bundles);
    }

    /** How many article pages the build publishes: each article once per cloud it is published in. */
    private static int pageCount(Map<String, SiteRenderer.CloudSite> sites, List<Article> articles) {
        int pages = 0;
        for (SiteRenderer.CloudSite site : sites.values()) {
            for (Article a : articles) {
                if (site.publishedIn().getOrDefault(a.path(), List.of()).contains(site.cloud().id())) pages++;
            }
        }
        return pages;
    }

    /** The texts of every include an article reaches, in the order it reaches them. */
    private static List<String> includeTexts(Includes includes, Article article) {
        List<String> texts = new ArrayList<>();
        for (String p : includes.reachedFrom(article.path(), article.body())) {
            texts.add(p);
            texts.add(includes.text(p));
        }
        return texts;
    }

    /**
     * The air-gapped safety net (a page of an air-gapped cloud may reference no host outside the
     * bundle and the cloud's allow-list), made on each page as it is rendered rather than by
     * reading the whole site back. What articles link to is not its concern: {@code validate}
     * judges that at the link's source line ({@code link/air-gapped}, with severities, the
     * baseline and {@code force}), so the article's own HTML is left out here. What remains comes
     * from the templates, the theme or copied files, and is named with where it comes from.
     * Reused pages are not checked again: they passed with the same fingerprint (clouds,
     * allow-lists, base URLs and templates are part of it), or no manifest would list them.
     */
    private static final class AirGapCheck {
        private final BuildConfig config;
        /** Per air-gapped cloud: the hosts reachable inside it besides those {@link Cloud#reaches} (this site's own). */
        private final Map<String, List<String>> hosts = new LinkedHashMap<>();
        /** Per air-gapped cloud: the problems by page path, in path order. */
        private final Map<String, java.util.concurrent.ConcurrentSkipListMap<String, List<String>>> outside = new LinkedHashMap<>();

        AirGapCheck(BuildConfig config) {
            this.config = config;
            for (Cloud cloud : config.clouds()) {
                if (!cloud.airGapped()) continue;
                // Besides what the cloud reaches (its portal, documentation host, allowedHosts), this site's own host.
                String baseUrl = config.site().baseUrlOf(cloud.id());
                String siteHost = baseUrl.isBlank() ? null : URI.create(baseUrl.strip()).getHost();
                hosts.put(cloud.id(), siteHost == null ? List.of() : List.of(siteHost));
                outside.put(cloud.id(), new java.util.concurrent.ConcurrentSkipListMap<>());
            }
        }

        /** Checks an article's page: what its template adds around the article's own HTML. */
        void article(String cloudId, String path, SiteRenderer.ArticlePage page) {
            page(cloudId, path, page.page().content(), page.bodyHtml(), page.template());
        }

        /**
         * Checks a page or stylesheet written at {@code path} in the cloud's version, but for the
         * references that are in {@code content} (the article's HTML the page holds, "" for none),
         * naming {@code source} as where the others come from.
         */
        void page(String cloudId, String path, String text, String content, String source) {
            if (!hosts.containsKey(cloudId) || !Bundles.checked(path)) return;
            Cloud cloud = config.catalog().find(cloudId).orElseThrow();
            List<String> found = new ArrayList<>(Bundles.outsideReferences(path, text, cloud, hosts.get(cloudId)));
            if (!found.isEmpty() && !content.isEmpty()) {
                // Each reference of the article's HTML accounts for one of the page's: a template that
                // writes the same URL once more is still caught.
                for (String own : Bundles.outsideReferences(path, content, cloud, hosts.get(cloudId))) found.remove(own);
            }
            if (found.isEmpty()) outside.get(cloudId).remove(path);
            else outside.get(cloudId).put(path, found.stream().map(f -> f + " (written by " + source + ")").toList());
        }

        /** Checks a repository file copied to {@code path}. */
        void file(String cloudId, String path, Path source) {
            if (!hosts.containsKey(cloudId) || !Bundles.checked(path)) return;
            try {
                page(cloudId, path, Files.readString(source), "", "the repository file "
                        + config.baseDir().relativize(source).toString().replace('\\', '/'));
            } catch (IOException e) {
                throw new CertDocsException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }

        /** Checks every file of a folder copied to {@code prefix} (the theme's assets). */
        void tree(String cloudId, String prefix, Path dir) {
            if (!hosts.containsKey(cloudId) || !Files.isDirectory(dir)) return;
            Cloud cloud = config.catalog().find(cloudId).orElseThrow();
            for (String p : Bundles.outsideReferences(dir, cloud, hosts.get(cloudId))) {
                String path = prefix + p.substring(0, p.indexOf(": "));
                outside.get(cloudId).computeIfAbsent(path, k -> new ArrayList<>()).add(prefix + p + " (written by the theme's assets"
                        + " or the templates directory's)");
            }
        }

        void failIfAny() {
            List<String> all = new ArrayList<>();
            outside.forEach((cloud, byPage) -> byPage.values().forEach(list -> list.forEach(
                    p -> all.add(cloud + "/" + config.site().version() + "/" + p))));
            if (!all.isEmpty()) {
                throw new CertDocsException(all.size() + " reference(s) that templates, theme assets or copied files write"
                        + " into pages of air-gapped clouds reach hosts outside the bundle and the cloud's allowedHosts;"
                        + " change the template, or add the host to <allowedHosts> or a rewrite rule (links in articles"
                        + " are validate's rule link/air-gapped):\n  " + String.join("\n  ", all.subList(0, Math.min(20, all.size())))
                        + (all.size() > 20 ? "\n  …and " + (all.size() - 20) + " more" : ""));
            }
        }
    }

    private static Map<String, Path> bundles(BuildConfig config, BuildLog log) {
        Map<String, Path> bundles = new LinkedHashMap<>();
        if (config.site().bundles() == null) return bundles;
        List<Cloud> clouds = config.clouds();
        int[] copied = new int[clouds.size()];
        // One cloud per thread: each bundle reads its own folder and writes its own file.
        Parallel.forEach(config.threads(), clouds.size(), "bundling", k -> {
            String name = "certdocs-" + clouds.get(k).id() + "-" + config.site().version();
            copied[k] = Bundles.zip(config.site().outputDirectory().resolve(clouds.get(k).id()).resolve(config.site().version()),
                    config.site().bundles().resolve(name + ".zip"), name, config.site().outputTimestamp());
        });
        for (int k = 0; k < clouds.size(); k++) {
            String name = "certdocs-" + clouds.get(k).id() + "-" + config.site().version();
            bundles.put(clouds.get(k).id(), config.site().bundles().resolve(name + ".zip"));
            log.debug("bundle " + name + ".zip: " + copied[k] + " entries copied from the previous bundle");
        }
        return bundles;
    }

    private static boolean inside(BuildConfig config, Path file) {
        try {
            return file.toRealPath().startsWith(config.baseDir().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
