package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certdocs.diagnostic.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page of an air-gapped cloud that reaches a host outside the bundle fails the build, by page and URL. */
class GenerateAirGappedRefusalTest {

    @TempDir
    Path dir;

    private ContentRepo repo(String body) {
        return ContentRepo.in(dir)
                .file("articles/compute/outside.md", ArticleText.generic("outside")
                        .set("cloudEnvironments", "public, usnat").body(body))
                .file("articles/compute/files/notes.html", "<p><img src=\"https://cdn.example/a.png\" alt=\"a\"></p>\n");
    }

    @Test
    void failsNamingEachPageAndUrlThatLeavesTheBundleOfAnAirGappedCloud() {
        ContentRepo repo = repo("\n# Outside\n\nSee [the blog](https://blog.example/post) and [notes](files/notes.html).\n");

        CertDocsException e = assertThrows(CertDocsException.class, () -> repo.generate(b -> b.clouds(List.of("public", "usnat"))));

        assertEquals("2 reference(s) in air-gapped clouds reach hosts outside the bundle and the cloud's allowedHosts;"
                + " add the host to <allowedHosts>, a rewrite rule, or a ::: cloud block:\n"
                + "  usnat/1.0.0/compute/files/notes.html: https://cdn.example/a.png\n"
                + "  usnat/1.0.0/compute/outside.html: https://blog.example/post", e.getMessage());
        assertFalse(Files.exists(repo.siteDirectory().resolve("usnat/1.0.0")), "nothing is published");
    }

    @Test
    void anIncrementalRunChecksTheArticleThatChangedAgain() {
        ContentRepo repo = repo("\n# Outside\n\nNothing outside.\n");
        GenerateResult first = repo.generate(b -> b.clouds(List.of("public", "usnat")));
        assertFalse(first.failed(), first.reason());
        repo.file("articles/compute/outside.md", ArticleText.generic("outside").set("cloudEnvironments", "public, usnat")
                .body("\n# Outside\n\nSee [the blog](https://blog.example/post).\n"));

        CertDocsException e = assertThrows(CertDocsException.class, () -> repo.generate(b -> b.clouds(List.of("public", "usnat"))));

        assertEquals("1 reference(s) in air-gapped clouds reach hosts outside the bundle and the cloud's allowedHosts;"
                + " add the host to <allowedHosts>, a rewrite rule, or a ::: cloud block:\n"
                + "  usnat/1.0.0/compute/outside.html: https://blog.example/post", e.getMessage());
    }
}
