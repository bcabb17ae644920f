package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default theme writes the services navigation of article pages in blocks shared through the
 * {@code <@cached>} directive (one cache per cloud site): every page is the one the theme writes
 * without it, in every cloud and at every depth.
 */
class SharedNavigationTest {

    @TempDir
    Path dir;

    /** 60 services (several blocks of the navigation), two clouds whose counts differ, pages at two depths. */
    private static ContentRepo repository(Path root) {
        ContentRepo repo = ContentRepo.in(root);
        for (int i = 0; i < 60; i++) {
            String svc = String.format("svc%02d", i);
            repo.file("articles/" + svc + "/a" + i + ".md", ArticleText.generic("a" + i).set("service", "microsoft." + svc)
                    .set("pageTitle", "Article " + i).set("cloudEnvironments", "public, fairfax")
                    .body("\n# Article " + i + "\n\nText.\n"));
        }
        repo.file("articles/svc07/public-only.md", ArticleText.generic("p7").set("service", "microsoft.svc07")
                .set("pageTitle", "Public only").set("cloudEnvironments", "public").body("\n# Public only\n\nText.\n"));
        repo.file("articles/svc30/deep/b.md", ArticleText.generic("b30").set("service", "microsoft.svc30")
                .set("pageTitle", "Deeper").set("cloudEnvironments", "public, fairfax").body("\n# Deeper\n\nText.\n"));
        repo.file("articles/svc52/deep/c.md", ArticleText.generic("c52").set("service", "microsoft.svc52")
                .set("pageTitle", "Deeper still").set("cloudEnvironments", "public, fairfax").body("\n# Deeper still\n\nText.\n"));
        return repo;
    }

    @Test
    void pagesAreTheOnesTheThemeWritesWithoutTheCache() throws IOException {
        ContentRepo cached = repository(dir.resolve("cached"));
        GenerateResult a = cached.generate();
        assertFalse(a.failed(), a.reason());
        // The same theme with the directive taken away: every page renders its navigation whole.
        ContentRepo whole = repository(dir.resolve("whole"));
        String layout;
        try (InputStream in = SharedNavigationTest.class.getClassLoader().getResourceAsStream("certdocs-templates/layout.ftl")) {
            layout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(layout.contains("cached??"), "the theme uses the cached directive where the model has it");
        whole.file("src/site-templates/layout.ftl", layout.replace("cached??", "false"));
        GenerateResult b = whole.generate();
        assertFalse(b.failed(), b.reason());

        int compared = 0;
        for (String cloud : List.of("public", "fairfax")) {
            Path one = cached.siteDirectory().resolve(cloud + "/1.0.0").toRealPath(); // the version's name is a link
            Path other = whole.siteDirectory().resolve(cloud + "/1.0.0").toRealPath();
            List<String> pages = pages(one);
            assertTrue(pages.equals(pages(other)), cloud + ": the same pages");
            for (String page : pages) {
                assertEquals(Files.readString(other.resolve(page)), Files.readString(one.resolve(page)), cloud + "/" + page);
                compared++;
            }
        }
        assertTrue(compared > 240, "pages compared: " + compared);

        // The blocks were shared: rendered on demand, the article pages of public hold 2 depths x 3 blocks at most.
        dev.certdocs.config.BuildConfig config = dev.certdocs.config.BuildConfig.builder(cached.root())
                .reportsDirectory(dir.resolve("reports")).threads(1).siteVersion("1.0.0").outputDirectory(dir.resolve("unused")).build();
        dev.certdocs.load.Corpus corpus = dev.certdocs.load.Load.corpus(config, dev.certdocs.load.Load.articleFiles(config,
                dev.certdocs.support.BuildLog.SILENT), false);
        dev.certdocs.render.Rendering rendering = new dev.certdocs.render.Rendering(config, corpus);
        dev.certdocs.render.SiteRenderer.CloudSite pub = rendering.plans().get("public");
        assertEquals(Files.readString(cached.siteDirectory().resolve("public/1.0.0/svc30/a30.html")),
                rendering.page(pub, "svc30/a30.html").orElseThrow().content());
        rendering.page(pub, "svc52/deep/c.html").orElseThrow();
        assertEquals(4, pub.fragments().size(), "blocks 0 and 2 at ../, 0 and 1 at ../../");

        // What those pages show: each cloud's own counts, the page's own depth, its own service open.
        Document fairfax = Jsoup.parse(Files.readString(cached.siteDirectory().resolve("fairfax/1.0.0/svc52/deep/c.html")));
        Document page = Jsoup.parse(Files.readString(cached.siteDirectory().resolve("public/1.0.0/svc30/a30.html")));
        assertEquals(60, fairfax.select(".site-nav-list > li").size());
        assertEquals("../../microsoft.svc07/index.html", fairfax.select(".site-nav-list > li > a").get(7).attr("href"));
        assertTrue(fairfax.select(".site-nav-list > li > a").get(7).text().contains("1 articles"));
        assertEquals("../microsoft.svc07/index.html", page.select(".site-nav-list > li > a").get(7).attr("href"));
        assertTrue(page.select(".site-nav-list > li > a").get(7).text().contains("2 articles"));
        assertEquals(List.of("Deeper still"), fairfax.select(".site-nav [aria-current=page]").eachText());
        assertEquals(List.of("Article 30"), page.select(".site-nav [aria-current=page]").eachText());
        assertEquals(1, page.select(".site-nav-list > li.is-open").size());
    }

    private static List<String> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".html") && !p.startsWith("assets/")).sorted().toList();
        }
    }
}
