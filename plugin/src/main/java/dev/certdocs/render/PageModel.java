package dev.certdocs.render;

import java.util.List;

/**
 * The data model every template sees (documented in site-templates/README.md). Records, so
 * templates read {@code article.title}; FreeMarker's HTML auto-escaping applies to every value
 * but {@code article.html}, which is already sanitized.
 *
 * @param root     relative prefix from the page to the version root ({@code ""}, {@code "../"}, …)
 * @param article  the article on article pages, else null
 * @param service  the service on service pages, else null
 * @param cached   the {@code <@cached key="…">} directive: content rendered once per key in this
 *                 cloud's site during the build ({@link FragmentCache})
 */
public record PageModel(String root, Site site, CloudView cloud, List<CloudView> clouds, VersionView version,
                        Page page, List<ServiceView> services, ArticleView article, ServiceView service,
                        FragmentCache cached) {

    /** Site-wide values. */
    public record Site(String title, String generator, String baseUrl) {
    }

    /** A cloud as templates see it. */
    public record CloudView(String id, String name, String portalUrl, String docsUrl, boolean airGapped) {
    }

    /** The version being rendered. */
    public record VersionView(String name) {
    }

    /** The page: its kind ({@code article}, {@code index}, {@code service}, {@code search}, {@code 404}), title, path from the version root. */
    public record Page(String kind, String title, String description, String path, String canonicalUrl) {
    }

    /**
     * A service and its articles, for navigation and indexes. {@code current}: its {@code url} is
     * this page's path; {@code open}: current, or this is an article page of the service. Both are
     * what the theme once computed with {@code ==} (FreeMarker's comparison of NFKC forms), set
     * per page by {@link ServiceList}.
     */
    public record ServiceView(String id, String name, String url, int articleCount, List<ArticleSummary> articles,
                              boolean current, boolean open) {

        /** A service as the planner lists it: neither current nor open. */
        public ServiceView(String id, String name, String url, int articleCount, List<ArticleSummary> articles) {
            this(id, name, url, articleCount, articles, false, false);
        }
    }

    /** An article in a list. */
    public record ArticleSummary(String title, String description, String url, String kind, String kindLabel,
                                 String service, String articleId) {
    }

    /** An article page's content. */
    public record ArticleView(String title, String description, String articleId, String kind, String kindLabel,
                              String service, String serviceName, String serviceUrl, String resource, String path,
                              String url, String html, List<TocEntry> toc, List<String> authors, String owner,
                              List<String> tags, List<NameValue> attributes, List<CloudLink> otherClouds,
                              String lastUpdated, FormView form, List<JsonRow> json) {
    }

    /** A property as written. */
    public record NameValue(String name, String value) {
    }

    /** A row of a flattened JSON document ({@code recommendation.impact}). */
    public record JsonRow(String key, String value) {
    }

    /** The same article in another cloud. */
    public record CloudLink(String id, String name, String url) {
    }

    /** A problem-scoping form, for its read-only preview. */
    public record FormView(List<FormElement> elements) {
    }

    /** One form element. */
    public record FormElement(String id, long order, String controlType, String label, boolean required,
                              String hint, String watermark, List<FormOption> options) {
    }

    /** A choice of a dropdown or radio group. */
    public record FormOption(String value, String text) {
    }
}
