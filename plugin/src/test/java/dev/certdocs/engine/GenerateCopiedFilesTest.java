package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a page refers to are copied into the site, from inside the repository only
 * (docs/design.md §6: nothing is read outside it, neither by {@code ..} nor through a symbolic link).
 */
class GenerateCopiedFilesTest {

    @TempDir
    Path dir;

    @Test
    void copiesFilesReferencedFromRawHtmlAndLinks() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/compute/a.md", ArticleText.generic("a").body("""

                        # A

                        <img src="media/raw.png" alt="Raw HTML image">

                        Download the [script](scripts/fix.ps1).
                        """))
                .bytes("articles/compute/media/raw.png", new byte[] {1})
                .file("articles/compute/scripts/fix.ps1", "Write-Host fix\n");
        assertFalse(repo.generate().failed());
        GeneratedSite site = GeneratedSite.at(repo.siteDirectory());
        Element body = site.page("public/1.0.0/compute/a.html").selectFirst(".article-body");
        assertEquals("public/1.0.0/compute/media/raw.png", site.target("public/1.0.0/compute/a.html", body.selectFirst("img")));
        assertEquals("public/1.0.0/compute/scripts/fix.ps1", site.target("public/1.0.0/compute/a.html", body.selectFirst("a")));
        assertEquals("Write-Host fix\n", site.text("public/1.0.0/compute/scripts/fix.ps1"));
    }

    @Test
    void copiesNothingFromOutsideTheRepository() throws IOException {
        Path secret = dir.resolve("secret.png");
        Files.write(secret, new byte[] {42});
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/compute/a.md", ArticleText.generic("a").body("""

                        # A

                        ![Climbs out](../../../secret.png)

                        ![Linked out](media/link.png)
                        """));
        Files.createDirectories(repo.root().resolve("articles/compute/media"));
        Files.createSymbolicLink(repo.root().resolve("articles/compute/media/link.png"), secret);
        repo.generate(b -> b.force(true));
        GeneratedSite site = GeneratedSite.at(repo.siteDirectory());
        assertTrue(site.exists("public/1.0.0/compute/a.html"));
        List<String> copied = site.files().stream().filter(f -> f.endsWith(".png")).toList();
        assertEquals(List.of(), copied);
    }
}
