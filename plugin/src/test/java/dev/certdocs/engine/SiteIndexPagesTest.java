package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output root and each cloud folder have an index page that leads to the latest version. */
class SiteIndexPagesTest {

    @TempDir
    Path dir;

    private ContentRepo repo() {
        return ContentRepo.in(dir).file("articles/compute/a.md", ArticleText.generic("a")
                .set("cloudEnvironments", "public, fairfax"));
    }

    private Document page(Path file) throws IOException {
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theRootListsEveryCloudWithItsLatestVersionAndEachCloudLeadsToIt() throws IOException {
        ContentRepo repo = repo();
        assertFalse(repo.generate(b -> b.siteVersion("1.0.0").siteTitle("Contoso Support")).failed());
        assertFalse(repo.generate(b -> b.siteVersion("1.1.0").siteTitle("Contoso Support")).failed());
        Path site = repo.siteDirectory();

        Document root = page(site.resolve("index.html"));
        assertEquals("Contoso Support", root.title());
        assertEquals(List.of("./fairfax/latest/index.html Azure Government version 1.1.0",
                        "./mooncake/latest/index.html Azure operated by 21Vianet version 1.1.0",
                        "./public/latest/index.html Azure version 1.1.0",
                        "./usnat/latest/index.html Azure US Secret (usnat) version 1.1.0",
                        "./ussec/latest/index.html Azure US Top Secret (ussec) version 1.1.0"),
                root.select("main li").stream().map(li -> li.selectFirst("a").attr("href") + " " + li.text()).toList());

        Document cloud = page(site.resolve("public/index.html"));
        assertEquals("0; url=latest/index.html", cloud.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("latest/index.html", cloud.selectFirst("body a").attr("href"));
        assertTrue(Files.isRegularFile(site.resolve("public/latest/index.html")));
    }

    @Test
    void aRootIndexPageOfItsOwnIsLeftAlone() throws IOException {
        ContentRepo repo = repo();
        Path own = repo.siteDirectory().resolve("index.html");
        Files.createDirectories(own.getParent());
        Files.writeString(own, "<h1>Our own landing page</h1>");
        assertFalse(repo.generate().failed());
        assertEquals("<h1>Our own landing page</h1>", Files.readString(own));
        assertTrue(Files.isRegularFile(repo.siteDirectory().resolve("public/index.html")), "the cloud's index is certdocs' own");
    }
}
