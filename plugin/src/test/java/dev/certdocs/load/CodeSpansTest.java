package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline code spans are masked as CommonMark reads them, in time linear in the line. */
class CodeSpansTest {

    @Test
    void aSpanClosesAtTheNextRunOfTheSameLength() {
        assertEquals("see " + " ".repeat(8) + " here", InlineText.maskCodeSpans("see `[x](y)` here"));
        assertEquals("a " + " ".repeat(9) + " b", InlineText.maskCodeSpans("a ``x ` y`` b"));
        assertEquals("``a   c```", InlineText.maskCodeSpans("``a`b`c```"), "`` and ``` are no pair; `b` is a span");
    }

    @Test
    void aRunNoLaterRunMatchesIsText() {
        assertEquals("``` [x](y) `", InlineText.maskCodeSpans("``` [x](y) `"));
        assertEquals("no code", InlineText.maskCodeSpans("no code"));
    }

    @Test
    void aLineOfThousandsOfUnmatchedBackticksIsReadAtOnce(@TempDir Path dir) {
        // With a back-reference pattern an unmatched run took time cubic in its length: 1.1 s for
        // 800 backticks, about 7 minutes for these 6,000.
        String hostile = "See " + "`".repeat(6000) + " x [link](missing.md)";
        assertEquals(hostile, InlineText.maskCodeSpans(hostile));
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/a.md", ArticleText.generic("a")
                .body("\n# A\n\n" + hostile + "\n"));
        List<String> problems = ContentRepo.allProblems(repo.validate());
        assertEquals(1, problems.stream().filter(p -> p.contains("[link/broken-internal]")).count(), problems.toString());
    }
}
