package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an air-gapped cloud's pages may not reach. A link in an article is content: {@code validate}
 * reports it at its line as {@code link/air-gapped} before anything is rendered, and severities,
 * the baseline and {@code force} apply to it. What templates and copied files write is checked
 * after rendering, as a safety net that fails the build naming where it comes from.
 */
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
    void anArticleLinkAnAirGappedCloudCannotReachIsAValidationErrorAtItsLineAndNothingIsRendered() {
        ContentRepo repo = repo("\n# Outside\n\nSee [the blog](https://blog.example/post).\n");

        GenerateResult result = repo.generate(b -> b.clouds(List.of("public", "usnat")));

        assertTrue(result.failed());
        assertEquals(List.of("articles/compute/outside.md:16:5: error [link/air-gapped] https://blog.example/post cannot be"
                + " reached from usnat: its host blog.example is not the cloud's portal or documentation host nor on its"
                + " allowedHosts"), ContentRepo.allProblems(result.validation()));
        assertFalse(Files.exists(repo.siteDirectory().resolve("usnat/1.0.0")), "nothing is published");
    }

    @Test
    void withForceTheArticleIsPublishedAndOnlyWhatTheArticleDoesNotWriteIsLeftToTheSafetyNet() {
        ContentRepo repo = repo("\n# Outside\n\nSee [the blog](https://blog.example/post) and [notes](files/notes.html).\n");

        CertDocsException e = assertThrows(CertDocsException.class,
                () -> repo.generate(b -> b.clouds(List.of("public", "usnat")).force(true)));

        assertEquals("1 reference(s) that templates, theme assets or copied files write into pages of air-gapped clouds"
                + " reach hosts outside the bundle and the cloud's allowedHosts; change the template, or add the host to"
                + " <allowedHosts> or a rewrite rule (links in articles are validate's rule link/air-gapped):\n"
                + "  usnat/1.0.0/compute/files/notes.html: https://cdn.example/a.png (written by the repository file"
                + " articles/compute/files/notes.html)", e.getMessage());
        assertFalse(Files.exists(repo.siteDirectory().resolve("usnat/1.0.0")), "nothing is published");
    }

    @Test
    void aRuleSeverityOfWarningLetsTheSitePublishWithTheLink() throws IOException {
        ContentRepo repo = repo("\n# Outside\n\nSee [the blog](https://blog.example/post).\n");

        GenerateResult result = repo.generate(b -> b.clouds(List.of("public", "usnat")).severities(List.of("link/air-gapped=warning")));

        assertFalse(result.failed(), result.reason());
        assertEquals(List.of("articles/compute/outside.md:16:5: warning [link/air-gapped] https://blog.example/post cannot be"
                + " reached from usnat: its host blog.example is not the cloud's portal or documentation host nor on its"
                + " allowedHosts"), ContentRepo.allProblems(result.validation()));
        assertTrue(Files.readString(repo.siteDirectory().resolve("usnat/1.0.0/compute/outside.html"))
                .contains("https://blog.example/post"));
    }

    @Test
    void aTemplateThatWritesAnOutsideUrlFailsTheBuildNamingTheTemplate() {
        ContentRepo repo = repo("\n# Outside\n\nNothing outside.\n")
                .file("src/site-templates/article.ftl", """
                        <#ftl output_format="HTML">
                        <#import "layout.ftl" as layout>
                        <@layout.articlePage>
                        <script src="https://tracker.example/t.js"></script>
                        </@layout.articlePage>
                        """);

        CertDocsException e = assertThrows(CertDocsException.class, () -> repo.generate(b -> b.clouds(List.of("public", "usnat"))));

        assertEquals("1 reference(s) that templates, theme assets or copied files write into pages of air-gapped clouds"
                + " reach hosts outside the bundle and the cloud's allowedHosts; change the template, or add the host to"
                + " <allowedHosts> or a rewrite rule (links in articles are validate's rule link/air-gapped):\n"
                + "  usnat/1.0.0/compute/outside.html: https://tracker.example/t.js (written by the template "
                + dir.resolve("src/site-templates/article.ftl") + ")", e.getMessage());
        assertFalse(Files.exists(repo.siteDirectory().resolve("usnat/1.0.0")), "nothing is published");
    }

    @Test
    void anIncrementalRunChecksTheArticleThatChangedAgain() {
        ContentRepo repo = repo("\n# Outside\n\nNothing outside.\n");
        GenerateResult first = repo.generate(b -> b.clouds(List.of("public", "usnat")));
        assertFalse(first.failed(), first.reason());
        repo.file("articles/compute/outside.md", ArticleText.generic("outside").set("cloudEnvironments", "public, usnat")
                .body("\n# Outside\n\nSee [the blog](https://blog.example/post).\n"));

        GenerateResult second = repo.generate(b -> b.clouds(List.of("public", "usnat")));

        assertTrue(second.failed());
        assertEquals(List.of("articles/compute/outside.md:16:5: error [link/air-gapped] https://blog.example/post cannot be"
                + " reached from usnat: its host blog.example is not the cloud's portal or documentation host nor on its"
                + " allowedHosts"), ContentRepo.allProblems(second.validation()));
    }
}
