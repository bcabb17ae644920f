package dev.certdocs.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.model.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown each goal appends to GitHub's job summary. */
class JobSummaryTest {

    @Test
    void countsProblemsByRuleAndListsThemWithTheirPositions() {
        assertEquals("""
                ### ❌ certdocs validate

                4 articles, 1 error, 2 warnings, 1 note (1 more in the baseline) in 0.42 s

                | rule | errors | warnings | notes |
                |---|---:|---:|---:|
                | `cloud/unknown` | 1 | 0 | 0 |
                | `field/unknown` | 0 | 1 | 0 |
                | `html/unsafe` | 0 | 1 | 0 |
                | `image/missing-alt` | 0 | 0 | 1 |

                Problems (all of them in the SARIF, JUnit and HTML reports):

                - `articles/compute/vm-start.md:7:2` warning `field/unknown` unknown attribute 'supportToicIds', did you mean 'supportTopicIds'?
                - `articles/compute/vm-start.md:9:29` error `cloud/unknown` unknown cloud 'fairfx' in cloudEnvironments, did you mean 'fairfax'?
                - `articles/network/vpn gateway.md:20:1` warning `html/unsafe` removed &lt;script&gt;alert("x") & more&lt;/script&gt; from the page
                - `articles/network/vpn gateway.md:24:3` note `image/missing-alt` image 'diagram.png' has no alternative text

                """, JobSummary.markdown(ReportsTest.run(), "article", List.of()));
    }

    @Test
    void listsTheFirstTwentyProblemsAndTheGoalsTable() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(new Finding(Diagnostic.of(Rules.LINK_BROKEN_INTERNAL, new SourcePosition("articles/a.md", i, 1),
                    "broken [link](x) | *" + i + "*"), false));
        }
        String md = JobSummary.markdown(new RunSummary("check-links", "1", List.of("articles/a.md"), many, Rules.ALL,
                Duration.ZERO), "article", List.of("Link results:", "  ok       3", "  broken  25"));
        assertTrue(md.startsWith("### ❌ certdocs check-links\n\n1 article, 25 errors, 0 warnings in 0.00 s\n\n"), md);
        assertTrue(md.contains("| `link/broken-internal` | 25 | 0 | 0 |\n"), md);
        assertTrue(md.contains("First 20 of 25 problems"), md);
        assertTrue(md.contains("- `articles/a.md:20:1` error `link/broken-internal` broken \\[link\\](x) \\| \\*20\\*\n"), md);
        assertTrue(!md.contains("articles/a.md:21:1"), md);
        assertTrue(md.endsWith("```\nLink results:\n  ok       3\n  broken  25\n```\n\n"), md);
    }

    @Test
    void aCleanRunIsOneLineUnderItsHeading() {
        String md = JobSummary.markdown(new RunSummary("validate", "1", List.of("a.md", "b.md"), List.of(), Rules.ALL,
                Duration.ofMillis(10)), "article", List.of());
        assertEquals("### ✅ certdocs validate\n\n2 articles, 0 errors, 0 warnings in 0.01 s\n\n", md);
    }

    @Test
    void eachRunAppendsItsOwnSection(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("step-summary.md");
        Files.writeString(file, "# Earlier step\n\n");
        RunSummary clean = new RunSummary("validate", "1", List.of("a.md"), List.of(), Rules.ALL, Duration.ZERO);
        JobSummary.append(file, clean, "article", List.of());
        JobSummary.append(file, ReportsTest.run(), "article", List.of());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# Earlier step\n\n### ✅ certdocs validate\n"), text);
        assertTrue(text.contains("\n### ❌ certdocs validate\n"), text);
    }
}
