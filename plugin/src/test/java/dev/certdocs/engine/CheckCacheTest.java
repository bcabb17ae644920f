package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental generate checks again only the articles that changed, and still reports
 * exactly what a full validation reports, whatever changed: the article, an include it reaches,
 * whether an include exists, another article (duplicate ids), the severities.
 */
class CheckCacheTest {

    @TempDir
    Path dir;

    private static BuildConfig.Builder config(ContentRepo repo) {
        return BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2).clouds(List.of("public")).force(true);
    }

    /** Generates incrementally and validates from scratch; both must report the same problems. Returns them. */
    private static List<String> generateAndCompare(ContentRepo repo, UnaryOperator<BuildConfig.Builder> tune) {
        GenerateResult generated = CertDocs.generate(tune.apply(config(repo)).build(), BuildLog.SILENT);
        ValidationResult fresh = CertDocs.validate(tune.apply(config(repo)).incremental(false).build(), BuildLog.SILENT);
        List<String> problems = ContentRepo.allProblems(generated.validation());
        assertEquals(ContentRepo.allProblems(fresh), problems, "what the incremental run reports");
        return problems;
    }

    private static List<String> generateAndCompare(ContentRepo repo) {
        return generateAndCompare(repo, b -> b);
    }

    private static ArticleText everywhere(String id, String body) {
        return article(id, body).set("cloudEnvironments", "public, fairfax");
    }

    private static ArticleText article(String id, String body) {
        return ArticleText.generic(id).set("pageTitle", "Article " + id).body(body);
    }

    @Test
    void reportsWhatAFullValidationReportsWhateverChangedInBetween() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/compute/a.md", article("a", "\n# A\n\n[!INCLUDE [Steps](../../includes/steps.md)]\n"))
                .file("articles/compute/b.md", article("b", "\nNo heading here.\n"))
                .file("articles/compute/c.md", article("c", "\n# C\n\n![](media/no-alt.png)\n"))
                .file("includes/steps.md", "1. Restart the machine.\n");
        assertTrue(Files.isRegularFile(repo.root().resolve("includes/steps.md")));

        List<String> first = generateAndCompare(repo);
        assertTrue(first.stream().anyMatch(p -> p.contains("articles/compute/b.md") && p.contains("[body/missing-h1]")), first.toString());
        assertEquals(first, generateAndCompare(repo), "unchanged: the same problems, from the cache");
        assertTrue(Files.isRegularFile(repo.root().resolve("target/certdocs/incremental/checks.json")));

        // An include the unchanged article reaches now includes a file that does not exist, then it does.
        repo.file("includes/steps.md", "1. Restart the machine.\n\n[!INCLUDE [More](more.md)]\n");
        List<String> missing = generateAndCompare(repo);
        assertTrue(missing.stream().anyMatch(p -> p.contains("[include/missing]")), missing.toString());
        repo.file("includes/more.md", "2. Wait.\n");
        assertFalse(generateAndCompare(repo).stream().anyMatch(p -> p.contains("[include/missing]")));

        // The include goes away altogether.
        Files.delete(repo.root().resolve("includes/more.md"));
        Files.delete(repo.root().resolve("includes/steps.md"));
        assertTrue(generateAndCompare(repo).stream().anyMatch(p -> p.contains("articles/compute/a.md") && p.contains("[include/missing]")));

        // Another article takes an unchanged article's id; then the problem is fixed.
        repo.file("articles/compute/d.md", article("c", "\n# D\n"));
        assertTrue(generateAndCompare(repo).stream().anyMatch(p -> p.contains("[article-id/duplicate]")));
        repo.file("articles/compute/d.md", article("d", "\n# D\n"));
        generateAndCompare(repo);

        // The unchanged article's problem is fixed; the severities change.
        repo.file("articles/compute/b.md", article("b", "\n# B\n"));
        generateAndCompare(repo);
        List<String> warned = generateAndCompare(repo, b -> b.severities(List.of("image/missing-alt=error")));
        assertTrue(warned.stream().anyMatch(p -> p.contains("error [image/missing-alt]")), warned.toString());
        generateAndCompare(repo);
    }

    @Test
    void anArticleWhoseFileWasNotTouchedIsNotReadAgainAndATouchedOneIs() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/compute/a.md", article("a", "\n# A\n"))
                .file("articles/compute/b.md", article("b", "\nNo heading.\n"));
        Path b = repo.root().resolve("articles/compute/b.md");
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        // Files changed in the last two seconds are always read (their times tick too coarsely to trust).
        Files.setLastModifiedTime(repo.root().resolve("articles/compute/a.md"), old);
        Files.setLastModifiedTime(b, old);
        assertEquals(1, generateAndCompare(repo).size());

        // Same size, same time, same file: taken as unchanged without being read, as make and git take it.
        Files.writeString(b, Files.readString(b).replace("No heading.", "# Heading 1"));
        Files.setLastModifiedTime(b, old);
        List<String> stale = ContentRepo.allProblems(CertDocs.generate(config(repo).build(), BuildLog.SILENT).validation());
        assertEquals(1, stale.size(), "the untouched stamp was trusted: " + stale);

        Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-01-02T03:04:06Z")));
        assertEquals(List.of(), generateAndCompare(repo), "a touched file is read again");
    }

    @Test
    void theLinksOfAnUnchangedArticleComeFromTheCacheAndAreCheckedAgainstWhatChangedAroundThem() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/compute/a.md", everywhere("a", """

                        # A

                        See [b](b.md#steps) and [c](c.md).

                        ::: cloud include="fairfax"
                        [only in fairfax](c.md#gov)
                        ::: cloud-end
                        """))
                .file("articles/compute/b.md", everywhere("b", "\n# B\n\n## Steps\n"))
                .file("articles/compute/c.md", everywhere("c", "\n# C\n\n## Gov\n"));
        Path a = repo.root().resolve("articles/compute/a.md");
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(a, old);
        UnaryOperator<BuildConfig.Builder> clouds = b -> b.clouds(List.of("public", "fairfax"));
        assertEquals(List.of(), generateAndCompare(repo, clouds));
        assertTrue(Files.readString(repo.root().resolve("target/certdocs/incremental/checks.json")).contains("\"links\""));

        // The targets change; the linking article does not: its cached links are checked against them.
        repo.file("articles/compute/b.md", everywhere("b", "\n# B\n\n## Other steps\n"));
        repo.file("articles/compute/c.md", everywhere("c", "\n# C\n\n## Public\n"));
        assertEquals(List.of(
                "articles/compute/a.md:16:5: error [link/missing-anchor] no heading or anchor '#steps' in articles/compute/b.md",
                "articles/compute/a.md:19:1: error [link/missing-anchor] no heading or anchor '#gov' in articles/compute/c.md"),
                generateAndCompare(repo, clouds));

        // The linking article changes without its stamp changing: its links are not read again.
        Files.writeString(a, Files.readString(a).replace("[c](c.md)", "[x](x.md)"));
        Files.setLastModifiedTime(a, old);
        List<String> stale = ContentRepo.allProblems(CertDocs.generate(clouds.apply(config(repo)).build(), BuildLog.SILENT)
                .validation());
        assertFalse(stale.stream().anyMatch(p -> p.contains("x.md")), "the cached links were used: " + stale);
    }

    @Test
    void aCacheFileThatCannotBeReadIsIgnored() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo")).file("articles/compute/b.md", article("b", "\nNo heading.\n"));
        generateAndCompare(repo);
        Files.writeString(repo.root().resolve("target/certdocs/incremental/checks.json"), "{\"fingerprint\": [");
        assertEquals(1, generateAndCompare(repo).size());
    }
}
