package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of air-gapped clouds load nothing from outside the site: no stylesheet, script, image or
 * web font from another host (docs/design.md §7), even with a base URL and external links in the content.
 */
class GenerateAirGappedTest {

    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)");
    static final Pattern ABSOLUTE = Pattern.compile("^\\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//).*");

    @TempDir
    static Path dir;
    static GeneratedSite site;

    @BeforeAll
    static void generate() {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/inside.md", ArticleText.generic("inside")
                        .set("cloudEnvironments", "public, usnat, ussec")
                        .body("""

                                # Inside

                                Read the [documentation]({{cloud.docsUrl}}/compute) or open the
                                [portal]({{cloud.portalUrl}}/#home).

                                ![Diagram](media/diagram.png)
                                """))
                .bytes("articles/compute/media/diagram.png", new byte[] {1, 2, 3});
        GenerateResult result = repo.generate(b -> b.clouds(List.of("usnat", "ussec")).baseUrl("https://help.contoso.example/"));
        assertFalse(result.failed(), result.reason());
        site = GeneratedSite.at(repo.siteDirectory());
    }

    @Test
    void airGappedPagesLoadNoStylesheetScriptOrImageFromOutsideTheSite() {
        List<String> pages = site.files().stream().filter(f -> f.endsWith(".html")).toList();
        assertTrue(pages.contains("usnat/1.0.0/compute/inside.html") && pages.contains("ussec/1.0.0/index.html"), pages.toString());
        List<String> outside = new ArrayList<>();
        for (String path : pages) {
            Document page = site.page(path);
            // A canonical link names the page's public address; browsers do not load it.
            for (Element e : page.select("link[href]:not([rel=canonical]), [src], [srcset], object[data], [poster]")) {
                for (String attr : List.of("href", "src", "srcset", "data", "poster")) {
                    if (e.hasAttr(attr) && ABSOLUTE.matcher(e.attr(attr)).matches()) {
                        outside.add(path + ": <" + e.tagName() + " " + attr + "=\"" + e.attr(attr) + "\">");
                    }
                }
            }
            for (Element style : page.select("style, [style]")) {
                String css = style.is("style") ? style.data() : style.attr("style");
                outside.addAll(externalCssUrls(path, css));
            }
        }
        assertEquals(List.of(), outside);
        assertTrue(site.exists("usnat/1.0.0/compute/media/diagram.png"));
    }

    @Test
    void theStylesheetsUseNoWebFontOrOutsideUrl() {
        List<String> stylesheets = site.files().stream().filter(f -> f.endsWith(".css")).toList();
        assertTrue(stylesheets.contains("usnat/1.0.0/assets/certdocs.css"), stylesheets.toString());
        List<String> outside = new ArrayList<>();
        for (String path : stylesheets) {
            String css = site.text(path);
            if (css.contains("@font-face")) outside.add(path + ": @font-face");
            if (css.contains("@import")) outside.add(path + ": @import");
            outside.addAll(externalCssUrls(path, css));
        }
        assertEquals(List.of(), outside);
    }

    @Test
    void contentLinksStayLinks() {
        Element body = site.page("usnat/1.0.0/compute/inside.html").selectFirst(".article-body");
        assertEquals("https://docs.usnat.example/compute", body.selectFirst("a:contains(documentation)").attr("href"));
        assertEquals("img", body.selectFirst("img").tagName());
        assertEquals("media/diagram.png", body.selectFirst("img").attr("src"));
    }

    private static List<String> externalCssUrls(String path, String css) {
        List<String> out = new ArrayList<>();
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            String url = m.group(1).strip();
            if (url.startsWith("data:")) continue;
            if (ABSOLUTE.matcher(url).matches()) out.add(path + ": url(" + url + ")");
        }
        return out;
    }
}
