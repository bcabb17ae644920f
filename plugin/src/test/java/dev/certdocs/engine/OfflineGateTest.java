package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.support.BuildLog;
import dev.certdocs.config.CloudSettings;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} is the one offline gate: the link checks that need no network are part of it,
 * {@code check-links} after it in the same build adds only what needs the network, and an
 * air-gapped cloud that has its own documentation host sends public documentation links there.
 */
class OfflineGateTest {

    @TempDir
    Path dir;

    private ContentRepo repo() {
        return ContentRepo.in(dir)
                .file("articles/compute/a.md", ArticleText.generic("a").body("\n# A\n\nSee [b](b.md) and [ok](c.md#c).\n"))
                .file("articles/compute/c.md", ArticleText.generic("c").body("\n# C\n"));
    }

    private static final String BROKEN = "articles/compute/a.md:16:5: error [link/broken-internal] link target 'b.md' does not"
            + " exist (looked for articles/compute/b.md), did you mean 'a.md'?";

    @Test
    void validateReportsABrokenLinkAtItsLineWithoutRenderingAnything() {
        assertEquals(List.of(BROKEN), ContentRepo.allProblems(repo().validate()));
        assertFalse(Files.exists(dir.resolve("target/certdocs/site")));
    }

    @Test
    void checkLinksOnItsOwnReportsTheSameOfflineProblems() {
        var result = repo().checkLinks(b -> b, () -> {
            throw new AssertionError("no external link: no external checker");
        }, BuildLog.SILENT);
        assertEquals(List.of(BROKEN), ContentRepo.problems(result));
        assertTrue(result.failed());
    }

    @Test
    void checkLinksAfterValidateInTheSameBuildDoesNotReportThemTwice() {
        ContentRepo repo = repo();
        List<String> infos = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void error(String message) {
            }
        };
        LinkCheckResult result = CertDocs.checkLinks(dev.certdocs.config.BuildConfig.builder(repo.root())
                .reportsDirectory(repo.root().resolve("target/certdocs")).threads(2).build(), log, () -> {
                    throw new AssertionError("no external link: no external checker");
                }, true);
        assertEquals(List.of(), ContentRepo.problems(result));
        assertFalse(result.failed());
        assertTrue(infos.contains("1 problem found without the network (paths, anchors, clouds, air-gapped hosts, syntax)"
                + " was reported by validate in this build and is not repeated here"), infos.toString());
        assertEquals(2, result.counts().internalOk() + result.counts().internalBroken(), "the table still counts every link");
    }

    @Test
    void aLinkInAnIncludeIsReportedOnceAtItsLineWithTheIncludingArticlesAsRelatedLocationsInSarif() throws IOException {
        ContentRepo repo = ContentRepo.in(dir)
                .file("includes/note.md", "See [the docs](https://learn.microsoft.com/azure/).\n")
                .file("articles/compute/a.md", ArticleText.generic("a").set("cloudEnvironments", "public, usnat, ussec")
                        .body("\n# A\n\n[!INCLUDE [note](../../includes/note.md)]\n"))
                .file("articles/compute/b.md", ArticleText.generic("b").set("cloudEnvironments", "usnat")
                        .body("\n# B\n\nText.\n\n[!INCLUDE [note](../../includes/note.md)]\n"));

        var result = repo.validate();

        assertEquals(List.of("includes/note.md:1:5: error [link/air-gapped] https://learn.microsoft.com/azure/ cannot be"
                + " reached from usnat, ussec: its host learn.microsoft.com is not the cloud's portal or documentation host"
                + " nor on its allowedHosts"), ContentRepo.allProblems(result));
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("target/certdocs/certdocs.sarif").toFile());
        JsonNode related = sarif.at("/runs/0/results/0/relatedLocations");
        assertEquals(2, related.size(), related.toString());
        assertEquals("articles/compute/a.md", related.at("/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(16, related.at("/0/physicalLocation/region/startLine").asInt());
        assertEquals("articles/compute/b.md", related.at("/1/physicalLocation/artifactLocation/uri").asText());
        assertEquals(18, related.at("/1/physicalLocation/region/startLine").asInt());
    }

    @Test
    void anAirGappedCloudWithItsOwnDocumentationHostSendsPublicDocumentationLinksThere() throws IOException {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/a.md", ArticleText.generic("a").set("cloudEnvironments", "public, usnat")
                        .body("\n# A\n\nSee [the docs](https://learn.microsoft.com/en-us/azure/vm) and"
                                + " [old docs](https://docs.microsoft.com/azure/x) in [the portal](https://portal.azure.com/#home).\n"));
        List<CloudSettings> usnat = List.of(new CloudSettings("usnat", null, "https://portal.usnat.contoso.gov",
                "https://learn.usnat.contoso.gov/", null, null, null, null, null));

        GenerateResult result = repo.generate(b -> b.cloudSettings(usnat));

        assertFalse(result.failed(), result.reason() + ": " + ContentRepo.allProblems(result.validation()));
        assertEquals(List.of(), ContentRepo.allProblems(result.validation()));
        String page = Files.readString(repo.siteDirectory().resolve("usnat/1.0.0/compute/a.html"));
        assertTrue(page.contains("href=\"https://learn.usnat.contoso.gov/en-us/azure/vm\""), page);
        assertTrue(page.contains("href=\"https://learn.usnat.contoso.gov/azure/x\""), page);
        assertTrue(page.contains("href=\"https://portal.usnat.contoso.gov/#home\""), page);
        String publicPage = Files.readString(repo.siteDirectory().resolve("public/1.0.0/compute/a.html"));
        assertTrue(publicPage.contains("href=\"https://learn.microsoft.com/en-us/azure/vm\""), publicPage);
    }

    @Test
    void explicitRewritesReplaceTheDefaultOnes() {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/a.md", ArticleText.generic("a").set("cloudEnvironments", "usnat")
                        .body("\n# A\n\nSee [the docs](https://learn.microsoft.com/en-us/azure/vm).\n"));
        List<CloudSettings> usnat = List.of(new CloudSettings("usnat", null, null, "https://learn.usnat.contoso.gov",
                null, List.of("https://example.com -> https://example.usnat.contoso.gov"), null, null, null));

        assertEquals(List.of("articles/compute/a.md:16:5: error [link/air-gapped] https://learn.microsoft.com/en-us/azure/vm"
                + " cannot be reached from usnat: its host learn.microsoft.com is not the cloud's portal or documentation"
                + " host nor on its allowedHosts"), ContentRepo.allProblems(repo.validate(b -> b.cloudSettings(usnat))));
    }
}
