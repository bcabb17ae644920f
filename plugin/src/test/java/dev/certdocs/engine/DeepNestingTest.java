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
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Markdown nested ten thousand levels deep, of every construct, is an error that validation
 * reports where the limit is crossed, and no goal overflows its stack on it: generate (forced)
 * renders the page up to that line, check-links checks the links before it.
 */
class DeepNestingTest {

    private static final int DEEP = 10_000;

    /** Each construct, nested {@code n} levels deep on one line (or, for indented lists, n lines). */
    private static final Map<String, IntFunction<String>> CONSTRUCTS = Map.ofEntries(
            Map.entry("quotes", n -> ">".repeat(n) + " deep\n"),
            Map.entry("bullets", n -> "- ".repeat(n) + "deep\n"),
            Map.entry("numbers", n -> "1. ".repeat(n) + "deep\n"),
            Map.entry("indented", n -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) sb.append("  ".repeat(i)).append("- item\n");
                return sb.toString();
            }),
            Map.entry("emphasis", n -> nested(n, "*", "_")),
            Map.entry("strong", n -> nested(n, "**", "__")),
            Map.entry("strikethrough", n -> nested(n, "~~", "*")),
            Map.entry("stars", n -> "*".repeat(n) + "a" + "*".repeat(n) + "\n"),
            Map.entry("images", n -> "![".repeat(n) + "x" + "](a.png)".repeat(n) + "\n"),
            Map.entry("links", n -> "[".repeat(n) + "x" + "](a.md)".repeat(n) + "\n"),
            Map.entry("linkedImages", n -> "[![".repeat(n) + "x" + "](a.png)](a.md)".repeat(n) + "\n"),
            Map.entry("divs", n -> "<div>".repeat(n) + "x" + "</div>".repeat(n) + "\n"),
            Map.entry("divLines", n -> "<div>\n".repeat(n) + "x\n" + "</div>\n".repeat(n)),
            Map.entry("spans", n -> "a " + "<span>".repeat(n) + "x" + "</span>".repeat(n) + "\n"),
            Map.entry("tableInQuotes", n -> ">".repeat(n) + " | a | b |\n" + ">".repeat(n) + " |---|---|\n"
                    + ">".repeat(n) + " | c | d |\n"),
            Map.entry("tableInList", n -> "- ".repeat(n) + "x\n\n" + " ".repeat(2 * n) + "| a | b |\n"
                    + " ".repeat(2 * n) + "|---|---|\n" + " ".repeat(2 * n) + "| c | d |\n"),
            Map.entry("headingInQuotes", n -> ">".repeat(n) + " # head *x*\n"),
            // not nesting, but flexmark's and our patterns recurse once per repetition on such lines
            Map.entry("ruleMarks", n -> "** " + "* ".repeat(n) + "text*\n"),
            Map.entry("underscores", n -> "_ ".repeat(n) + "\n"),
            Map.entry("attributes", n -> "x <a" + " b=\"c\"".repeat(n) + "> y\n"));

    @TempDir
    Path dir;

    /** {@code n} openers alternating {@code a} and {@code b}, some text, and the closers. */
    private static String nested(int n, String a, String b) {
        StringBuilder open = new StringBuilder("x ");
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String d = i % 2 == 0 ? a : b;
            open.append(d).append("a ");
            close.insert(0, " a" + d);
        }
        return open + "mid" + close + "\n";
    }

    private ContentRepo deep(String construct) {
        return ContentRepo.in(dir).file("articles/compute/deep.md", ArticleText.generic("deep")
                .body("\n# Deep\n\nBefore the deep part, see [the other page](other.md).\n\n"
                        + CONSTRUCTS.get(construct).apply(DEEP)))
                .file("articles/compute/other.md", ArticleText.generic("other").body("\n# Other\n"));
    }

    @Test
    void reportsDeepBlockQuotesAtTheMarkerThatCrossesTheLimit() {
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/deep.md", ArticleText.generic("deep")
                .body("\n# Deep\n\n" + ">".repeat(1000) + " deep\n"));
        assertEquals(List.of("articles/compute/deep.md:16:33: error [body/too-deep] Markdown nests more than 32 levels"
                + " deep here (block quotes, list items, emphasis and link brackets count together), or repeats one mark too often on a line; the page shows"
                + " nothing from this line on"), ContentRepo.allProblems(repo.validate()));
    }

    @Test
    void thirtyTwoLevelsAreAllowed() {
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/deep.md", ArticleText.generic("deep")
                .body("\n# Deep\n\n" + "> ".repeat(16) + "- ".repeat(8) + "*a _b **c __d ~~e [f](deep.md) [![g](g.png)](deep.md)"
                        + " e~~ d__ c** b_ a*\n")).file("articles/compute/g.png", "not read");
        assertEquals(List.of(), ContentRepo.allProblems(repo.validate()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotes", "bullets", "numbers", "indented", "emphasis", "strong", "strikethrough", "stars",
        "images", "links", "linkedImages", "divs", "divLines", "spans", "tableInQuotes", "tableInList", "headingInQuotes",
        "ruleMarks", "underscores", "attributes"})
    void noGoalOverflowsItsStackOnDeepNesting(String construct) {
        ContentRepo repo = deep(construct);
        List<String> problems = ContentRepo.allProblems(repo.validate());
        boolean flatForFlexmark = construct.startsWith("div") || construct.equals("spans");
        assertEquals(!flatForFlexmark, problems.stream().anyMatch(p -> p.contains("[body/too-deep]")), problems.toString());

        GenerateResult generated = repo.generate(b -> b.force(true));
        assertFalse(generated.failed(), generated.reason());
        var page = GeneratedSite.at(repo.siteDirectory()).page("public/1.0.0/compute/deep.html");
        if (construct.equals("attributes")) {
            // A tag with ten thousand attributes: flexmark's HTML pattern fails on the whole page, which says so.
            assertTrue(page.text().contains("This page is not shown: its Markdown is too complex to read."), page.text());
        } else {
            assertTrue(page.text().contains("Before the deep part"), "the page shows what comes before the deep line");
            assertEquals(!flatForFlexmark, page.text().contains("The rest of this page is not shown: its Markdown nests"
                    + " more than 32 levels deep."), "and says where it stops");
        }

        LinkCheckResult links = repo.checkLinks(b -> b.links(offline(repo.root())), () -> null, BuildLog.SILENT);
        // (where flexmark cannot read the page at all, there are no links to check: validation said why)
        assertEquals(construct.equals("attributes") ? 0 : 1, links.counts().internalOk(),
                "the link before the deep line is checked, and found");
    }

    private static LinkSettings offline(Path root) {
        LinkSettings d = LinkSettings.defaults(root.resolve("target/certdocs"));
        return new LinkSettings(true, true, 64, 8, d.hostInterval(), d.connectTimeout(), d.timeout(), 3,
                d.maxRetryWait(), 10, d.maxBodyBytes(), d.cacheTtl(), d.cacheFile(), false, List.of(), List.of(), Map.of(),
                Map.of(), d.userAgent(), false, false);
    }
}
