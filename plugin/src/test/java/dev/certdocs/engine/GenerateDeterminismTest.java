package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input gives byte-identical sites, whatever the number of threads (docs/design.md §6). */
class GenerateDeterminismTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsOnTheSameInputWriteByteIdenticalTrees() {
        ContentRepo repo = GeneratePerCloudTest.repository(dir);
        for (int i = 0; i < 12; i++) {
            repo.file("articles/storage/article-" + i + ".md", ArticleText.generic("storage-" + i)
                    .set("pageTitle", "Storage article " + (11 - i)).set("service", "microsoft.storage")
                    .set("displayOrder", String.valueOf(i % 3))
                    .set("cloudEnvironments", i % 2 == 0 ? "public, fairfax, usnat" : "public, mooncake")
                    .body("\n# Storage article\n\n## Section " + i + "\n\nBody text " + i + ".\n"));
        }
        Map<String, String> a = run(repo, "out-a", 1);
        Map<String, String> b = run(repo, "out-b", 4);
        assertTrue(a.size() > 50, "a site of some size: " + a.size() + " files");
        assertEquals(a.keySet(), b.keySet());
        assertEquals(a, b);
    }

    private Map<String, String> run(ContentRepo repo, String out, int threads) {
        Path site = dir.resolve(out).resolve("site");
        GenerateResult result = repo.generate(b -> b.outputDirectory(site).threads(threads)
                .severities(GeneratePerCloudTest.CROSS_CLOUD_LINKS_ALLOWED));
        assertFalse(result.failed(), result.reason());
        return GeneratedSite.at(site).hashes();
    }
}
