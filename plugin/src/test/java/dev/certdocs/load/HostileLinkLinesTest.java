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
    void aLineOfWwwDotsIsOneAutolink() {
        String line = "www.".repeat(10_000) + "example";
        assertEquals(List.of("http://" + line), light(line).links().stream().map(l -> l.target()).toList());
        String shorter = "www.".repeat(500) + "example";
        assertEquals(LightLinkScanProperties.format(full(shorter)), LightLinkScanProperties.format(light(shorter)));
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
