package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.BuildLog;
import dev.certdocs.link.ExternalUrls;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a job summary file (GitHub's GITHUB_STEP_SUMMARY), validate and check-links each append their section. */
class JobSummaryFileTest {

    @Test
    void validateAndCheckLinksEachAppendTheirSection(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.md");
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/compute/a.md", ArticleText.generic("a").body("\n# A\n\nSee [b](b.md).\n"))
                .file("articles/compute/c.md", ArticleText.generic("c").set("cloudEnvironments", "public, fairfx"));
        repo.validate(b -> b.jobSummary(summary));
        repo.checkLinks(b -> b.jobSummary(summary), () -> {
            throw new AssertionError("no external link: no external checker");
        }, BuildLog.SILENT);
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(md.startsWith("### ❌ certdocs validate\n\n2 articles, 2 errors, 0 warnings"), md);
        assertTrue(md.contains("- `articles/compute/c.md:9:29` error `cloud/unknown` unknown cloud 'fairfx'"), md);
        int links = md.indexOf("### ❌ certdocs check-links\n");
        assertTrue(links > 0, md);
        assertTrue(md.indexOf("- `articles/compute/a.md:", links) > 0 && md.contains("`link/broken-internal`"), md);
        assertTrue(md.indexOf("```\nLink results:", links) > 0, md);
    }
}
