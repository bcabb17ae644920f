package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.bench.SyntheticCorpus;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.model.PageLinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The links and anchors the loader finds in its one pass over the lines ({@link LinkScanner},
 * {@link LinkLines}) are the ones a full flexmark parse finds ({@link FlexmarkLinkScanner}, the
 * scan the link checks used before): the same targets, origins, reference labels, positions and
 * cloud blocks, and the same anchors with the same text, in the same order. Checked on every
 * article and include file of synthetic corpora (every kind, real-world content, the repository
 * shape, injected defects), and on articles made at random from the Markdown authors write:
 * paragraphs of links, images, references (defined before, after or not at all), autolinks, bare
 * URLs and e-mail addresses, emphasis, code spans, raw HTML inline and in blocks, headings of every
 * kind, quotes, lists, tables, fences, cloud blocks and includes.
 *
 * <p>What the light scan reads differently, and so what the generated articles leave out (each
 * is Markdown that real content does not hold, and each errs towards a link checked that the page
 * does not have, or a link text read as text): a link title or code span over several lines;
 * emphasis whose marks are on different lines (a bare URL before its closing mark); an HTML
 * heading whose text goes on past its line; a link destination over {@link LinkSyntax#MAX_DESTINATION}
 * characters; links inside links; a setext underline under a paragraph inside a list item; HTML
 * blocks inside list items; a line indented as code right after a list or quote without a
 * paragraph between (read as the list's); reference definitions with setext heading text right
 * under them (flexmark makes the definition part of the heading); a line without a '|' right under a
 * table (flexmark keeps or drops what is in it depending on the rest of the line).
 */
class LightLinkScanProperties {

    private static Path corpus;
    private static BuildConfig config;
    private static List<String> articles;
    private static List<String> includeFiles;

    @BeforeContainer
    static void writeCorpus() throws IOException {
        corpus = Files.createTempDirectory("certdocs-light-links");
        articles = new ArrayList<>();
        includeFiles = new ArrayList<>();
        SyntheticCorpus.Manifest m = new SyntheticCorpus(7, 400).withRealWorldContent().withDefects(0.25)
                .writeTo(corpus.resolve("a"));
        m.articles().forEach(a -> articles.add("a/" + a.path()));
        m.includeFiles().forEach(i -> includeFiles.add("a/" + i));
        SyntheticCorpus.Manifest shaped = new SyntheticCorpus(11, 400).withRepositoryShape().withRealWorldContent()
                .writeTo(corpus.resolve("b"));
        shaped.articles().forEach(a -> articles.add("b/" + a.path()));
        shaped.includeFiles().forEach(i -> includeFiles.add("b/" + i));
        config = BuildConfig.builder(corpus).reportsDirectory(corpus.resolve("target/reports")).threads(1).build();
    }

    @AfterContainer
    static void deleteCorpus() throws IOException {
        if (corpus == null) return;
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Example
    void corpusArticlesHaveTheLinksAFullParseFinds() {
        Includes includes = new Includes(corpus);
        ArticleLoader loader = new ArticleLoader(corpus, config.schema());
        LinkScanner light = new LinkScanner(includes);
        FlexmarkLinkScanner full = new FlexmarkLinkScanner(includes);
        for (String path : articles) {
            ArticleLoader.Loaded loaded = loader.load(path);
            assertEquals(format(full.article(loaded)), format(light.article(loaded)), path);
        }
        for (String path : includeFiles) {
            assertEquals(format(full.include(path)), format(light.include(path)), path);
        }
    }

    /**
     * Found by the property (seed -4271044002028096564): a setext heading that opens with an HTML
     * anchor and ends with an explicit id. Both anchors are at the heading's offset; the heading's
     * own comes first, whether it is its text or its {@code {#id}}.
     */
    @Example
    void aHeadingsExplicitIdComesBeforeAnHtmlAnchorAtItsStart() {
        generatedArticlesHaveTheLinksAFullParseFinds("Some text\n\n<a id=\"anchor\"></a> Some text {#not-an-id}\n---\n\n"
                + "<a id=\"inside\"></a> Heading text\n---\n");
    }

    /**
     * Found by the property in CI (December 5): a line that is lazy for the paragraph before it
     * (no {@code >} for a quote's paragraph, not indented for a list item's) may start an HTML
     * block that cannot interrupt a paragraph (an {@code <img>} alone): flexmark tries block
     * starts against the containers the line continues, and the paragraph is not one of them.
     * The text after it is then the HTML block's, not a link. Known and left: an HTML block
     * inside a quote ({@code > <img …>}) ends, in flexmark, at the next line without the quote's
     * {@code >}; the light scan keeps reading that line as the block's (the generator makes no
     * such line).
     */
    @Example
    void aLazyLineStartsAnHtmlBlockThatCannotInterruptAParagraph() {
        generatedArticlesHaveTheLinksAFullParseFinds("> A quote with [a link](q.md)\n<img src=\"media/i.png\" alt=\"i\"> \n"
                + "Some text [a link](target.md)\n");
        generatedArticlesHaveTheLinksAFullParseFinds("- item text\n<img src=\"x.png\">\nmore [l](t.md)\n");
        generatedArticlesHaveTheLinksAFullParseFinds("1. item text\n<img src=\"x.png\">\nmore [l](t.md)\n");
        generatedArticlesHaveTheLinksAFullParseFinds("> quote\n<span>x</span>\nmore [l](t.md)\n");
    }

    @Property(tries = 2000)
    void generatedArticlesHaveTheLinksAFullParseFinds(@ForAll("markdown") String body) {
        String text = "<properties pageTitle=\"T\" selfHelpType=\"generic\" cloudEnvironments=\"public\" />\n\n# T\n\n" + body;
        ArticleLoader.Loaded loaded = new ArticleLoader(corpus, config.schema())
                .parse("a/articles/generated.md", corpus.resolve("a/articles/generated.md"), text);
        Includes includes = new Includes(corpus);
        assertEquals(format(new FlexmarkLinkScanner(includes).article(loaded)),
                format(new LinkScanner(includes).article(loaded)), body);
    }

    /** Blocks of Markdown as authors write them, joined by one or two line breaks. */
    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> block = Arbitraries.oneOf(paragraph(), Arbitraries.of(BLOCKS));
        return block.list().ofMinSize(1).ofMaxSize(8).map(blocks -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                sb.append(blocks.get(i)).append(i % 3 == 2 ? "\n" : "\n\n");
            }
            return sb.toString();
        });
    }

    private Arbitrary<String> paragraph() {
        Arbitrary<String> piece = Arbitraries.of(INLINE);
        return piece.list().ofMinSize(1).ofMaxSize(10).map(pieces -> String.join("", pieces));
    }

    private static final String[] INLINE = {
        "Some text ", "more words. ", "\n", "\nnext line ", "[a link](target.md) ", "[with anchor](other.md#part) ",
        "![an image](media/x.png) ", "![titled](media/y.png \"A title\") ", "[titled](z.md 'single') ",
        "[ref link][ref] ", "[Ref][] ", "[ref] ", "[undefined][nowhere] ", "[none][] ", "[just brackets] ",
        "![image ref][img] ", "<https://auto.example/path> ", "<ops@contoso.com> ", "https://bare.example/a?b=c. ",
        "www.contoso.com, ", "see http://x.example/(paren) ", "mail support@contoso.com. ", "*emphasis* ",
        "**strong https://strong.example** ", "_under_score_ ", "snake_case_word ", "~~strike www.old.example~~ ",
        "`code [not](a link)` ", "``code ` tick`` ", "<b>bold</b> ", "<a href=\"html.md#x\">html</a> ",
        "<img src=\"media/i.png\" alt=\"i\"> ", "<a id=\"anchor\"></a> ", "<a name=\"named\"></a> ",
        "&amp; entity ", "\\[escaped\\] ", "\\*not emphasis\\* ", "[link with `code`](code.md) ",
        "[![nested image](media/n.png)](outer.md) ", "[{{cloud.name}} portal]({{cloud.portalUrl}}) ",
        "<https://learn.microsoft.com/en-us/azure/x> ", "https://contoso.sharepoint.com/sites/a/b ",
        "[a](<angle target.md>) ", "[a](<angle.md>) ", "[empty]() ", "(https://paren.example) ",
        "[text](https://learn.microsoft.com/en-us/azure/a \"Docs\") ", "a * b * c ", "5*3 ", "{#not-an-id} ",
    };

    private static final String[] BLOCKS = {
        "## A heading", "## Heading with [link](h.md) and `code`", "### Heading *emphasis* &amp; more {#custom}",
        "Setext heading\n---", "Setext *one*\n===", "#### Ends with hashes ##", "## Visit https://h.example now",
        "> ## Quoted heading", "> A quote with [a link](q.md)\n> and https://quoted.example", "> [!NOTE]\n> A note.",
        "- item [one](1.md)\n- item two https://two.example\n  continued", "1. Open [the portal](https://portal.azure.com).",
        "| Col | Link |\n|---|---|\n| a | [cell](cell.md) |\n| b | https://cell.example |\n",
        "```\n[fenced](no.md) https://no.example\n```", "~~~bash\nwww.no.example\n~~~", "Text.\n\n    [indented](no.md)",
        "<div>\n<a href=\"block.md\">block</a>\n[not a link](no.md)\n</div>", "<h2>HTML heading</h2>",
        "<h3 id=\"set\">HTML with id</h3>", "<p align=\"center\"><img src=\"media/c.png\" alt=\"c\"></p>",
        "<!-- [commented](no.md) https://no.example -->", "[ref]: https://ref.example/path#frag\n",
        "[Img]: media/ref.png\n", "[img]: media/second.png \"ignored: the first definition wins\"\n",
        "::: cloud include=\"fairfax, usnat\"\n[gov](gov.md)\n::: cloud-end",
        "::: cloud exclude=\"usnat\"\n## Not in usnat\n::: cloud-end",
        "[!INCLUDE [steps](../includes/steps.md)]", "[!INCLUDE [steps](../includes/steps.md)] then [after](after.md)",
        "---", "***", "<br>", "<details>\n<summary>More</summary>\n\nInside [details](d.md).\n\n</details>",
    };

    /** One line per link and anchor: what the link checks use of it. */
    static List<String> format(PageLinks page) {
        List<String> out = new ArrayList<>();
        page.links().forEach(l -> out.add("link " + l.position() + " " + l.origin() + " " + l.target() + " ["
                + l.reference() + "] " + l.scope()));
        page.anchors().forEach(a -> out.add("anchor " + a.position() + " " + a.heading() + " " + a.text() + " " + a.scope()));
        page.includes().forEach(i -> out.add("include " + i.position() + " " + i.target() + " " + i.scope()));
        return out;
    }
}
