package dev.certdocs.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.KindSpec;
import dev.certdocs.config.UrlPolicy;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.Properties;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.model.SitePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the pages of a build. Made once per build: the flexmark parser and renderer, the
 * jsoup cleaner and the FreeMarker configuration inside it are shared by every thread. Per cloud,
 * {@link #plan} computes the navigation once; {@link #article} then renders one article page
 * (from any thread) and {@link #sitePages} the indexes, search, 404, search index and sitemap.
 */
public final class SiteRenderer {

    private static final com.fasterxml.jackson.databind.ObjectWriter SEARCH_ENTRY = new ObjectMapper().writerFor(SearchEntry.class);

    private final BuildConfig config;
    private final Templates templates;
    private final MarkdownHtml markdown = new MarkdownHtml();
    private final HtmlPostProcessor post = new HtmlPostProcessor();
    private final CloudMarkdown cloudMarkdown;
    private final String contentPrefix;
    private final SitePlanner planner;

    private final Map<String, String> lastChanged;
    /** Article pages by how their body was had ({@link SharedBodies.Outcome}, {@link #bodySummary}). */
    private final java.util.concurrent.atomic.LongAdder[] bodyOutcomes = java.util.stream.Stream
            .generate(java.util.concurrent.atomic.LongAdder::new).limit(SharedBodies.Outcome.values().length)
            .toArray(java.util.concurrent.atomic.LongAdder[]::new);

    /** {@code lastChanged}: repository path to the date it last changed (from git), for "last updated". */
    public SiteRenderer(BuildConfig config, Includes includes, Map<String, String> lastChanged) {
        this.config = config;
        this.lastChanged = lastChanged;
        this.templates = new Templates(config.site().templatesDirectory());
        this.cloudMarkdown = new CloudMarkdown(markdown,
                new CloudPreprocessor(includes, includes::text, config.catalog().variableNames()));
        this.contentPrefix = SitePaths.contentPrefix(config.baseDir(), config.contentDirectory());
        this.planner = new SitePlanner(config, this::pagePath);
    }

    /** What every cloud's plan needs of each article, read once for all clouds ({@link #plan}). */
    public Listing listing(List<Article> all) {
        return new Listing(planner.new Listing(all));
    }

    /** The articles published in {@code cloud}, and the navigation over them; see {@link SitePlanner}. Thread-safe. */
    public CloudSite plan(Cloud cloud, Listing listing) {
        return planner.plan(cloud, listing.of);
    }

    /** Every article of the build with what the plans need of it (opaque outside rendering). */
    public static final class Listing {
        private final SitePlanner.Listing of;

        private Listing(SitePlanner.Listing of) {
            this.of = of;
        }
    }

    /**
     * One cloud's site: what is published there and the navigation, computed once. {@code navigation}:
     * per service, the hash of what an article page shows of the others; {@code listings}: per
     * service, the hash of all a site page can show of it; {@code allListings}: of all services;
     * {@code fragments}: the {@code cached} directive its pages' templates share ({@link FragmentCache}).
     */
    public record CloudSite(Cloud cloud, List<Article> articles, List<PageModel.ServiceView> services,
                            List<PageModel.CloudView> clouds, Map<String, List<String>> publishedIn,
                            Map<String, String> navigation, Map<String, String> listings, String allListings,
                            FragmentCache fragments) {
    }

    /** A hash of the templates and assets in force. */
    public String templatesFingerprint() {
        return templates.fingerprint();
    }

    /**
     * The page of one article in one cloud, its search entry, the repository files it links to,
     * the article's own HTML in it ({@code bodyHtml}), and where the rest of it comes from
     * ({@code template}: {@link Templates#origin}).
     */
    public record ArticlePage(RenderedPage page, SearchEntry search, java.util.Set<String> files, String bodyHtml,
                              String template) {
    }

    /**
     * Where a file of the repository is on the site: under the content directory, at the same
     * relative place ({@code articles/compute/media/x.png} → {@code compute/media/x.png}); elsewhere
     * (an include's image) under {@code _files/} ({@code includes/media/y.png} →
     * {@code _files/includes/media/y.png}).
     */
    public String sitePath(String repoPath) {
        return repoPath.startsWith(contentPrefix) ? repoPath.substring(contentPrefix.length()) : "_files/" + repoPath;
    }

    /**
     * The site URL of a relative URL written in the article at {@code articlePath}: Markdown files
     * become their pages, other files are recorded in {@code files} (repository paths) to be
     * copied. URLs that leave the repository are kept as written (the link checker reports them).
     */
    private String siteUrl(String articlePath, String pagePath, String url, java.util.Set<String> files) {
        int cut = url.length();
        int hash = url.indexOf('#');
        int query = url.indexOf('?');
        if (hash >= 0) cut = hash;
        if (query >= 0 && query < cut) cut = query;
        String target = url.substring(0, cut);
        String rest = url.substring(cut);
        if (target.isEmpty()) return url;
        String decoded = dev.certdocs.model.PercentEncoding.decode(target);
        String repoPath = Paths.normalize(Paths.dir(articlePath) + decoded);
        if (repoPath.startsWith("../") || repoPath.equals("..")) return url;
        String site;
        if (repoPath.toLowerCase(Locale.ROOT).endsWith(".md")) {
            if (!repoPath.startsWith(contentPrefix)) return url;
            site = HtmlPostProcessor.mdToHtml(sitePath(repoPath));
        } else {
            files.add(repoPath);
            site = sitePath(repoPath);
        }
        return Paths.encode(Paths.relativize(Paths.dir(pagePath), site)) + rest;
    }

    public ArticlePage article(CloudSite site, Article article, String bodyText) {
        return article(site, article, bodyText, new ArticleMemo());
    }

    /**
     * What one article's pages carry from one cloud's page to the next: the flexmark HTML of its
     * Markdown ({@link CloudMarkdown}) and its post-processed bodies ({@link SharedBodies}). One per
     * article, used by one thread; given another article, it starts over for the bodies.
     */
    public static final class ArticleMemo {
        private final Map<String, String> markdown = new java.util.HashMap<>();
        private SharedBodies bodies;

        private SharedBodies bodies(String articlePath) {
            if (bodies == null || !bodies.articlePath().equals(articlePath)) bodies = new SharedBodies(articlePath);
            return bodies;
        }
    }

    /**
     * As {@link #article(CloudSite, Article, String)}; {@code memo} carries the article's bodies
     * from one cloud to the next: where a cloud's Markdown is the same as another's, or differs
     * only in variable values that render as plain text, code or a link's address
     * ({@link CloudMarkdown}), it is parsed and rendered once; where that HTML is the same and the
     * cloud answers what post-processing asks of it (portal, rewrite rules) as another did, it is
     * post-processed once ({@link SharedBodies}). One memo per article, used by one thread.
     */
    public ArticlePage article(CloudSite site, Article article, String bodyText, ArticleMemo memo) {
        Cloud cloud = site.cloud();
        Properties p = article.props();
        Optional<KindSpec> kind = config.schema().kind(p.value("selfHelpType").strip());
        KindSpec.BodyType bodyType = kind.map(KindSpec::body).orElse(KindSpec.BodyType.MARKDOWN);
        String source = bodyType == KindSpec.BodyType.MARKDOWN ? bodyText : withoutJson(bodyText);
        String path = pagePath(article);
        SharedBodies bodies = memo.bodies(article.path());
        SharedBodies.Shared shared = bodies.body(post, cloudMarkdown.html(article.path(), source, cloud, memo.markdown), cloud,
                (url, files) -> siteUrl(article.path(), path, url, files));
        bodyOutcomes[bodies.last().ordinal()].increment();
        HtmlBody body = shared.body();
        java.util.Set<String> files = new java.util.TreeSet<>(shared.files());
        String root = root(path);
        Optional<JsonNode> json = bodyType == KindSpec.BodyType.MARKDOWN ? Optional.empty()
                : JsonViews.parse(article.body().json());
        String title = p.value("pageTitle").isBlank() ? body.title() : p.value("pageTitle").strip();
        String service = SitePaths.serviceId(article);
        List<PageModel.CloudLink> others = new ArrayList<>();
        for (String id : site.publishedIn().getOrDefault(article.path(), List.of())) {
            if (id.equals(cloud.id())) continue;
            config.catalog().find(id).ifPresent(c -> others.add(new PageModel.CloudLink(c.id(), c.name(),
                    root + "../../" + c.id() + "/" + config.site().version() + "/" + path)));
        }
        PageModel.ArticleView view = new PageModel.ArticleView(title, p.value("description").strip(),
                p.value("articleId").strip(), kind.map(KindSpec::name).orElse(p.value("selfHelpType")),
                planner.kindLabel(p.value("selfHelpType")), service, SitePlanner.serviceName(service),
                UrlPolicy.relative(SitePaths.serviceIndex(service)), p.value("resource").strip(), article.path(),
                UrlPolicy.relative(path), body.html(), body.toc(), p.list("authors"),
                p.value("ms.author").strip(), tags(p),
                p.attributes().stream().map(a -> new PageModel.NameValue(a.name(), a.value())).toList(),
                others, lastUpdated(article),
                // A forced render of a missing or broken JSON document shows an empty form or table:
                // the kind templates expect the value to be there.
                bodyType == KindSpec.BodyType.FORM ? json.map(JsonViews::form).orElse(new PageModel.FormView(List.of())) : null,
                bodyType == KindSpec.BodyType.JSON ? json.map(JsonViews::rows).orElse(List.of()) : null);
        String template = kind.isPresent() && templates.exists("article-" + kind.get().name() + ".ftl")
                ? "article-" + kind.get().name() + ".ftl" : "article.ftl";
        PageModel model = model(site, root, new PageModel.Page("article", title, view.description(), UrlPolicy.relative(path),
                canonical(cloud, path)), view, null);
        byte[] html = templates.renderUtf8(template, model, article.path());
        return new ArticlePage(new RenderedPage(cloud.id(), path, html),
                new SearchEntry(title, view.description(), UrlPolicy.relative(path), SitePlanner.serviceName(service), view.kindLabel(),
                        shared.tocText(), shared.searchText()), files,
                body.html(), templates.origin(template));
    }

    /** How many article bodies were post-processed, and why, and how many pages took another cloud's (for {@code -X}). */
    public String bodySummary() {
        long first = bodyOutcomes[SharedBodies.Outcome.FIRST.ordinal()].sum();
        long html = bodyOutcomes[SharedBodies.Outcome.OTHER_HTML.ordinal()].sum();
        long answers = bodyOutcomes[SharedBodies.Outcome.OTHER_ANSWERS.ordinal()].sum();
        return "article bodies post-processed: " + (first + html + answers) + " (an article's first page: " + first
                + ", another flexmark HTML than its earlier pages': " + html + ", the same HTML but other portal or rewrite"
                + " answers: " + answers + "), taken from an earlier cloud's page: " + bodyOutcomes[SharedBodies.Outcome.SHARED.ordinal()].sum();
    }

    /**
     * One article's search entry, as the UTF-8 JSON object the entry store lists (the publish
     * stage keeps the store and builds the sharded index from it; see {@code SearchIndexFile}, {@code SearchIndex}).
     */
    public static byte[] searchIndexEntry(SearchEntry entry) {
        try {
            return SEARCH_ENTRY.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("search entry could not be serialised", e);
        }
    }

    /**
     * A page of the site itself: where it goes, its kind ({@code index}, {@code service},
     * {@code search}, {@code 404}), the service it is the index of (null for the others), its
     * template file ({@code templateFile}) and the whole model the template reads ({@code model}),
     * how to render it, and where it comes from ({@code template}: {@link Templates#origin}).
     */
    public record SitePage(String path, String kind, String service, String templateFile, PageModel model,
                           java.util.function.Supplier<RenderedPage> render, String template) {

        /** Whether this is the home page, or the index of one of {@code services}. */
        public boolean indexes(java.util.Set<String> services) {
            return kind.equals("index") ? !services.isEmpty() : service != null && services.contains(service);
        }
    }

    /** Home, service pages, search and 404 of one cloud ({@code sitemap.xml}: {@link #sitemap}; search index: {@link #searchIndexEntry}). */
    public List<SitePage> sitePages(CloudSite site) {
        List<SitePage> pages = new ArrayList<>();
        pages.add(page(site, "index.ftl", "index", config.site().title(), "index.html", null));
        for (PageModel.ServiceView s : site.services()) {
            pages.add(page(site, "service.ftl", "service", s.name(), SitePaths.serviceIndex(s.id()), s));
        }
        pages.add(page(site, "search.ftl", "search", "Search", "search.html", null));
        pages.add(page(site, "404.ftl", "404", "Page not found", "404.html", null));
        return pages;
    }

    /** One cloud's {@code sitemap.xml}: its site pages (but 404) and article pages. */
    public RenderedPage sitemap(CloudSite site) {
        List<String> paths = new ArrayList<>();
        paths.add("index.html");
        site.services().forEach(s -> paths.add(SitePaths.serviceIndex(s.id())));
        paths.add("search.html");
        site.articles().forEach(a -> paths.add(pagePath(a)));
        return new RenderedPage(site.cloud().id(), "sitemap.xml", sitemap(site.cloud(), paths));
    }

    private SitePage page(CloudSite site, String template, String kind, String title, String path,
                          PageModel.ServiceView service) {
        PageModel m = model(site, root(path), new PageModel.Page(kind, title, "", UrlPolicy.relative(path), canonical(site.cloud(), path)),
                null, service);
        return new SitePage(path, kind, service == null ? null : service.id(), template, m, () -> new RenderedPage(site.cloud().id(), path,
                templates.renderUtf8(template, m, site.cloud().id() + "/" + path)), templates.origin(template));
    }

    private PageModel model(CloudSite site, String root, PageModel.Page page, PageModel.ArticleView article,
                            PageModel.ServiceView service) {
        // The entries this page marks current or open are set here, once, not compared in the template per entry.
        List<PageModel.ServiceView> services = ServiceList.of(site.services()).forPage(page.path(),
                article == null ? null : article.service());
        if (service != null && services instanceof ServiceList.PageServices marked) service = marked.entry(service);
        return new PageModel(root, new PageModel.Site(config.site().title(), "certdocs " + dev.certdocs.config.Version.current(),
                config.site().baseUrlOf(site.cloud().id())), SitePlanner.view(site.cloud()), site.clouds(),
                new PageModel.VersionView(config.site().version()), page, services, article, service,
                site.fragments());
    }

    private String sitemap(Cloud cloud, List<String> paths) {
        String base = config.site().baseUrlOf(cloud.id());
        String prefix = base.isEmpty() ? "" : base + config.site().version() + "/";
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        // Without a base URL the locations are relative: one that would read as a scheme is written ./….
        paths.stream().sorted().distinct().forEach(p -> sb.append("  <url><loc>")
                .append(xml(base.isEmpty() ? UrlPolicy.relative(Paths.encode(p)) : prefix + Paths.encode(p))).append("</loc></url>\n"));
        return sb.append("</urlset>\n").toString();
    }

    private String canonical(Cloud cloud, String path) {
        String base = config.site().baseUrlOf(cloud.id());
        // Absolute URLs must be valid URLs: a space or non-ASCII letter in a file name is percent-encoded.
        return base.isEmpty() ? "" : base + config.site().version() + "/" + Paths.encode(path);
    }

    /** The date an article last changed: from git, else the build's output timestamp, else unknown (""). */
    public String lastUpdated(Article a) {
        return lastChanged.getOrDefault(a.path(), config.site().timestampDate());
    }

    /** {@code articles/compute/x.md} becomes {@code compute/x.html}. */
    public String pagePath(Article a) {
        return SitePaths.page(contentPrefix, a.path());
    }

    static String root(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    private static List<String> tags(Properties p) {
        List<String> tags = new ArrayList<>(p.list("articleTags"));
        tags.addAll(p.list("resourceTags"));
        return tags;
    }

    /** The body of a JSON kind without its JSON document (the template shows that). */
    static String withoutJson(String body) {
        String[] lines = body.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        int fences = 0;
        for (String line : lines) {
            if (fences < 2 && line.strip().equals("---")) {
                fences++;
                continue;
            }
            if (fences != 1) sb.append(line).append('\n');
        }
        return fences == 2 ? sb.toString() : body;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
