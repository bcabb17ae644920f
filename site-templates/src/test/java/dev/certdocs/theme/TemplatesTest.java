package dev.certdocs.theme;

import static dev.certdocs.theme.SampleSite.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders every default template against {@link SampleSite} and checks the resulting HTML. */
class TemplatesTest {

    static final List<String> ASSETS = List.of("certdocs.css", "site.js", "search.js", "favicon.svg");

    private static Configuration freemarker;

    /** Configured as the render stage does (DATA-MODEL: 2.3.33, HTML output format). */
    @BeforeAll
    static void configureFreemarker() {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setClassForTemplateLoading(TemplatesTest.class, "/certdocs-templates");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.ROOT);
        freemarker.setTimeZone(TimeZone.getTimeZone("UTC"));
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    static String render(String templateName, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new AssertionError(templateName + " failed: " + e.getMessage(), e);
        }
    }

    static Document page(String templateName, Map<String, Object> model) {
        return Jsoup.parse(render(templateName, model));
    }

    /** One page of every template, as the render stage would pick them. */
    static Map<String, Document> everyPage() {
        Map<String, Document> pages = new LinkedHashMap<>();
        pages.put("index.ftl", page("index.ftl", SampleSite.index("fairfax")));
        pages.put("service.ftl", page("service.ftl", SampleSite.servicePage("fairfax", "microsoft.compute")));
        pages.put("search.ftl", page("search.ftl", SampleSite.search("fairfax")));
        pages.put("404.ftl", page("404.ftl", SampleSite.notFound("fairfax")));
        pages.put("article.ftl", page("article.ftl", SampleSite.article("fairfax", "compute/vm-start-fails.html")));
        pages.put("article-problemScopingQuestions.ftl", page("article-problemScopingQuestions.ftl",
                SampleSite.article("fairfax", "compute/vm-scoping.html")));
        pages.put("article-supportTopicDescription.ftl", page("article-supportTopicDescription.ftl",
                SampleSite.article("fairfax", "network/vpn-topic.html")));
        pages.put("article-advisorRecommendationMetadata.ftl", page("article-advisorRecommendationMetadata.ftl",
                SampleSite.article("fairfax", "compute/enable-backup.html")));
        return pages;
    }

    static String asset(String name) {
        try (InputStream in = TemplatesTest.class.getResourceAsStream("/certdocs-templates/assets/" + name)) {
            assertTrue(in != null, "missing asset " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(Elements elements) {
        return elements.eachText();
    }

    @Test
    void escapesMarkupInFrontMatterValues() {
        String html = render("article.ftl", SampleSite.article("fairfax", "compute/backup-fails.html"));
        Document doc = Jsoup.parse(html);

        assertEquals(SampleSite.XSS_TITLE, doc.selectFirst("h1").text());
        assertEquals(SampleSite.XSS_TITLE + " · Contoso Support", doc.title());
        assertEquals(SampleSite.XSS_DESCRIPTION, doc.selectFirst(".article-header .lead").text());
        assertEquals(SampleSite.XSS_DESCRIPTION, doc.selectFirst("meta[name=description]").attr("content"));
        assertEquals(SampleSite.XSS_TITLE, doc.selectFirst(".breadcrumb [aria-current=page]").text());
        assertFalse(html.contains("<script>alert(1)"), "raw markup reached the page");
        for (Element script : doc.select("script")) {
            assertTrue(script.hasAttr("src") && script.data().isEmpty(), "injected script: " + script);
        }
    }

    @Test
    void escapesMarkupInArticleListsAndNavigation() {
        for (Map<String, Object> model : List.of(SampleSite.index("fairfax"),
                SampleSite.servicePage("fairfax", "microsoft.compute"),
                SampleSite.article("fairfax", "compute/vm-start-fails.html"))) {
            String html = render(((Map<?, ?>) model.get("page")).get("kind").equals("article") ? "article.ftl"
                    : ((Map<?, ?>) model.get("page")).get("kind") + ".ftl", model);
            Document doc = Jsoup.parse(html);
            assertFalse(html.contains("<script>alert(1)"), "raw markup reached the page");
            assertTrue(texts(doc.select("a")).contains(SampleSite.XSS_TITLE), "escaped title not listed as text");
            assertEquals(doc.select("script[src]").size(), doc.select("script").size());
        }
    }

    @Test
    void everyPageHasLandmarksSkipLinkLanguageAndOneH1() {
        everyPage().forEach((template, doc) -> {
            assertEquals("en", doc.selectFirst("html").attr("lang"), template);
            Element skip = doc.body().selectFirst("a");
            assertEquals("skip-link", skip.className(), template + ": the skip link comes first");
            assertEquals("#main", skip.attr("href"), template);
            assertEquals(1, doc.select("header.site-header").size(), template);
            assertEquals(1, doc.select("main#main").size(), template);
            assertEquals(1, doc.select("body > footer").size(), template);
            assertEquals(1, doc.select("nav[aria-label=Services]").size(), template);
            for (Element nav : doc.select("nav")) {
                assertTrue(nav.hasAttr("aria-label") || nav.hasAttr("aria-labelledby"), template + ": unnamed " + nav);
            }
            assertEquals(1, doc.select("h1").size(), template + ": exactly one h1");
            assertEquals(1, doc.select("main h1").size(), template + ": the h1 is in main");
        });
    }

    @Test
    void everyFormControlHasALabelAndIdsAreUnique() {
        everyPage().forEach((template, doc) -> {
            Set<String> ids = new HashSet<>();
            for (Element element : doc.select("[id]")) {
                assertTrue(ids.add(element.id()), template + ": duplicate id " + element.id());
            }
            // Task-list boxes come from the article's Markdown, not from the templates.
            for (Element control : doc.select("input:not(.task-list-item-checkbox), select, textarea")) {
                boolean labelled = !control.id().isEmpty()
                        && doc.select("label[for=" + control.id() + "]").size() == 1;
                assertTrue(labelled || control.hasAttr("aria-label"), template + ": no label for " + control);
            }
        });
    }

    @Test
    void pagesReferenceOnlyAssetsInsideTheSite() {
        Pattern external = Pattern.compile("^\\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)");
        everyPage().forEach((template, doc) -> {
            for (Element element : doc.select("[src], link[href]:not([rel=canonical])")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                assertFalse(external.matcher(url).find(), template + ": asset from outside the site: " + element);
            }
            assertEquals(List.of("../assets/certdocs.css"), doc.select("link[rel=stylesheet]").eachAttr("href")
                    .stream().map(href -> href.replaceFirst("^(\\.\\./)*", "../")).toList(), template);
            assertTrue(doc.select("[style], style").isEmpty(), template + ": inline styles");
        });
    }

    @Test
    void assetsLoadNothingFromOutsideTheSite() {
        String css = asset("certdocs.css");
        assertFalse(css.contains("@import"), "certdocs.css imports another stylesheet");
        assertFalse(css.contains("@font-face"), "certdocs.css loads a web font");
        Matcher url = Pattern.compile("url\\(\\s*[\"']?([^\"')]*)").matcher(css);
        while (url.find()) {
            assertTrue(url.group(1).startsWith("data:"), "certdocs.css loads " + url.group(1));
        }
        for (String script : List.of("site.js", "search.js")) {
            assertFalse(Pattern.compile("https?:|//[a-z]").matcher(asset(script).replaceAll("(?m)^\\s*//.*$", ""))
                    .find(), script + " names an outside URL");
        }
    }

    @Test
    void scriptsNeverInsertTextAsHtml() {
        for (String script : List.of("site.js", "search.js")) {
            String js = asset(script);
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
                assertFalse(js.contains(sink), script + " uses " + sink);
            }
        }
        String search = asset("search.js");
        assertTrue(search.contains("textContent") && search.contains("createElement"), "search.js builds nodes");
    }

    @Test
    void articlePageShowsTitleTableOfContentsAndBody() {
        Document doc = page("article.ftl", SampleSite.article("fairfax", "compute/vm-start-fails.html"));

        assertEquals("A virtual machine does not start", doc.selectFirst("main h1").text());
        assertEquals("What to check when a VM stays in the Starting state", doc.selectFirst(".lead").text());
        Element toc = doc.selectFirst("nav.toc");
        assertEquals(List.of("Check the status", "The VM is deallocated", "The VM is stuck", "Still failing?"),
                texts(toc.select("a")));
        assertEquals(List.of("#check-the-status", "#the-vm-is-deallocated", "#the-vm-is-stuck", "#still-failing"),
                toc.select("a").eachAttr("href"));
        assertEquals(List.of("The VM is deallocated", "The VM is stuck"), texts(toc.select("ol ol a")),
                "h3 entries nest under their h2");
        Element body = doc.selectFirst(".article-body");
        for (String id : List.of("check-the-status", "the-vm-is-deallocated", "the-vm-is-stuck", "still-failing")) {
            assertEquals(1, body.select("#" + id).size(), "heading " + id);
        }
        assertEquals(List.of("Note", "Warning", "Tip", "Important", "Caution"),
                texts(body.select(".alert > .alert-title")));
        assertEquals("Open a support request", body.selectFirst("a.button-link").text());
        assertEquals(1, body.select("pre > code.language-bash").size());
        assertEquals(1, body.select("a.portal-link").size());
        assertEquals(List.of("Home", "Compute", "A virtual machine does not start"),
                texts(doc.select(".breadcrumb li")));
        assertEquals("../microsoft.compute/index.html", doc.selectFirst(".breadcrumb li:nth-child(2) a").attr("href"));
        assertEquals("Updated 2026-11-20 · By contoso-writer, jdoe", doc.selectFirst(".article-byline").text());
        assertEquals(List.of("boot", "vm"), texts(doc.select(".tags li")));
        assertEquals("4f3c2a10-1b2d-4e5f-8a9b-0c1d2e3f4a5b", doc.select(".details-list dd code").first().text());
        assertEquals(List.of("pageTitle", "selfHelpType", "cloudEnvironments"),
                texts(doc.select(".attributes-table tbody th")));
    }

    @Test
    void navigationMarksTheCurrentArticleAndOpensItsService() {
        Document doc = page("article.ftl", SampleSite.article("fairfax", "compute/vm-start-fails.html"));

        Elements current = doc.select(".site-nav [aria-current=page]");
        assertEquals(List.of("A virtual machine does not start"), texts(current));
        assertEquals("../compute/vm-start-fails.html", current.attr("href"));
        assertEquals(List.of("Compute, 4 articles", "General, 1 articles", "Networking, 2 articles"),
                texts(doc.select(".site-nav-list > li > a")));
        assertEquals(1, doc.select(".site-nav-list > li.is-open").size());
        assertEquals(4, doc.select(".site-nav-list > li.is-open li").size(), "the open service lists its articles");
    }

    @Test
    void navigationLinksToTheServicePageWhenAServiceIsLarge() {
        Map<String, Object> model = SampleSite.article("fairfax", "compute/vm-start-fails.html");
        @SuppressWarnings("unchecked")
        Map<String, Object> compute = (Map<String, Object>) ((List<Object>) model.get("services")).get(0);
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            many.add(SampleSite.summary("Article " + i, "", "compute/a" + i + ".html", "generic", "Guide",
                    "microsoft.compute", "a" + i));
        }
        compute.put("articles", many);

        Document doc = page("article.ftl", model);

        assertEquals(List.of("All 41 articles"), texts(doc.select(".site-nav-list > li.is-open li")));
    }

    @Test
    void cloudSwitcherLinksToTheSameArticleInTheOtherClouds() {
        Document doc = page("article.ftl", SampleSite.article("fairfax", "compute/vm-start-fails.html"));

        Element switcher = doc.selectFirst(".cloud-switcher");
        assertEquals(List.of("Azure Government", "Azure", "Azure US Secret (usnat)"), texts(switcher.select("li a")));
        assertEquals(List.of("../compute/vm-start-fails.html",
                        "../../../public/1.0.0/compute/vm-start-fails.html",
                        "../../../usnat/1.0.0/compute/vm-start-fails.html"),
                switcher.select("li a").eachAttr("href"));
        assertEquals("page", switcher.selectFirst("li a").attr("aria-current"));
        assertEquals("Azure Government", doc.selectFirst(".cloud-badge").text());
        assertTrue(doc.selectFirst("html").hasClass("cloud-fairfax"));
    }

    @Test
    void cloudSwitcherOfAnArticleInOneCloudSaysSo() {
        Map<String, Object> model = SampleSite.article("fairfax", "compute/vm-start-fails.html");
        @SuppressWarnings("unchecked")
        Map<String, Object> article = (Map<String, Object>) model.get("article");
        article.put("otherClouds", List.of());

        Document doc = page("article.ftl", model);

        assertEquals("Only published in Azure Government.", doc.selectFirst(".cloud-switcher .switcher-note").text());
        assertTrue(doc.select(".article-footer").text().indexOf("Also published") < 0);
    }

    @Test
    void otherPagesSwitchToTheOtherCloudsHomePages() {
        Document doc = page("service.ftl", SampleSite.servicePage("fairfax", "microsoft.compute"));

        assertEquals(List.of("../microsoft.compute/index.html", "../../../public/1.0.0/index.html",
                "../../../usnat/1.0.0/index.html"), doc.select(".cloud-switcher li a").eachAttr("href"));
    }

    @Test
    void airGappedCloudBadgeSaysSo() {
        Document doc = page("index.ftl", SampleSite.index("usnat"));

        Element badge = doc.selectFirst(".cloud-badge");
        assertEquals("Azure US Secret (usnat)", badge.text());
        assertEquals("Cloud environment: air-gapped", badge.attr("title"));
        assertTrue(doc.select("footer a.external").isEmpty(), "no portal link without a portal URL");
    }

    @Test
    void versionSwitcherKnowsVersionsJsonAndThisPagesPath() {
        Document doc = page("article.ftl", SampleSite.article("fairfax", "compute/vm-start-fails.html"));

        Element switcher = doc.selectFirst("#version-switcher");
        assertEquals("../../versions.json", switcher.attr("data-versions-url"));
        assertEquals("../", switcher.attr("data-root"));
        assertEquals("compute/vm-start-fails.html", switcher.attr("data-page-path"));
        assertEquals("1.0.0", switcher.attr("data-current"));
        assertEquals("../../1.0.0/compute/vm-start-fails.html", switcher.selectFirst("li a").attr("href"));
        assertEquals("Version 1.0.0", switcher.selectFirst("summary").text());
    }

    @Test
    void formPreviewShowsLabelsControlsRequiredMarksHintsAndOptions() {
        Document doc = page("article-problemScopingQuestions.ftl", SampleSite.article("fairfax", "compute/vm-scoping.html"));
        Element form = doc.selectFirst("section.form-preview");

        assertEquals(List.of("When did the problem start? * (required)", "VM name * (required)", "Operating system",
                        "What have you tried?", "Describe the problem * (required)"),
                texts(form.select("label.form-label")));
        assertEquals(List.of("How many users are affected? * (required)"), texts(form.select("legend")));
        assertEquals(4, form.select(".form-field.is-required").size());
        assertEquals(List.of("Date and time picker", "Text box", "Drop-down list", "Multi-select drop-down list",
                        "Radio buttons", "Check box", "Multi-line text box", "Information block"),
                texts(form.select(".control-type")));
        for (Element control : form.select("input, select, textarea")) {
            assertTrue(control.hasAttr("disabled"), "not disabled: " + control);
        }
        assertEquals("datetime-local", form.selectFirst("#sq-problem_start").attr("type"));
        assertEquals("sq-problem_start-hint", form.selectFirst("#sq-problem_start").attr("aria-describedby"));
        assertEquals("Your local time is fine.", form.selectFirst("#sq-problem_start-hint").text());
        assertEquals("myVm", form.selectFirst("input#sq-vm_name").attr("placeholder"));
        assertEquals("What did you see?", form.selectFirst("textarea#sq-details").attr("placeholder"));
        assertEquals(List.of("Choose the OS", "Windows", "Linux"), texts(form.select("select#sq-os option")));
        assertEquals(List.of("Windows windows", "Linux linux"), texts(form.select(".form-options li")));
        assertTrue(form.selectFirst("select#sq-steps").hasAttr("multiple"));
        assertEquals(List.of("Restart", "Redeploy", "Resize"), texts(form.select("select#sq-steps option")));
        assertEquals(List.of("Just me", "Many"), texts(form.select("input[type=radio] + label")));
        assertEquals("I agree to share diagnostic information", form.selectFirst("label[for=sq-consent]").text());
        assertEquals("We'll use these answers to route your request.", form.selectFirst(".form-info").text());
        assertEquals("Answer these questions so that the engineer can start right away.",
                doc.selectFirst(".article-body > p").text());
        assertEquals(List.of("Form preview"), texts(doc.select("nav.toc a")));
    }

    @Test
    void jsonKindsShowTheirFieldsAsTables() {
        Document topic = page("article-supportTopicDescription.ftl", SampleSite.article("fairfax", "network/vpn-topic.html"));
        assertEquals(List.of("Support topic id supportTopicId", "Title title", "Routing", "Queue routing.queue",
                        "Severity routing.severity", "Enabled routing.enabled"),
                texts(topic.select(".json-table tbody th")));
        assertEquals(List.of("32600001", "VPN gateway & connections", "networking-vpn", "2", "true"),
                texts(topic.select(".json-table tbody td")));
        assertEquals(List.of("supportTopicId", "title", "routing.queue", "routing.severity", "routing.enabled"),
                texts(topic.select(".json-table code.json-key")));
        assertEquals("Support topic id", topic.selectFirst(".json-label").text());
        assertTrue(topic.select(".article-header .lead").isEmpty(), "empty description prints nothing");
        assertTrue(topic.select("meta[name=description]").isEmpty(), "empty description prints no meta");

        Document advisor = page("article-advisorRecommendationMetadata.ftl",
                SampleSite.article("fairfax", "compute/enable-backup.html"));
        assertEquals(List.of("9a5b-backup", "High", "https://aka.ms/vm-backup", "(empty)"),
                texts(advisor.select(".json-table tbody td")));
        assertEquals(List.of("Recommendation"), texts(advisor.select(".json-group th")));
        assertEquals("Recommendation metadata", advisor.selectFirst("#recommendation-metadata").text());
    }

    @Test
    void indexListsServicesWithTheirArticles() {
        Document doc = page("index.ftl", SampleSite.index("fairfax"));

        assertEquals("Contoso Support", doc.selectFirst("h1").text());
        assertEquals("Contoso Support", doc.title());
        Elements cards = doc.select(".service-card");
        assertEquals(List.of("Compute", "General", "Networking"), texts(cards.select("h3")));
        assertEquals(List.of("A virtual machine does not start", SampleSite.XSS_TITLE,
                "Tell us about your VM problem", "Enable VM backups"), texts(cards.get(0).select("li a")));
        assertEquals("compute/vm-start-fails.html", cards.get(0).selectFirst("li a").attr("href"));
        assertEquals("microsoft.compute/index.html", cards.get(0).selectFirst("h3 a").attr("href"));
        assertEquals(List.of("Understand your invoice"), texts(cards.get(1).select("li a")));
        assertEquals("search.html", doc.selectFirst(".hero-search").attr("action"));
        assertEquals("Search 7 articles for Azure Government", doc.selectFirst("label[for=home-search-q]").text());
    }

    @Test
    void indexCardsLinkToTheServicePageForTheRest() {
        Map<String, Object> model = SampleSite.index("fairfax");
        @SuppressWarnings("unchecked")
        Map<String, Object> compute = (Map<String, Object>) ((List<Object>) model.get("services")).get(0);
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(SampleSite.summary("Article " + i, "", "compute/a" + i + ".html", "generic", "Guide",
                    "microsoft.compute", "a" + i));
        }
        compute.put("articles", many);

        Element card = page("index.ftl", model).selectFirst(".service-card");

        assertEquals(8, card.select("li").size());
        assertEquals("All 12 Compute articles", card.selectFirst(".service-card-more").text());
    }

    @Test
    void servicePageListsItsArticles() {
        Document doc = page("service.ftl", SampleSite.servicePage("fairfax", "microsoft.network"));

        assertEquals("Networking", doc.selectFirst("h1").text());
        assertEquals(List.of("Connect to a VM with Bastion fails", "VPN gateway support topic"),
                texts(doc.select(".article-list-title")));
        assertEquals("../network/bastion-connect.html", doc.selectFirst(".article-list-title").attr("href"));
        assertEquals(List.of("What to check when Bastion cannot open a session"),
                texts(doc.select(".article-list-description")));
        assertEquals("Networking", doc.selectFirst(".site-nav [aria-current=page]").text().replaceAll(",.*", ""));
        assertEquals(List.of("Home", "Networking"), texts(doc.select(".breadcrumb li")));
    }

    @Test
    void searchPageHasALabelledBoxAResultsListAndItsScript() {
        Document doc = page("search.ftl", SampleSite.search("fairfax"));

        assertTrue(doc.select("form.site-search").isEmpty(), "no second search box in the header");
        Element form = doc.selectFirst("form#search-form");
        assertEquals("get", form.attr("method"));
        assertEquals("search.html", form.attr("action"));
        assertEquals("q", form.selectFirst("input#search-q").attr("name"));
        assertEquals("status", doc.selectFirst("#search-status").attr("role"));
        assertEquals("search/index.js", doc.selectFirst("#search-results").attr("data-index-url"));
        assertEquals(List.of("assets/site.js", "assets/search.js"), doc.select("script").eachAttr("src"));
    }

    @Test
    void headerSearchBoxSendsTheQueryToTheSearchPage() {
        Document doc = page("article.ftl", SampleSite.article("fairfax", "compute/vm-start-fails.html"));

        Element form = doc.selectFirst("header form.site-search");
        assertEquals("../search.html", form.attr("action"));
        assertEquals("get", form.attr("method"));
        assertEquals("q", form.selectFirst("input").attr("name"));
    }

    @Test
    void notFoundPageWorksFromAnyPathWhenTheBaseUrlIsKnown() {
        Map<String, Object> model = SampleSite.notFound("fairfax");
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) model.get("page");
        page.put("canonicalUrl", "https://help.contoso.com/fairfax/1.0.0/404.html");

        Document doc = page("404.ftl", model);

        assertEquals("https://help.contoso.com/fairfax/1.0.0/", doc.selectFirst("base").attr("href"));
        assertEquals("https://help.contoso.com/fairfax/1.0.0/404.html", doc.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Page not found", doc.selectFirst("h1").text());
        assertEquals(List.of("Compute", "General", "Networking"), texts(doc.select(".service-links a")));
        assertTrue(page("404.ftl", SampleSite.notFound("fairfax")).select("base").isEmpty());
    }

    @Test
    void rendersEveryTemplateWithEmptyListsAndStrings() {
        List<Map<String, Object>> models = new ArrayList<>();
        Map<String, Object> article = SampleSite.article("fairfax", "compute/vm-start-fails.html");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) article.get("article");
        a.putAll(map("description", "", "serviceName", "", "serviceUrl", "", "service", "", "resource", "",
                "html", "", "toc", List.of(), "authors", List.of(), "owner", "", "tags", List.of(),
                "attributes", List.of(), "otherClouds", List.of(), "lastUpdated", "",
                "form", map("elements", List.of()), "json", List.of()));
        models.add(article);
        models.add(SampleSite.index("fairfax"));
        models.add(SampleSite.search("fairfax"));
        models.add(SampleSite.notFound("fairfax"));
        Map<String, Object> service = SampleSite.servicePage("fairfax", "");
        ((Map<String, Object>) service.get("service")).put("articles", List.of());
        models.add(service);
        for (Map<String, Object> model : models) {
            model.put("services", List.of());
            model.put("clouds", List.of(map("id", "fairfax", "name", "Azure Government")));
            ((Map<String, Object>) model.get("page")).put("description", "");
        }

        for (String template : List.of("article.ftl", "article-problemScopingQuestions.ftl",
                "article-supportTopicDescription.ftl", "article-advisorRecommendationMetadata.ftl")) {
            Document doc = page(template, article);
            assertEquals(1, doc.select("h1").size(), template);
            assertTrue(doc.select("nav.toc a").size() <= 1, template);
            assertEquals(List.of("Home", "A virtual machine does not start"), texts(doc.select(".breadcrumb li")));
        }
        Document index = page("index.ftl", models.get(1));
        assertEquals("No articles are published for Azure Government in this version yet.",
                index.selectFirst(".services p").text());
        assertTrue(index.select(".cloud-switcher").isEmpty(), "no switcher with one cloud");
        page("search.ftl", models.get(2));
        page("404.ftl", models.get(3));
        assertEquals("No articles.", page("service.ftl", models.get(4)).selectFirst("main .muted").text());
    }

    @Test
    void templatesNeverDependOnTheLocale() {
        Map<String, Object> model = SampleSite.index("fairfax");
        @SuppressWarnings("unchecked")
        Map<String, Object> compute = (Map<String, Object>) ((List<Object>) model.get("services")).get(0);
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            many.add(SampleSite.summary("Article " + i, "", "compute/a" + i + ".html", "generic", "Guide",
                    "microsoft.compute", "a" + i));
        }
        compute.put("articles", many);
        freemarker.setLocale(Locale.GERMANY);
        try {
            assertEquals("All 1234 Compute articles", page("index.ftl", model).selectFirst(".service-card-more").text());
        } finally {
            freemarker.setLocale(Locale.ROOT);
        }
    }

    /** The README's override example: a content repository's article.ftl reusing the jar's layout. */
    @Test
    void anOverridingTemplateCanReuseTheLayoutMacros() throws IOException, TemplateException {
        StringTemplateLoader repository = new StringTemplateLoader();
        repository.putTemplate("article.ftl", """
                <#ftl output_format="HTML">
                <#import "layout.ftl" as layout>
                <@layout.articlePage>
                  <p class="feedback"><a href="mailto:docs@contoso.com?subject=${article.articleId?url('UTF-8')}">Was this helpful?</a></p>
                </@layout.articlePage>
                """);
        Configuration overridden = (Configuration) freemarker.clone();
        overridden.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                repository, new ClassTemplateLoader(TemplatesTest.class, "/certdocs-templates")}));
        StringWriter out = new StringWriter();

        overridden.getTemplate("article.ftl").process(SampleSite.article("fairfax", "compute/backup-fails.html"), out);

        Document doc = Jsoup.parse(out.toString());
        assertEquals("mailto:docs@contoso.com?subject=backup-fails", doc.selectFirst(".article-body .feedback a").attr("href"));
        assertEquals(SampleSite.XSS_TITLE, doc.selectFirst("h1").text());
        assertEquals(1, doc.select("nav.toc").size());
    }

    /**
     * Writes a small site for three clouds to target/theme-preview/site/, the way the render stage
     * lays it out, so the theme can be looked at in a browser (serve that folder over HTTP for the
     * search and the version switcher: browsers refuse fetch() on file:// pages).
     */
    @Test
    void writesAPreviewSiteForPeopleToLookAt() throws IOException {
        Path site = Path.of(System.getProperty("basedir", "."), "target", "theme-preview", "site");
        for (String cloud : List.of("public", "fairfax", "usnat")) {
            Path version = site.resolve(cloud).resolve(SampleSite.VERSION);
            write(version.resolve("index.html"), render("index.ftl", SampleSite.index(cloud)));
            write(version.resolve("search.html"), render("search.ftl", SampleSite.search(cloud)));
            write(version.resolve("404.html"), render("404.ftl", SampleSite.notFound(cloud)));
            for (String service : List.of("microsoft.compute", "", "microsoft.network")) {
                Map<String, Object> model = SampleSite.servicePage(cloud, service);
                write(version.resolve((String) ((Map<?, ?>) model.get("page")).get("path")), render("service.ftl", model));
            }
            // The search index is the publish stage's (dev.certdocs.publish.SearchIndex): the preview has none.
            for (String url : SampleSite.articleUrls()) {
                Map<String, Object> model = SampleSite.article(cloud, url);
                Map<?, ?> article = (Map<?, ?>) model.get("article");
                String kindTemplate = "article-" + article.get("kind") + ".ftl";
                boolean hasKindTemplate = TemplatesTest.class.getResource("/certdocs-templates/" + kindTemplate) != null;
                write(version.resolve(url), render(hasKindTemplate ? kindTemplate : "article.ftl", model));
            }
            write(site.resolve(cloud).resolve("versions.json"),
                    "{\"versions\":[{\"name\":\"1.0.0\",\"latest\":true},{\"name\":\"0.9.0\",\"latest\":false}]}\n");
            for (String asset : ASSETS) {
                write(version.resolve("assets").resolve(asset), asset(asset));
            }
        }

        Document written = Jsoup.parse(site.resolve("fairfax/1.0.0/compute/vm-start-fails.html").toFile());
        assertEquals("A virtual machine does not start", written.selectFirst("h1").text());
        assertTrue(Files.exists(site.resolve("usnat/1.0.0/assets/certdocs.css")));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "preview", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
