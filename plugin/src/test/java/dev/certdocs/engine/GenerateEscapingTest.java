package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front-matter values reach pages only through FreeMarker's HTML escaping: markup in a title,
 * description, tag or the site title shows as text wherever it is printed, and no page of the
 * site holds a script or event handler that did not come from the theme.
 */
class GenerateEscapingTest {

    static final String TITLE = "<script>alert(1)</script> Tips & \"tricks\"";
    static final String DESCRIPTION = "<script>alert(2)</script> Q&A for <b>bold</b> readers";
    static final String TAG = "<img src=x onerror=alert(3)>";
    static final String SITE_TITLE = "Contoso <Support> & Co";
    static final String PAGE = "public/1.0.0/compute/hostile.html";

    @TempDir
    static Path dir;
    static GeneratedSite site;

    @BeforeAll
    static void generate() {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/hostile.md", ArticleText.generic("hostile")
                        .set("pageTitle", TITLE.replace("\"", "&quot;"))
                        .set("description", DESCRIPTION.replace("&", "&amp;"))
                        .set("articleTags", TAG)
                        .body("\n# Hostile\n\nBody.\n"));
        // A title with markup is a validation error (field/format): rendering it needs force.
        GenerateResult result = repo.generate(b -> b.force(true).siteTitle(SITE_TITLE));
        assertFalse(result.failed(), result.reason());
        site = GeneratedSite.at(repo.siteDirectory());
    }

    @Test
    void showsTitleAndDescriptionAsTextOnTheArticlePage() {
        Document page = site.page(PAGE);
        assertEquals(TITLE + " · " + SITE_TITLE, page.title());
        assertEquals(TITLE, page.selectFirst("main h1").text());
        assertEquals(DESCRIPTION, page.selectFirst("main .lead").text());
        assertEquals(DESCRIPTION, page.selectFirst("meta[name=description]").attr("content"));
        assertEquals(TITLE, page.select("nav.breadcrumb li").last().text());
        assertEquals(List.of(TAG), page.select("ul.tags li").eachText());
    }

    @Test
    void showsTheTitleAsTextOnTheHomeAndServicePages() {
        assertEquals(List.of(TITLE), site.page("public/1.0.0/index.html").select(".service-card-list a").eachText());
        Document service = site.page("public/1.0.0/microsoft.compute/index.html");
        assertEquals(List.of(TITLE), service.select("main .article-list-title").eachText());
        assertEquals(List.of(DESCRIPTION), service.select("main .article-list-description").eachText());
    }

    @Test
    void showsTheSiteTitleAsTextOnEveryPage() {
        for (String path : htmlPages()) {
            if (path.matches("([^/]+/)?index\\.html")) continue; // the pages above the versions: the root's, a cloud's
            assertEquals(SITE_TITLE, site.page(path).selectFirst("header .site-title").text(), path);
        }
        assertEquals(SITE_TITLE, site.page("index.html").selectFirst("h1").text(), "the root's list of clouds");
        assertEquals(SITE_TITLE, site.page("index.html").title());
    }

    @Test
    void keepsTheValuesInTheSearchIndexAsJsonStrings() throws IOException {
        List<JsonNode> rows = dev.certdocs.testing.SearchFiles.rows(site.root().resolve("public/1.0.0"));
        assertEquals(1, rows.size());
        assertEquals(TITLE, rows.get(0).get(0).asText());
        assertEquals(DESCRIPTION, rows.get(0).get(3).asText());
    }

    @Test
    void noPageHoldsAnInjectedScriptOrEventHandler() {
        List<String> pages = htmlPages();
        assertTrue(pages.contains(PAGE), pages.toString());
        for (String path : pages) {
            Document page = site.page(path);
            for (Element script : page.select("script")) {
                assertTrue(script.attr("src").matches("(\\.\\./)*assets/(site|search)\\.js"), path + ": " + script.outerHtml());
                assertEquals("", script.data(), path + ": " + script.outerHtml());
            }
            assertEquals(List.of(), page.select("img[src=x], b").stream().map(Element::outerHtml).toList(), path);
            for (Element e : page.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().startsWith("on"), path + ": " + e.tagName() + " has " + a);
                }
            }
            assertFalse(site.text(path).contains("<script>alert"), path);
        }
    }

    /** The rendered pages (latest/ holds only redirects to them). */
    private static List<String> htmlPages() {
        return site.files().stream().filter(p -> p.endsWith(".html") && !p.contains("/latest/")).toList();
    }
}
