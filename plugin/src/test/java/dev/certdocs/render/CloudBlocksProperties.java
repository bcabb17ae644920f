package dev.certdocs.render;

import dev.certdocs.load.Includes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * On articles made at random from lines authors write around cloud blocks (paragraphs, lists of
 * both kinds and their continuation lines, indented code, quotes, tables, fences open and closed,
 * HTML blocks and comments, headings and setext underlines, reference definitions and uses,
 * variables, includes, cloud blocks opened, closed, nested, stray), every cloud's HTML from the
 * pieces ({@link CloudBlocks}) is the HTML of its whole Markdown, or the pieces are refused.
 */
class CloudBlocksProperties {

    private static final List<String> LINES = List.of(
            "", "", "", "", "", "",
            "::: cloud include=\"public\"", "::: cloud include=\"public,fairfax\"", "::: cloud exclude=\"public\"",
            "::: cloud include=\"mooncake,usnat\"", "::: cloud-end", "::: cloud-end", "::: cloud-end",
            "Plain text in {{cloud.name}}.", "Open [the portal]({{cloud.portalUrl}}) now.", "Call {{cloud.phone}} today.",
            "A sentence.", "Another *emphasised* line", "Text with `code` and a [link](https://example.com).",
            "- bullet", "* star bullet", "+ plus bullet", "1. ordered", "2) ordered paren", "10. ten",
            "  continuation, two spaces", "   three spaces", "    indented code", "\tindented by a tab",
            "> quoted", ">", "> > nested quote", "> [!NOTE]",
            "| a | b |", "|---|---|", "| 1 | 2 |", "a | b",
            "```", "```bash", "~~~", "````",
            "<div>", "</div>", "<!--", "-->", "<pre>", "</pre>", "<p>raw</p>", "<script>", "</script>",
            "# Heading", "## Heading {{cloud.name}}", "===", "---", "***", "___",
            "[ref]: https://example.com/ref", "See [the reference][ref].", "[ref]", "[^1]: footnote",
            "[!INCLUDE [note](../includes/note.md)]", "- [ ] task", "- [x] done",
            "Qcdb7x0z", "https://example.com/bare", "www.example.com", "<https://example.com>",
            "Line with trailing spaces  ", "\\", "   - indented bullet", "  ::: cloud include=\"public\"",
            "  ::: cloud-end");

    /** Lines that leave a block alone more often: no fences, HTML, references, stray cloud lines. */
    private static final List<String> TAME = List.of(
            "", "", "", "", "Plain text in {{cloud.name}}.", "Open [the portal]({{cloud.portalUrl}}) now.",
            "Call {{cloud.phone}} today.", "A sentence.", "Another *emphasised* line", "Text with `code`.",
            "- bullet", "* star bullet", "1. ordered", "2) ordered paren", "  continuation, two spaces",
            "    indented code", "> quoted", "| a | b |", "|---|---|", "| 1 | 2 |", "# Heading",
            "## Heading {{cloud.name}}", "===", "---", "- [ ] task", "https://example.com/bare");

    private final MarkdownHtml markdown = new MarkdownHtml();
    private final CloudPreprocessor preprocessor;
    private final CloudMarkdown shared;

    CloudBlocksProperties() throws Exception {
        Path repo = Files.createTempDirectory("certdocs-cloud-blocks");
        String note = "::: cloud include=\"public\"\nOnly public.\n::: cloud-end\n\nEverywhere.\n";
        Files.createDirectories(repo.resolve("includes"));
        Files.writeString(repo.resolve("includes/note.md"), note);
        preprocessor = new CloudPreprocessor(new Includes(repo), p -> p.equals("includes/note.md") ? note : "", CloudBlocksTest.KNOWN);
        shared = new CloudMarkdown(markdown, preprocessor);
    }

    @Provide
    Arbitrary<String> bodies() {
        return bodies(LINES);
    }

    @Provide
    Arbitrary<String> tameBodies() {
        return bodies(TAME);
    }

    private static Arbitrary<String> bodies(List<String> lines) {
        Arbitrary<String> line = Arbitraries.of(lines);
        // Blocks with a blank line around them, so that many articles are split.
        Arbitrary<String> block = Arbitraries.of(lines).list().ofMinSize(1).ofMaxSize(5).flatMap(inner -> Arbitraries.of(
                "::: cloud include=\"public\"", "::: cloud exclude=\"public,fairfax\"", "::: cloud include=\"usnat,ussec,mooncake\"")
                .map(open -> "\n" + open + "\n" + String.join("\n", inner) + "\n::: cloud-end\n"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, line),
                net.jqwik.api.Tuple.of(1, block)).list().ofMinSize(1).ofMaxSize(30)
                .map(picked -> String.join("\n", picked) + "\n");
    }

    @Property(tries = 3000)
    void piecesGiveTheWholeHtmlOrAreRefused(@ForAll("bodies") String body) {
        int spliced = CloudBlocksTest.check(markdown, preprocessor, shared, body);
        Statistics.collect(spliced == 0 ? "rendered whole" : "spliced");
        Statistics.coverage(checker -> checker.check("spliced").percentage(p -> p >= 3));
    }

    @Property(tries = 2000)
    void tamePiecesGiveTheWholeHtmlOrAreRefused(@ForAll("tameBodies") String body) {
        int spliced = CloudBlocksTest.check(markdown, preprocessor, shared, body);
        Statistics.collect(spliced == 0 ? "rendered whole" : "spliced");
        // The rule must leave something to share.
        Statistics.coverage(checker -> checker.check("spliced").percentage(p -> p >= 30));
    }
}
