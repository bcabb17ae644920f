package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.BuildLog;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Includes nest at most 16 levels and add at most 4 MiB to a page, the same limits in validate,
 * check-links and generate: a crossing is an error at the directive that crosses it, never a page
 * cut short in silence, and measuring includes costs the size of the include graph, not the number
 * of paths through it. (The timeouts only guard against a hang; no test measures time.)
 */
class IncludeLimitsTest {

    @TempDir
    Path dir;

    /** An article including chain-1.md, which includes chain-2.md, … down to chain-{@code length}.md. */
    private ContentRepo chain(int length) {
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/chain.md", ArticleText.generic("chain")
                .body("\n# Chain\n\n[!INCLUDE [level 1](../../includes/chain-1.md)]\n"));
        for (int i = 1; i <= length; i++) {
            repo.file("includes/chain-" + i + ".md", "Level " + i + " text.\n"
                    + (i < length ? "\n[!INCLUDE [level " + (i + 1) + "](chain-" + (i + 1) + ".md)]\n" : ""));
        }
        return repo;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aChainOfAThousandIncludesIsAnErrorAtTheSeventeenthLevel() {
        ContentRepo repo = chain(1000);
        assertEquals(List.of("includes/chain-16.md:3:1: error [include/too-deep] include 'chain-17.md' would be level 17"
                + " of nested includes; at most 16 are allowed, and nothing deeper is inlined"),
                ContentRepo.allProblems(repo.validate()));
        GenerateResult refused = repo.generate(b -> b);
        assertTrue(refused.failed(), "generate does not publish a page cut short");
        assertEquals(List.of(), ContentRepo.problems(repo.checkLinks(b -> b.links(offline(repo.root())), () -> null,
                BuildLog.SILENT)));
    }

    @Test
    void sixteenLevelsOfIncludesRenderInFull() {
        ContentRepo repo = chain(16);
        assertEquals(List.of(), ContentRepo.allProblems(repo.validate()));
        GenerateResult generated = repo.generate(b -> b);
        assertFalse(generated.failed(), generated.reason());
        String text = GeneratedSite.at(repo.siteDirectory()).page("public/1.0.0/compute/chain.html").text();
        assertTrue(text.contains("Level 16 text."), text);
    }

    @Test
    void seventeenLevelsAreAnErrorAndAForcedPageShowsTheSixteenValidationAllowed() {
        ContentRepo repo = chain(17);
        assertEquals(List.of("includes/chain-16.md:3:1: error [include/too-deep] include 'chain-17.md' would be level 17"
                + " of nested includes; at most 16 are allowed, and nothing deeper is inlined"),
                ContentRepo.allProblems(repo.validate()));
        GenerateResult forced = repo.generate(b -> b.force(true));
        assertFalse(forced.failed(), forced.reason());
        String text = GeneratedSite.at(repo.siteDirectory()).page("public/1.0.0/compute/chain.html").text();
        assertTrue(text.contains("Level 16 text.") && !text.contains("Level 17 text."), text);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void elevenFilesEachIncludingTheNextTenTimesAreMeasuredOnceEach() {
        // Ten levels of ten-fold fan-out: ten billion paths; what they would add is far past 4 MiB.
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/fan.md", ArticleText.generic("fan")
                .body("\n# Fan\n\n[!INCLUDE [level 0](../../includes/fan-0.md)]\n"));
        for (int i = 0; i <= 10; i++) {
            repo.file("includes/fan-" + i + ".md", "Level " + i + " text.\n\n"
                    + (i < 10 ? ("[!INCLUDE [next](fan-" + (i + 1) + ".md)]\n\n").repeat(10) : ""));
        }
        List<String> problems = ContentRepo.allProblems(repo.validate());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("includes/fan-\\d+\\.md:\\d+:1: error \\[include/too-large] with 'fan-\\d+\\.md',"
                + " includes would add more than 4194304 characters \\(4 MiB\\) of text to the page; nothing from here on"
                + " is inlined"), problems.get(0));

        GenerateResult forced = repo.generate(b -> b.force(true));
        assertFalse(forced.failed(), forced.reason());
        String text = GeneratedSite.at(repo.siteDirectory()).page("public/1.0.0/compute/fan.html").text();
        assertTrue(text.contains("Level 10 text."), "inlined down to the last level, up to the limit");
        assertTrue(text.length() < 8 << 20, "and no further");
        assertEquals(List.of(), ContentRepo.problems(repo.checkLinks(b -> b.links(offline(repo.root())), () -> null,
                BuildLog.SILENT)));
    }

    private static LinkSettings offline(Path root) {
        LinkSettings d = LinkSettings.defaults(root.resolve("target/certdocs"));
        return new LinkSettings(true, true, 64, 8, d.hostInterval(), d.connectTimeout(), d.timeout(), 3,
                d.maxRetryWait(), 10, d.maxBodyBytes(), d.cacheTtl(), d.cacheFile(), false, List.of(), List.of(), Map.of(),
                Map.of(), d.userAgent(), false, false);
    }
}
