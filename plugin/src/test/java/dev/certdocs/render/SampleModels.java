package dev.certdocs.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Data models of every kind of page, as {@link SiteRenderer} builds them, with a chosen number of
 * services and articles: for {@code ModelWrapperTest} (small) and {@code TemplatesBenchmark}
 * (a repository's shape: hundreds of services in the navigation of every page).
 */
final class SampleModels {

    private final List<PageModel.ServiceView> services = new ArrayList<>();
    private final PageModel.CloudView cloud = new PageModel.CloudView("fairfax", "Azure Government",
            "https://portal.azure.us", "", false);
    private final List<PageModel.CloudView> clouds = List.of(
            new PageModel.CloudView("public", "Azure", "https://portal.azure.com", "https://learn.microsoft.com", false),
            cloud,
            new PageModel.CloudView("usnat", "Azure USNat", "", "", true));
    private final FragmentCache cached = new FragmentCache();
    private final ServiceList list;

    SampleModels(int serviceCount, int articlesPerService) {
        for (int s = 0; s < serviceCount; s++) {
            String id = "microsoft.service" + s;
            List<PageModel.ArticleSummary> articles = new ArrayList<>();
            for (int a = 0; a < articlesPerService; a++) {
                articles.add(new PageModel.ArticleSummary("Virtual machine " + a + " fails to start & <stops>",
                        a % 3 == 0 ? "" : "What to check when the machine " + a + " does not start.",
                        id + "/article-" + a + ".html", a % 2 == 0 ? "troubleshootingGuide" : "problemScopingQuestions",
                        a % 2 == 0 ? "Troubleshooting guide" : "Scoping questions", id, "id-" + s + "-" + a));
            }
            services.add(new PageModel.ServiceView(id, "Service " + s, id + "/index.html", articles.size(), List.copyOf(articles)));
        }
        list = ServiceList.of(services);
    }

    /** An article page of service {@code s}, article {@code a}: template {@code article.ftl} or a kind's. */
    PageModel article(int s, int a, String kind) {
        PageModel.ServiceView service = services.get(s);
        PageModel.ArticleSummary summary = service.articles().get(a);
        String path = summary.url();
        List<TocEntry> toc = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (int h = 0; h < 8; h++) {
            toc.add(new TocEntry(h % 3 == 0 ? 2 : 3, "heading-" + h, "Heading " + h + " & more"));
            html.append("<h").append(h % 3 == 0 ? 2 : 3).append(" id=\"heading-").append(h).append("\">Heading ")
                    .append(h).append(" &amp; more</h").append(h % 3 == 0 ? 2 : 3).append(">\n<p>Some text.</p>\n");
        }
        PageModel.FormView form = kind.equals("problemScopingQuestions") ? new PageModel.FormView(List.of(
                new PageModel.FormElement("q1", 1, "textbox", "What failed?", true, "A hint", "", List.of()),
                new PageModel.FormElement("q2", 2, "dropdown", "When?", false, "", "Pick one",
                        List.of(new PageModel.FormOption("today", "Today"), new PageModel.FormOption("before", "Before <today>"))),
                new PageModel.FormElement("q3", 3, "checkbox", "Agree", false, null, null, List.of()))) : null;
        List<PageModel.JsonRow> json = kind.equals("supportTopicDescription")
                ? List.of(new PageModel.JsonRow("topic.id", "1234"), new PageModel.JsonRow("topic.name", "Start & stop"),
                        new PageModel.JsonRow("recommendation.impact", "High"))
                : null;
        PageModel.ArticleView view = new PageModel.ArticleView(summary.title(), summary.description(), summary.articleId(),
                kind, summary.kindLabel(), service.id(), service.name(), service.url(), "Microsoft.Compute/virtualMachines",
                "articles/" + path.replace(".html", ".md"), path, html.toString(), List.copyOf(toc),
                List.of("alice", "bob"), "alice", List.of("vm", "start"),
                List.of(new PageModel.NameValue("pageTitle", summary.title()), new PageModel.NameValue("selfHelpType", kind)),
                List.of(new PageModel.CloudLink("public", "Azure", "../../../public/1.0.0/" + path)),
                a % 2 == 0 ? "2026-11-30" : "", form, json);
        return model(root(path), new PageModel.Page("article", summary.title(), summary.description(), path,
                "https://support.example/fairfax/1.0.0/" + path), view, null);
    }

    /** The home page, a service's page, the search page and the 404 page. */
    List<PageModel> sitePages() {
        return List.of(model("", new PageModel.Page("index", "Contoso Support", "", "index.html", ""), null, null),
                model("../", new PageModel.Page("service", services.get(0).name(), "", services.get(0).url(), null), null,
                        services.get(0)),
                model("", new PageModel.Page("search", "Search", "", "search.html", ""), null, null),
                model("", new PageModel.Page("404", "Page not found", "", "404.html", ""), null, null));
    }

    private PageModel model(String root, PageModel.Page page, PageModel.ArticleView article, PageModel.ServiceView service) {
        // As SiteRenderer does: the page's entries marked current and open.
        List<PageModel.ServiceView> marked = list.forPage(page.path(), article == null ? null : article.service());
        if (service != null && marked instanceof ServiceList.PageServices p) service = p.entry(service);
        return new PageModel(root, new PageModel.Site("Contoso Support", "certdocs 0.1.0", "https://support.example/fairfax/"),
                cloud, clouds, new PageModel.VersionView("1.0.0"), page, marked, article, service, cached);
    }

    private static String root(String path) {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }
}
