package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's start: it serves from the articles' properties alone (the listed state) and loads
 * each article whole when its page or problems are asked for, while all of them load in the
 * background. What it serves then is what it serves once everything is loaded.
 */
class PreviewStartTest {

    @TempDir
    Path dir;
    Preview listed;
    Preview loaded;

    static final String A = "articles/compute/a.md";
    static final String B = "articles/compute/b.md";

    @BeforeEach
    void repository() {
        ContentRepo.in(dir)
                .file(A, ArticleText.generic("11111111-1111-1111-1111-111111111111").set("pageTitle", "Alpha")
                        .set("cloudEnvironments", "public, fairfax")
                        .body("\n# Alpha\n\nAlpha text.\n\n![](media/diagram.png)\n\n[!INCLUDE [shared](../includes/shared.md)]\n"))
                .file(B, ArticleText.generic("22222222-2222-2222-2222-222222222222").set("pageTitle", "Beta")
                        .body("\n# Beta\n\nBeta text.\n").text().replace("pageTitle=\"Beta\"", "pageTitle='Beta'"))
                .file("articles/includes/shared.md", "Shared text.\n")
                // The image exists: the checks across articles (which the loaded preview runs a moment after loading) find nothing.
                .file("articles/compute/media/diagram.png", "png");
    }

    @AfterEach
    void close() {
        if (listed != null) listed.close();
        if (loaded != null) loaded.close();
    }

    BuildConfig config() {
        return BuildConfig.builder(dir).reportsDirectory(dir.resolve("target/certdocs")).threads(2).siteVersion("1.0.0")
                .clouds(List.of("public", "fairfax")).build();
    }

    @Test
    void aListedArticleIsServedWithItsProblemsAsOnceEverythingIsLoaded() {
        listed = Preview.open(this::config, BuildLog.SILENT, false);
        loaded = Preview.open(this::config, BuildLog.SILENT, false);
        assertEquals(Set.of(), loaded.completeLoad());
        assertTrue(listed.summary().startsWith("2 articles listed;"), listed.summary());
        assertTrue(loaded.summary().startsWith("2 articles, 2 problems"), loaded.summary());

        for (String cloud : List.of("public", "fairfax")) {
            for (String page : List.of("compute/a.html", "compute/b.html", "index.html", "microsoft.compute/index.html")) {
                if (cloud.equals("fairfax") && page.equals("compute/b.html")) continue;
                assertArrayEquals(loaded.page(cloud, page).orElseThrow().content(), listed.page(cloud, page).orElseThrow().content(),
                        cloud + "/" + page);
            }
        }
        // The body's problem (found by loading the article whole) and the properties' (found by the listing).
        List<String> a = formatted(listed.problems("public", "compute/a.html"));
        assertEquals(formatted(loaded.problems("public", "compute/a.html")), a);
        assertTrue(a.stream().anyMatch(d -> d.contains("[image/missing-alt]")), a.toString());
        List<String> b = formatted(listed.problems("public", "compute/b.html"));
        assertEquals(formatted(loaded.problems("public", "compute/b.html")), b);
        assertTrue(b.stream().anyMatch(d -> d.contains("[properties/single-quotes]")), b.toString());

        // Loading the rest changes nothing that was shown.
        assertEquals(Set.of(), listed.completeLoad());
        assertTrue(listed.summary().startsWith("2 articles, 2 problems"), listed.summary());
        assertEquals(a, formatted(listed.problems("public", "compute/a.html")));
    }

    @Test
    void propertiesChangedBeforeTheLoadReloadTheArticleAndTheListingsShowingIt() throws IOException {
        listed = Preview.open(this::config, BuildLog.SILENT, false);
        assertTrue(new String(listed.page("public", "index.html").orElseThrow().content()).contains("Alpha"));
        Files.writeString(dir.resolve(A), ArticleText.generic("11111111-1111-1111-1111-111111111111").set("pageTitle", "Alpha renamed")
                .set("cloudEnvironments", "public, fairfax").body("\n# Alpha\n\nAlpha text.\n").text());
        Set<String> pages = listed.completeLoad();
        for (String p : List.of("/public/1.0.0/compute/a.html", "/fairfax/1.0.0/compute/a.html", "/public/1.0.0/index.html",
                "/public/1.0.0/compute/b.html", "/public/1.0.0/microsoft.compute/index.html")) {
            assertTrue(pages.contains(p), p + " in " + pages);
        }
        assertTrue(new String(listed.page("public", "index.html").orElseThrow().content()).contains("Alpha renamed"));
    }

    @Test
    void aReloadBeforeTheBackgroundLoadWaitsForItAndWorksOnLoadedArticles() throws IOException {
        listed = Preview.open(this::config, BuildLog.SILENT, false);
        listed.page("public", "compute/b.html");
        Files.writeString(dir.resolve("articles/includes/shared.md"), "Shared and changed.\n");
        assertEquals(Set.of("/public/1.0.0/compute/a.html", "/fairfax/1.0.0/compute/a.html"),
                listed.reload(Set.of(dir.resolve("articles/includes/shared.md"))));
        assertTrue(listed.summary().startsWith("2 articles, 2 problems"), listed.summary());
        assertTrue(new String(listed.page("public", "compute/a.html").orElseThrow().content()).contains("Shared and changed."));
    }

    private static List<String> formatted(List<Diagnostic> problems) {
        return problems.stream().map(Diagnostic::format).toList();
    }
}
