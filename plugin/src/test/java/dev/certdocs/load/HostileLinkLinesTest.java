package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.SchemaLoader;
import dev.certdocs.model.PageLinks;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines made to make a link scan backtrack or rescan: each is read in one pass (the timeouts only
 * guard against a hang; a quadratic scan of these 40 KB lines takes minutes), finds what a full
 * flexmark parse finds on a shorter line of the same kind, and validate reports on them normally.
 */
class HostileLinkLinesTest {

    @TempDir
    Path repo;

    private PageLinks light(String body) {
        return new LinkScanner(new Includes(repo)).article(loaded(body));
    }

    private PageLinks full(String body) {
        return new FlexmarkLinkScanner(new Includes(repo)).article(loaded(body));
    }

    private ArticleLoader.Loaded loaded(String body) {
        String text = ArticleText.generic("a1").body("\n# T\n\n" + body + "\n").text();
        return new ArticleLoader(repo, SchemaLoader.load(Optional.empty()))
                .parse("articles/a.md", repo.resolve("articles/a.md"), text);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aLineOfWwwDotsPastTheLimitIsNotReadForLinks() {
        String line = "www.".repeat(10_000) + "example";
        assertEquals(List.of(), light(line).links().stream().map(l -> l.target()).toList());
        String atTheLimit = "www.".repeat(AutolinkGate.MAX_RUN / 4 - 2) + "example";
        assertEquals(List.of("http://" + atTheLimit), light(atTheLimit).links().stream().map(l -> l.target()).toList());
        for (String l : List.of(atTheLimit, atTheLimit + "x", "www.".repeat(500) + "example")) {
            assertEquals(LightLinkScanProperties.format(full(l)), LightLinkScanProperties.format(light(l)), l);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void linesPastTheOtherLimitsAreNotReadForLinksEither() {
        String references = "https://example.com/?" + "a=1&amp;".repeat(AutolinkGate.MAX_REFERENCES) + "z=2";
        String escapes = "\\*".repeat(AutolinkGate.MAX_ESCAPES) + " www.example.com";
        for (String l : List.of(references, references.replace("z=2", "&amp;z=2"), escapes, "\\*" + escapes,
                "x&amp; ".repeat(500) + "https://example.com", "&#64;&#58;//&#119;ww.".repeat(500))) {
            assertEquals(LightLinkScanProperties.format(full(l)), LightLinkScanProperties.format(light(l)), l);
        }
        assertEquals(1, light(references).links().size());
        assertEquals(0, light(references.replace("z=2", "&amp;z=2")).links().size());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void deepAndUnclosedBracketsAreText() {
        for (String unit : List.of("[", "![", "[a](", "](", "[a][", "<a ", "a@", "http://", "<", "*_")) {
            String line = unit.repeat(40_000 / unit.length()) + " [after](after.md)";
            PageLinks page = light(line);
            String shorter = unit.repeat(400 / unit.length()) + " [after](after.md)";
            assertEquals(LightLinkScanProperties.format(full(shorter)), LightLinkScanProperties.format(light(shorter)), unit);
            assertEquals(true, page.links().size() <= 1 + line.length() / unit.length(), unit);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void validateReadsAHostileLineAndTheLinksBeforeIt(@TempDir Path dir) {
        String hostile = "www.".repeat(10_000) + " " + "[".repeat(20_000) + " " + "[a](".repeat(5_000);
        ContentRepo content = ContentRepo.in(dir).file("articles/compute/a.md", ArticleText.generic("a")
                .body("\n# A\n\nFirst [a broken link](missing.md).\n\n" + hostile + "\n"));
        List<String> problems = ContentRepo.allProblems(content.validate());
        assertEquals(1, problems.stream().filter(p -> p.contains("[link/broken-internal]")).count(), problems.toString());
    }
}
