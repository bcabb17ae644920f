package dev.certdocs.render;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.GitDates;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.support.Parallel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The render stage's entry point: a {@link Corpus} and a cloud → {@link RenderedPage}s, in
 * memory. {@link #plans} plans every cloud's site (what it publishes, its navigation); then any
 * page can be rendered on its own, from any thread: an article's ({@link #article}) or a page of
 * the site itself ({@link #page}: home, a service's index, search, 404, the sitemap). A page
 * rendered here is byte for byte the one a full {@code generate} writes. Made once per build
 * (parsers, templates).
 */
public final class Rendering {

    private final BuildConfig config;
    private final Corpus corpus;
    private final SiteRenderer renderer;

    public Rendering(BuildConfig config, Corpus corpus) {
        this(config, corpus, GitDates.read(config.baseDir()));
    }

    /** With the files' last-change dates read already ({@link GitDates#read}): repository path to date. */
    public Rendering(BuildConfig config, Corpus corpus, Map<String, String> gitDates) {
        this.config = config;
        this.corpus = corpus;
        this.renderer = new SiteRenderer(config, corpus.includes(), gitDates);
    }

    private Rendering(BuildConfig config, Corpus corpus, SiteRenderer renderer) {
        this.config = config;
        this.corpus = corpus;
        this.renderer = renderer;
    }

    /**
     * This rendering over {@code other}, a corpus of the same repository whose include files did
     * not change: the parsed templates are kept (the live preview after an article changed).
     */
    public Rendering over(Corpus other) {
        return new Rendering(config, other, renderer);
    }

    /** The renderer underneath: page paths, site pages with their keys, search entries. */
    public SiteRenderer renderer() {
        return renderer;
    }

    /** Every cloud of the build planned, in the build's cloud order (one cloud per thread). */
    public Map<String, SiteRenderer.CloudSite> plans() {
        List<Cloud> clouds = config.clouds();
        SiteRenderer.CloudSite[] plans = new SiteRenderer.CloudSite[clouds.size()];
        SiteRenderer.Listing listing = renderer.listing(corpus.articleRecords());
        Parallel.forEach(config.threads(), clouds.size(), "planning", k -> plans[k] = renderer.plan(clouds.get(k), listing));
        Map<String, SiteRenderer.CloudSite> sites = new LinkedHashMap<>();
        for (SiteRenderer.CloudSite plan : plans) sites.put(plan.cloud().id(), plan);
        return sites;
    }

    /** One cloud planned: what it publishes and its navigation. */
    public SiteRenderer.CloudSite plan(Cloud cloud) {
        return renderer.plan(cloud, renderer.listing(corpus.articleRecords()));
    }

    /**
     * The page of the corpus's article {@code entry} in {@code site}'s cloud ({@code memo}: as
     * {@link SiteRenderer#article(SiteRenderer.CloudSite, dev.certdocs.model.Article, String, SiteRenderer.ArticleMemo)},
     * one per article and thread). Its text is read again when the corpus did not keep it.
     */
    public SiteRenderer.ArticlePage article(SiteRenderer.CloudSite site, Corpus.Entry entry, SiteRenderer.ArticleMemo memo) {
        ArticleLoader.Loaded loaded = corpus.loaded(entry);
        return renderer.article(site, loaded.article(), loaded.bodyText(), memo);
    }

    /**
     * The page at {@code path} of {@code site} (below its version folder: {@code compute/x.html},
     * {@code index.html}, {@code services/compute.html}, {@code search.html}, {@code 404.html},
     * {@code sitemap.xml}), rendered on demand; empty when the cloud publishes no such page.
     */
    public Optional<RenderedPage> page(SiteRenderer.CloudSite site, String path) {
        Optional<RenderedPage> own = sitePage(site, path);
        if (own.isPresent()) return own;
        for (Corpus.Entry entry : corpus.articles()) {
            if (!renderer.pagePath(entry.article()).equals(path)) continue;
            if (!site.publishedIn().getOrDefault(entry.path(), List.of()).contains(site.cloud().id())) return Optional.empty();
            return Optional.of(article(site, entry, new SiteRenderer.ArticleMemo()).page());
        }
        return Optional.empty();
    }

    /**
     * The page of the site itself at {@code path} ({@code index.html}, a service's index,
     * {@code search.html}, {@code 404.html}, {@code sitemap.xml}), rendered on demand; empty for
     * any other path.
     */
    public Optional<RenderedPage> sitePage(SiteRenderer.CloudSite site, String path) {
        if (path.equals("sitemap.xml")) return Optional.of(renderer.sitemap(site));
        for (SiteRenderer.SitePage p : renderer.sitePages(site)) {
            if (p.path().equals(path)) return Optional.of(p.render().get());
        }
        return Optional.empty();
    }
}
