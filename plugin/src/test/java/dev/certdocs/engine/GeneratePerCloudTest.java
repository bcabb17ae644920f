package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code generate} renders in each cloud: which articles, the cloud switcher, and the
 * per-cloud differences inside a page (rewrites, variables, cloud blocks), plus links, heading
 * ids, the table of contents, images and includes as they come out in the written pages.
 */
class GeneratePerCloudTest {

    static final byte[] DIAGRAM = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    static final byte[] ROLE = {(byte) 0x89, 'P', 'N', 'G', 4, 5, 6};

    @TempDir
    static Path dir;
    static ContentRepo repo;
    static GeneratedSite site;

    /** The repository links across clouds on purpose (its pages show how that renders): a warning, not an error that stops the build. */
    static final List<String> CROSS_CLOUD_LINKS_ALLOWED = List.of("link/cross-cloud=warning");

    /** A page of the article published nearly everywhere. */
    static final String EVERYWHERE = "1.0.0/compute/everywhere.html";

    @BeforeAll
    static void generate() {
        repo = repository(dir);
        GenerateResult result = repo.generate(b -> b.severities(CROSS_CLOUD_LINKS_ALLOWED));
        assertFalse(result.failed(), result.reason() + ": " + ContentRepo.allProblems(result.validation()));
        site = GeneratedSite.at(repo.siteDirectory());
    }

    static ContentRepo repository(Path root) {
        return ContentRepo.in(root)
                .file("articles/compute/everywhere.md", ArticleText.generic("everywhere")
                        .set("pageTitle", "Start a VM everywhere")
                        .set("cloudEnvironments", "public, fairfax, mooncake, usnat, ussec, blackforest")
                        .set("disableClouds", "mooncake")
                        .body("""

                                # Start a VM everywhere

                                Intro in {{cloud.name}}.

                                ## Check the VM's state (again)

                                See [the public article](public-only.md) and [its reason](public-only.md#why-public).

                                ### Power state

                                ::: cloud exclude="usnat,ussec"
                                Open the [portal](https://portal.azure.com/#view/VMs) or the [docs](https://learn.microsoft.com/en-us/azure/virtual-machines/).
                                ::: cloud-end

                                #### Deep detail

                                Not in the table of contents.

                                ## Next steps

                                ::: cloud include="fairfax"
                                Government-only paragraph.
                                ::: cloud-end

                                ::: cloud exclude="fairfax"
                                Everywhere-but-Government paragraph.
                                ::: cloud-end

                                ![Power states diagram](media/power-states.png)

                                [!INCLUDE [prerequisites](../../includes/prereq.md)]

                                ## Next steps
                                """))
                .bytes("articles/compute/media/power-states.png", DIAGRAM)
                .bytes("articles/compute/media/unused.png", DIAGRAM)
                .file("includes/prereq.md", """
                        You need the **Included prerequisite** role.

                        ![Role assignment](media/role.png)
                        """)
                .bytes("includes/media/role.png", ROLE)
                .file("articles/compute/public-only.md", ArticleText.generic("public-only")
                        .set("pageTitle", "Public only")
                        .body("\n# Public only\n\n## Why public\n\nText.\n"))
                .file("articles/network/gov-only.md", ArticleText.generic("gov-only")
                        .set("pageTitle", "Government only")
                        .set("service", "microsoft.network")
                        .set("cloudEnvironments", "fairfax, usnat")
                        .body("\n# Government only\n\nText.\n"))
                .file("articles/compute/retired-only.md", ArticleText.generic("retired-only")
                        .set("pageTitle", "Germany only")
                        .set("cloudEnvironments", "blackforest")
                        .body("\n# Germany only\n\nText.\n"));
    }

    @Test
    void rendersAnArticleOnlyInItsCloudsMinusDisabledClouds() {
        assertEquals(List.of("fairfax", "public", "usnat", "ussec"), cloudsWith("1.0.0/compute/everywhere.html"));
        assertEquals(List.of("public"), cloudsWith("1.0.0/compute/public-only.html"));
        assertEquals(List.of("fairfax", "usnat"), cloudsWith("1.0.0/network/gov-only.html"));
    }

    @Test
    void listsOnlyTheArticlesPublishedInTheCloudOnItsHomePage() {
        assertEquals(List.of("compute/public-only.html", "compute/everywhere.html"),
                articleLinks("public/1.0.0/index.html"));
        assertEquals(List.of("network/gov-only.html", "compute/everywhere.html"),
                articleLinks("fairfax/1.0.0/index.html"));
        assertEquals(List.of(), articleLinks("mooncake/1.0.0/index.html"));
    }

    @Test
    void neverRendersARetiredCloud() {
        assertEquals(List.of("fairfax", "mooncake", "public", "usnat", "ussec"), site.directories(""));
        assertEquals(List.of(), cloudsWith("1.0.0/compute/retired-only.html"));
    }

    @Test
    void refusesToBuildARetiredCloudWhenAskedTo(@TempDir Path other) {
        CertDocsException e = assertThrows(CertDocsException.class,
                () -> repository(other).generate(b -> b.clouds(List.of("public,blackforest"))));
        assertEquals("cloud 'blackforest' is retired and cannot be built", e.getMessage());
        assertEquals(List.of(), GeneratedSite.at(other.resolve("target/certdocs/site")).files());
    }

    @Test
    void rendersOnlyTheSelectedClouds(@TempDir Path other) {
        ContentRepo selected = repository(other);
        GenerateResult result = selected.generate(b -> b.clouds(List.of("fairfax,public")).severities(CROSS_CLOUD_LINKS_ALLOWED));
        assertFalse(result.failed(), result.reason());
        GeneratedSite out = GeneratedSite.at(selected.siteDirectory());
        assertEquals(List.of("fairfax", "public"), out.directories(""));
        assertEquals(List.of("fairfax/1.0.0/compute/everywhere.html"),
                switcherTargets(out, "public/" + EVERYWHERE));
    }

    @Test
    void cloudSwitcherLinksToTheSameArticleInTheOtherCloudsWhereItIsPublished() {
        assertEquals(List.of("fairfax/" + EVERYWHERE, "usnat/" + EVERYWHERE, "ussec/" + EVERYWHERE),
                switcherTargets(site, "public/" + EVERYWHERE));
        assertEquals(List.of("public/" + EVERYWHERE, "usnat/" + EVERYWHERE, "ussec/" + EVERYWHERE),
                switcherTargets(site, "fairfax/" + EVERYWHERE));
        assertEquals(List.of("usnat/1.0.0/network/gov-only.html"), switcherTargets(site, "fairfax/1.0.0/network/gov-only.html"));
        assertEquals(List.of(), switcherTargets(site, "public/1.0.0/compute/public-only.html"));
        for (String target : switcherTargets(site, "public/" + EVERYWHERE)) {
            assertEquals("Start a VM everywhere", site.page(target).selectFirst("h1").text(), target);
        }
    }

    @Test
    void alsoPublishedInListsTheSameCloudsAsTheSwitcher() {
        Document page = site.page("ussec/" + EVERYWHERE);
        List<String> footer = page.select(".article-footer p a").stream().map(a -> site.target("ussec/" + EVERYWHERE, a)).toList();
        assertEquals(List.of("fairfax/" + EVERYWHERE, "public/" + EVERYWHERE, "usnat/" + EVERYWHERE), footer.stream().sorted().toList());
    }

    @Test
    void relativeMarkdownLinksBecomeHtmlLinks() {
        Element body = body("public/" + EVERYWHERE);
        assertEquals("public-only.html", body.selectFirst("a:contains(the public article)").attr("href"));
        assertEquals("public-only.html#why-public", body.selectFirst("a:contains(its reason)").attr("href"));
    }

    @Test
    void headingsGetGitHubIdsAndTheTableOfContentsHoldsH2AndH3() {
        Document page = site.page("public/" + EVERYWHERE);
        assertEquals(List.of("check-the-vms-state-again", "power-state", "deep-detail", "next-steps", "next-steps-1"),
                page.select(".article-body h2, .article-body h3, .article-body h4").eachAttr("id"));
        assertEquals(List.of("#check-the-vms-state-again", "#power-state", "#next-steps", "#next-steps-1"),
                page.select("nav.toc a").eachAttr("href"));
        assertEquals(List.of("#power-state"), page.select("nav.toc li.toc-sub a").eachAttr("href"));
    }

    @Test
    void externalLinksGetRelNoopener() {
        List<Element> external = body("public/" + EVERYWHERE).select("a[href^=http]");
        assertEquals(2, external.size());
        for (Element a : external) assertTrue(a.attr("rel").contains("noopener"), a.outerHtml());
    }

    @Test
    void rewriteRulesApplyPerCloud() {
        assertEquals("https://portal.azure.com/#view/VMs",
                body("public/" + EVERYWHERE).selectFirst("a:contains(portal)").attr("href"));
        assertEquals("https://portal.azure.us/#view/VMs",
                body("fairfax/" + EVERYWHERE).selectFirst("a:contains(portal)").attr("href"));
    }

    @Test
    void cloudVariablesAreReplacedPerCloud() {
        assertEquals("Intro in Azure.", body("public/" + EVERYWHERE).selectFirst("p").text());
        assertEquals("Intro in Azure Government.", body("fairfax/" + EVERYWHERE).selectFirst("p").text());
        assertEquals("Intro in Azure US Secret (usnat).", body("usnat/" + EVERYWHERE).selectFirst("p").text());
    }

    @Test
    void cloudBlocksAreKeptOnlyInTheirClouds() {
        String pub = body("public/" + EVERYWHERE).text();
        String gov = body("fairfax/" + EVERYWHERE).text();
        assertFalse(pub.contains("Government-only paragraph"), pub);
        assertTrue(pub.contains("Everywhere-but-Government paragraph"), pub);
        assertTrue(gov.contains("Government-only paragraph"), gov);
        assertFalse(gov.contains("Everywhere-but-Government paragraph"), gov);
        assertFalse(pub.contains(":::") || gov.contains(":::"));
    }

    @Test
    void copiesTheImagesAnArticleReferences() throws IOException {
        Document page = site.page("public/" + EVERYWHERE);
        List<String> images = page.select(".article-body img").stream().map(img -> site.target("public/" + EVERYWHERE, img)).toList();
        assertEquals(List.of("public/1.0.0/compute/media/power-states.png", "public/1.0.0/_files/includes/media/role.png"), images);
        assertArrayEquals(DIAGRAM, Files.readAllBytes(site.file("public/1.0.0/compute/media/power-states.png")));
        assertArrayEquals(ROLE, Files.readAllBytes(site.file("public/1.0.0/_files/includes/media/role.png")));
        assertFalse(site.exists("public/1.0.0/compute/media/unused.png"), "an image no article references is not copied");
        assertFalse(site.exists("mooncake/1.0.0/compute/media/power-states.png"), "mooncake does not publish the article");
    }

    @Test
    void inlinesAnInclude() {
        Element body = body("public/" + EVERYWHERE);
        assertEquals("Included prerequisite", body.selectFirst("strong").text());
        assertFalse(body.html().contains("INCLUDE"), body.html());
    }

    private static List<String> cloudsWith(String path) {
        return site.directories("").stream().filter(c -> site.exists(c + "/" + path)).toList();
    }

    private static List<String> articleLinks(String page) {
        return site.page(page).select("main .service-card-list a").eachAttr("href").stream()
                .map(h -> GeneratedSite.resolve("1.0.0/index.html", h).substring("1.0.0/".length())).toList();
    }

    /** The pages the cloud switcher of a page links to (other than the page itself), each of which must exist. */
    private static List<String> switcherTargets(GeneratedSite out, String page) {
        return out.page(page).select("details.cloud-switcher a:not([aria-current])").stream().map(a -> {
            String target = out.target(page, a);
            assertTrue(target != null, "cloud switcher link " + a.attr("href") + " of " + page + " leads nowhere");
            return target;
        }).toList();
    }

    private static Element body(String page) {
        return site.page(page).selectFirst(".article-body");
    }
}
