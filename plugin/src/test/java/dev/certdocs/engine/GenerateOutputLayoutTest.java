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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * The files {@code generate} writes (docs/design.md §7): per cloud and version the home page, a page per
 * service and per article, search with its index, sitemap, 404 and assets; per cloud
 * {@code versions.json}; earlier versions kept.
 */
class GenerateOutputLayoutTest {

    static final String BASE_URL = "https://help.contoso.com/";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @TempDir
    Path dir;

    private ContentRepo repo() {
        return ContentRepo.in(dir)
                .file("articles/compute/vm-start.md", ArticleText.generic("vm-start")
                        .set("pageTitle", "VM does not start").set("description", "What to check first")
                        .set("cloudEnvironments", "public, fairfax")
                        .body("\n# VM does not start\n\nThe xylophone of power states.\n"))
                .file("articles/network/vpn.md", ArticleText.generic("vpn")
                        .set("pageTitle", "VPN tunnel down").set("service", "microsoft.network")
                        .body("\n# VPN tunnel down\n\nCheck the [VM article](../compute/vm-start.md).\n"))
                .file("articles/misc/diag.md", ArticleText.generic("diag")
                        .set("pageTitle", "Diagnostics run").set("selfHelpType", "diagnostics")
                        .remove("service").remove("resource").remove("supportTopicIds").remove("productPesIds")
                        .set("diagnosticScenario", "DiagScenario").set("infoBubbleText", "Runs a check")
                        .body("\n# Diagnostics run\n\nText.\n"));
    }

    private GeneratedSite generate(ContentRepo repo, String version) {
        GenerateResult result = repo.generate(b -> b.siteVersion(version).baseUrl(BASE_URL));
        assertFalse(result.failed(), result.reason());
        return GeneratedSite.at(repo.siteDirectory());
    }

    @Test
    void writesTheLayoutOfDesignSection7() {
        GeneratedSite site = generate(repo(), "1.0.0");
        List<String> files = site.files().stream().filter(f -> f.startsWith("public/"))
                .filter(f -> !f.startsWith("public/1.0.0/assets/") && !f.startsWith("public/latest/"))
                .filter(f -> !f.startsWith("public/1.0.0/search/t/")).toList();
        assertTrue(site.exists("public/latest/index.html") && site.exists("public/latest/compute/vm-start.html"),
                "latest/ redirects to the newest release");
        assertEquals(List.of(
                "public/1.0.0/404.html",
                "public/1.0.0/compute/vm-start.html",
                "public/1.0.0/general/index.html",
                "public/1.0.0/index.html",
                "public/1.0.0/microsoft.compute/index.html",
                "public/1.0.0/microsoft.network/index.html",
                "public/1.0.0/misc/diag.html",
                "public/1.0.0/network/vpn.html",
                "public/1.0.0/search.html",
                "public/1.0.0/search/index.js",
                "public/1.0.0/search/m/0.js",
                "public/1.0.0/sitemap.xml",
                "public/index.html",
                "public/versions.json"), files);
        assertTrue(site.exists("public/1.0.0/assets/certdocs.css"));
        for (String cloud : site.directories("")) {
            assertTrue(site.exists(cloud + "/1.0.0/index.html"), cloud);
            assertTrue(site.exists(cloud + "/versions.json"), cloud);
        }
    }

    @Test
    void everyRelativeLinkOfEveryPageLeadsToAFileOfTheSite() {
        GeneratedSite site = generate(repo(), "1.0.0");
        List<String> broken = new ArrayList<>();
        for (String path : site.files()) {
            if (!path.endsWith(".html")) continue;
            Document page = site.page(path);
            for (Element e : page.select("a[href], link[href], script[src], img[src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (url.startsWith("#") || url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || e.is("link[rel=canonical]")) continue;
                // 404.html sets <base href> to the version root; it is written there, so paths resolve the same.
                if (site.target(path, e) == null) broken.add(path + ": " + url);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void linksTheHomeServiceAndArticlePagesTogether() {
        GeneratedSite site = generate(repo(), "1.0.0");
        Document service = site.page("public/1.0.0/microsoft.compute/index.html");
        assertEquals(List.of("../compute/vm-start.html"), service.select("main .article-list-title").eachAttr("href"));
        Document home = site.page("public/1.0.0/index.html");
        assertEquals(List.of("general/index.html", "microsoft.network/index.html", "microsoft.compute/index.html"),
                home.select("main .service-card h3 a").eachAttr("href"));
        assertEquals("../compute/vm-start.html", site.page("public/1.0.0/network/vpn.html")
                .selectFirst(".article-body a:contains(VM article)").attr("href"));
    }

    @Test
    void theSearchIndexHasAnEntryPerArticleWithItsBodyText() throws IOException {
        GeneratedSite site = generate(repo(), "1.0.0");
        List<JsonNode> rows = dev.certdocs.testing.SearchFiles.rows(site.root().resolve("public/1.0.0"));
        List<String> urls = new ArrayList<>();
        for (JsonNode row : rows) {
            assertEquals(6, row.size(), row.toString());
            urls.add(row.get(4).asText());
        }
        assertEquals(List.of("compute/vm-start.html", "misc/diag.html", "network/vpn.html"), urls.stream().sorted().toList());
        JsonNode vm = rows.get(urls.indexOf("compute/vm-start.html"));
        assertEquals("VM does not start", vm.get(0).asText());
        assertEquals("Virtual Machines", vm.get(1).asText());
        assertEquals(site.page("public/1.0.0/compute/vm-start.html").selectFirst(".article-kind .kind-label").text(),
                vm.get(2).asText());
        assertEquals("What to check first", vm.get(3).asText());
        assertTrue(vm.get(5).asText().contains("xylophone"), vm.toString());
        assertFalse(vm.get(5).asText().contains("VM does not start"), "the title is not repeated in the body text");
        JsonNode xy = dev.certdocs.testing.SearchFiles.call(site.root().resolve("public/1.0.0/search/t/xy.js"));
        assertEquals("[\"xy\",{\"xylophone\":[" + urls.indexOf("compute/vm-start.html") + ",1]}]", xy.toString(),
                "a word of the body only is in its shard, with the article's number");
        assertEquals(1, dev.certdocs.testing.SearchFiles.rows(site.root().resolve("fairfax/1.0.0")).size(),
                "fairfax publishes vm-start only");
    }

    @Test
    void theSitemapHasOneAbsoluteUrlPerPage() throws Exception {
        GeneratedSite site = generate(repo(), "1.0.0");
        List<String> locs = sitemap(site, "public/1.0.0/sitemap.xml");
        List<String> pages = site.files().stream().filter(f -> f.startsWith("public/1.0.0/") && f.endsWith(".html"))
                .filter(f -> !f.equals("public/1.0.0/404.html")).map(f -> BASE_URL + f).sorted().toList();
        assertEquals(pages, locs.stream().sorted().toList());
        assertEquals(8, locs.size(), "home, 3 service pages, search and 3 articles: every page but 404.html");
        assertTrue(locs.contains(BASE_URL + "public/1.0.0/compute/vm-start.html"), locs.toString());
    }

    @Test
    void sitemapAndCanonicalUrlsArePercentEncoded() throws Exception {
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/vm start é.md", ArticleText.generic("spaced"));
        GeneratedSite site = generate(repo, "1.0.0");
        String url = BASE_URL + "public/1.0.0/compute/vm%20start%20%C3%A9.html";
        assertTrue(sitemap(site, "public/1.0.0/sitemap.xml").contains(url), site.text("public/1.0.0/sitemap.xml"));
        assertEquals(url, site.page("public/1.0.0/compute/vm start é.html").selectFirst("link[rel=canonical]").attr("href"));
        for (String loc : sitemap(site, "public/1.0.0/sitemap.xml")) assertEquals(loc, java.net.URI.create(loc).toASCIIString());
    }

    /** The {@code <loc>} of every {@code <url>} of a sitemap, which must be a sitemaps.org {@code <urlset>}. */
    private static List<String> sitemap(GeneratedSite site, String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(site.file(path).toFile());
        assertEquals(SITEMAP_NS, xml.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", xml.getDocumentElement().getLocalName());
        NodeList urls = xml.getElementsByTagNameNS(SITEMAP_NS, "url");
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            NodeList loc = ((org.w3c.dom.Element) urls.item(i)).getElementsByTagNameNS(SITEMAP_NS, "loc");
            assertEquals(1, loc.getLength());
            locs.add(loc.item(0).getTextContent());
        }
        return locs;
    }

    @Test
    void pagesCarryTheirCanonicalUrl() {
        GeneratedSite site = generate(repo(), "1.0.0");
        assertEquals(BASE_URL + "fairfax/1.0.0/compute/vm-start.html",
                site.page("fairfax/1.0.0/compute/vm-start.html").selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void versionsJsonListsTheVersion() throws IOException {
        GeneratedSite site = generate(repo(), "1.0.0");
        assertEquals(List.of(Map.entry("1.0.0", true)), versions(site, "public"));
    }

    @Test
    void keepsEarlierVersionsWhenPublishingANewOne() throws IOException {
        ContentRepo repo = repo();
        GeneratedSite site = generate(repo, "1.9.0");
        Map<String, String> first = site.hashes();
        repo.file("articles/compute/vm-start.md", ArticleText.generic("vm-start").set("pageTitle", "VM start, revised")
                .set("cloudEnvironments", "public, fairfax"));
        generate(repo, "1.10.0");
        for (var e : first.entrySet()) {
            if (!e.getKey().contains("/1.9.0/")) continue; // versions.json and latest/ follow the newest version
            assertEquals(e.getValue(), site.hashes().get(e.getKey()), "version 1.9.0 is kept as it was: " + e.getKey());
        }
        assertEquals("VM start, revised", site.page("public/1.10.0/compute/vm-start.html").selectFirst("main h1").text());
        assertEquals("VM does not start", site.page("public/1.9.0/compute/vm-start.html").selectFirst("main h1").text());
        assertEquals(List.of(Map.entry("1.10.0", true), Map.entry("1.9.0", false)), versions(site, "public"));
        assertEquals(List.of("1.10.0", "1.9.0", "latest"), site.directories("public"));
    }

    @Test
    void republishingAnOlderVersionKeepsTheNewestLatest() throws IOException {
        ContentRepo repo = repo();
        generate(repo, "1.9.0");
        generate(repo, "1.10.0");
        GeneratedSite site = generate(repo, "1.9.0");
        assertEquals(List.of(Map.entry("1.10.0", true), Map.entry("1.9.0", false)), versions(site, "public"));
        assertEquals(List.of(Map.entry("1.10.0", true), Map.entry("1.9.0", false)), versions(site, "fairfax"));
    }

    private static JsonNode entryFor(JsonNode index, String url) {
        for (JsonNode e : index) if (e.get("u").asText().equals(url)) return e;
        throw new AssertionError("no search entry for " + url);
    }

    private static List<Map.Entry<String, Boolean>> versions(GeneratedSite site, String cloud) throws IOException {
        JsonNode json = new ObjectMapper().readTree(site.text(cloud + "/versions.json"));
        List<Map.Entry<String, Boolean>> out = new ArrayList<>();
        for (JsonNode v : json.get("versions")) out.add(Map.entry(v.get("name").asText(), v.get("latest").asBoolean()));
        return out;
    }
}
