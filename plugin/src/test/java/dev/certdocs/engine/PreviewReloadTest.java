package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.serve.PreviewSite;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview answers to a change of files: which pages differ now ("this change affects
 * these pages"), and what they show afterwards. Three compute articles (one in two clouds, one
 * including a shared file) and a storage article.
 */
class PreviewReloadTest {

    @TempDir
    Path dir;
    ContentRepo repo;
    Preview site;

    static final String A = "articles/compute/a.md";

    @BeforeEach
    void open() {
        repo = ContentRepo.in(dir)
                .file(A, ArticleText.generic("11111111-1111-1111-1111-111111111111").set("pageTitle", "Alpha")
                        .set("cloudEnvironments", "public, fairfax").body("\n# Alpha\n\nAlpha text.\n"))
                .file("articles/compute/b.md", ArticleText.generic("22222222-2222-2222-2222-222222222222").set("pageTitle", "Beta")
                        .body("\n# Beta\n\n[!INCLUDE [shared](../includes/shared.md)]\n"))
                .file("articles/compute/c.md", ArticleText.generic("33333333-3333-3333-3333-333333333333").set("pageTitle", "Gamma")
                        .body("\n# Gamma\n\nGamma text.\n"))
                .file("articles/storage/d.md", ArticleText.generic("44444444-4444-4444-4444-444444444444").set("pageTitle", "Delta")
                        .set("service", "microsoft.storage").body("\n# Delta\n\nDelta text.\n"))
                .file("articles/includes/shared.md", "Shared text.\n");
        site = Preview.open(this::config, BuildLog.SILENT);
    }

    BuildConfig config() {
        return BuildConfig.builder(dir).reportsDirectory(dir.resolve("target/certdocs")).threads(2).siteVersion("1.0.0")
                .clouds(List.of("public", "fairfax")).build();
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void aChangedBodyAffectsTheArticlesPagesInEveryCloudAndNothingElse() throws IOException {
        assertTrue(page("public", "compute/a.html").contains("Alpha text."));
        write(A, ArticleText.generic("11111111-1111-1111-1111-111111111111").set("pageTitle", "Alpha")
                .set("cloudEnvironments", "public, fairfax").body("\n# Alpha\n\nAlpha changed.\n").text());
        assertEquals(Set.of("/public/1.0.0/compute/a.html", "/fairfax/1.0.0/compute/a.html"), reload(A));
        assertTrue(page("public", "compute/a.html").contains("Alpha changed."));
        assertTrue(page("fairfax", "compute/a.html").contains("Alpha changed."));
    }

    @Test
    void aChangedTitleAffectsTheIndexesThatListItAndItsServicesPages() throws IOException {
        write(A, ArticleText.generic("11111111-1111-1111-1111-111111111111").set("pageTitle", "Alpha renamed")
                .set("cloudEnvironments", "public, fairfax").body("\n# Alpha\n\nAlpha text.\n").text());
        Set<String> pages = reload(A);
        // The article in both clouds, its service's other pages (their navigation lists it), the indexes.
        for (String p : List.of("/public/1.0.0/compute/a.html", "/fairfax/1.0.0/compute/a.html", "/public/1.0.0/compute/b.html",
                "/public/1.0.0/compute/c.html", "/public/1.0.0/index.html", "/public/1.0.0/microsoft.compute/index.html",
                "/fairfax/1.0.0/index.html", "/fairfax/1.0.0/microsoft.compute/index.html")) {
            assertTrue(pages.contains(p), p + " in " + pages);
        }
        assertFalse(pages.contains("/public/1.0.0/storage/d.html"), pages.toString());
        assertTrue(page("public", "microsoft.compute/index.html").contains("Alpha renamed"));
    }

    @Test
    void aChangedIncludeAffectsThePagesOfTheArticlesThatReachIt() throws IOException {
        assertTrue(page("public", "compute/b.html").contains("Shared text."));
        write("articles/includes/shared.md", "Shared and changed.\n");
        assertEquals(Set.of("/public/1.0.0/compute/b.html"), reload("articles/includes/shared.md"));
        assertTrue(page("public", "compute/b.html").contains("Shared and changed."));
    }

    @Test
    void aTemplateChangeAffectsEveryPage() throws IOException {
        page("public", "compute/a.html");
        write("src/site-templates/article.ftl", "<#ftl output_format=\"HTML\"><html><body><p>own template ${article.title}</p></body></html>\n");
        assertEquals(Set.of(PreviewSite.EVERY_PAGE), reload("src/site-templates/article.ftl"));
        assertTrue(page("public", "compute/a.html").contains("own template Alpha"));
    }

    @Test
    void brokenPropertiesAreProblemsOfThePageWhichKeepsShowingItsLastVersion() throws IOException {
        page("public", "compute/a.html");
        String broken = ArticleText.generic("11111111-1111-1111-1111-111111111111").set("pageTitle", "Alpha")
                .set("cloudEnvironments", "public, fairfax").body("\n# Alpha\n\nAlpha text.\n").text()
                .replace("pageTitle=\"Alpha\"", "pageTitle=\"Alpha");
        write(A, broken);
        assertTrue(reload(A).contains("/public/1.0.0/compute/a.html"));
        assertEquals(List.of(A + ":3:15: error [properties/syntax] expected white space after the value of 'pageTitle', found 'A';"
                + " its value opened at 2:12 spans lines: is a closing quote missing?"),
                site.problems("public", "compute/a.html").stream().map(d -> d.format()).toList());
        assertTrue(page("public", "compute/a.html").contains("Alpha text."));
    }

    @Test
    void aTemplateSyntaxErrorIsAGlobalErrorUntilFixed() throws IOException {
        write("src/site-templates/article.ftl", "<#ftl output_format=\"HTML\"><#if>broken</#if>\n");
        reload("src/site-templates/article.ftl");
        assertEquals(1, site.globalErrors().size(), site.globalErrors().toString());
        assertTrue(site.globalErrors().get(0).startsWith("template article.ftl:1:"), site.globalErrors().get(0));
        assertEquals(500, site.page("public", "compute/a.html").orElseThrow().status());
        Files.delete(dir.resolve("src/site-templates/article.ftl"));
        reload("src/site-templates/article.ftl");
        assertEquals(List.of(), site.globalErrors());
        assertTrue(page("public", "compute/a.html").contains("Alpha text."));
    }

    @Test
    void aNewArticleIsServedAndListed() throws IOException {
        write("articles/compute/e.md", ArticleText.generic("55555555-5555-5555-5555-555555555555").set("pageTitle", "Epsilon")
                .body("\n# Epsilon\n\nNew.\n").text());
        Set<String> pages = reload("articles/compute/e.md");
        assertTrue(pages.contains("/public/1.0.0/compute/e.html"), pages.toString());
        // The list of services changed (compute has one more article): every page of public shows it, and says so in one entry.
        assertTrue(pages.contains("/public/1.0.0/*"), pages.toString());
        assertFalse(pages.contains("/public/1.0.0/storage/d.html"), "no page listed one by one where the cloud's entry covers it: " + pages);
        assertFalse(pages.stream().anyMatch(p -> p.startsWith("/fairfax/")), "e is not published in fairfax: " + pages);
        assertTrue(page("public", "compute/e.html").contains("New."));
        assertTrue(page("public", "index.html").contains("Epsilon"), "the home page was rendered again");
    }

    @Test
    void anImageChangeAffectsThePagesShowingIt() throws IOException {
        write("articles/compute/c.md", ArticleText.generic("33333333-3333-3333-3333-333333333333").set("pageTitle", "Gamma")
                .body("\n# Gamma\n\n![A diagram](media/d.png)\n").text());
        Files.createDirectories(dir.resolve("articles/compute/media"));
        Files.write(dir.resolve("articles/compute/media/d.png"), new byte[] {1, 2, 3});
        reload("articles/compute/c.md");
        page("public", "compute/c.html");
        Files.write(dir.resolve("articles/compute/media/d.png"), new byte[] {4, 5, 6});
        assertEquals(Set.of("/public/1.0.0/compute/c.html", "/public/1.0.0/compute/media/d.png"), reload("articles/compute/media/d.png"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void theChecksAcrossArticlesFollowAndReloadThePagesWhoseProblemsTheyChanged() throws Exception {
        java.util.concurrent.BlockingQueue<Set<String>> later = new java.util.concurrent.LinkedBlockingQueue<>();
        site.onReload(later::add);
        write("articles/compute/c.md", ArticleText.generic("33333333-3333-3333-3333-333333333333").set("pageTitle", "Gamma")
                .body("\n# Gamma\n\nSee [nothing](nothing.md).\n").text());
        assertEquals(Set.of("/public/1.0.0/compute/c.html"), reload("articles/compute/c.md"));
        assertEquals(Set.of("/public/1.0.0/compute/c.html"), later.take());
        assertEquals(List.of("articles/compute/c.md:16:5: error [link/broken-internal] link target 'nothing.md' does not exist"
                + " (looked for articles/compute/nothing.md)"),
                site.problems("public", "compute/c.html").stream().map(d -> d.format()).toList());
    }

    private String page(String cloud, String path) {
        PreviewSite.Page p = site.page(cloud, path).orElseThrow(() -> new AssertionError("no page " + cloud + "/" + path));
        return new String(p.content(), StandardCharsets.UTF_8);
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    private Set<String> reload(String... paths) {
        return site.reload(java.util.Arrays.stream(paths).map(dir::resolve).collect(java.util.stream.Collectors.toSet()));
    }
}
