package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.bench.SyntheticCorpus;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.CloudRewriteRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-processor (issue 16, point 20: the search text made in one walk, {@link SearchText})
 * against the way before it ({@link HtmlPostProcessorReference}: jsoup's {@code text()}, then the
 * fold and the cut): the same body HTML, title, table of contents, files and search text, for
 * random raw HTML made to hit white space, {@code <pre>}, blocks next to text, {@code <br>},
 * invisible and control characters, CDATA and comments; random Markdown; hostile bodies; every
 * Markdown fixture of the tests and a synthetic corpus with real-world content; in two clouds.
 */
class HtmlPostEquivalenceTest {

    private static final Cloud PUBLIC = cloud("public", "https://portal.azure.com");
    private static final Cloud REWRITING = cloud("usnat", "https://portal.usnat.contoso",
            "https://learn.microsoft.com/ -> https://docs.usnat.contoso/", "http:// -> https://");

    private static final String[] PIECES = {"text", "word ", " ", "  ", "\t", "\n", "\r\n", "\f", "\u000B", "\u00a0", "\u00ad",
        "\u200b", "\u2003", "\u3000", "\u001c", "\u001f", "\u0001", "\u0000", "é", "日本", "😀", "\ud800", "&nbsp;", "&amp;", "&lt;",
        "&#160;", "&#x200b;", "&shy;", "&#11;", "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<br>", "<br/>", "<br />",
        "<pre>", "</pre>", "<pre>\n  a\n\tb  </pre>", "<code>", "</code>", "<textarea> t  x </textarea>", "<li>", "<ul>", "</ul>",
        "<table><tr><td>a</td><td> b </td></tr></table>", "<h1>", "</h1>", "<h2>T {#x}</h2>", "<h3>", "</h3>", "<blockquote>",
        "</blockquote>", "<blockquote><p>[!NOTE] n</p></blockquote>", "<a href=\"x.md\">", "<a href=\"https://learn.microsoft.com/a\">",
        "</a>", "<img src=\"m.png\">", "<![CDATA[ c  d ]]>", "<!-- c -->", "<script>s()</script>", "<style>p{}</style>",
        "<em>", "</em>", "<strong>", "<hr>", "<dl><dt>t</dt><dd>d</dd></dl>", "<details><summary>s</summary>x</details>",
        "<svg><text>t</text></svg>", "<math><mi>x</mi></math>", "<x-tag>", "</x-tag>", "<input disabled>", "<nobr>", "<wbr>",
        "<kbd>", "<sub>", "<address>", "<figure>", "<figcaption>", "<center>", "<noscript>n</noscript>", "<template>t</template>",
        "<a href=\"x.md?a=1&amp;b=2\" title='q\"u &lt;o&gt; &nbsp;' class=\"c\">", "<img src=\"m.png\" alt=\"a&lt;b\u00a0>\" loading=\"lazy\">",
        "<input type=\"checkbox\" disabled=\"\" checked=\"checked\" readonly>", "<td align=\"center\" colspan=2>", "<ol start=\"3\">",
        "<span title=\"\">", "<span title=\"\u0001\">", "<abbr title=\"😀 \ud800\">", "<p id=\"x\" data-x=\"y\" lang=\"en\">",
        "<details open>", "<details open=\"OPEN\">", "<x a=1 b c=\"\">", "<p =x>", "<a \"b>", "<P CLASS=\"Up\">", "<br clear=\"all\">",
        "<img src=\"m.png\"/>", "<source src=\"v.mp4\">", "<col span=2>", "<wbr/>", "<hr class=\"h\"/>", "<x-y/>", "<svg><path d=\"M0\"/></svg>",
        "<a href=\"https://learn.microsoft.com/a?x=&quot;\">", "<a href=\"portal://Ext.Blade\">", "<a href=\"button-link:http://h/\">"};

    private final HtmlPostProcessor post = new HtmlPostProcessor();
    private final HtmlPostProcessorReference reference = new HtmlPostProcessorReference();
    private final MarkdownHtml markdown = new MarkdownHtml();

    private static Cloud cloud(String id, String portal, String... rules) {
        return new Cloud(id, id, Map.of("portalUrl", portal), Stream.of(rules).map(CloudRewriteRule::parse).toList(),
                false, List.of(), false);
    }

    @Test
    void searchTextOfRandomRawHtmlIsTheFoldedTextJsoupGives() {
        Random random = new Random(20);
        for (int i = 0; i < 20_000; i++) {
            String html = randomHtml(random, 1 + random.nextInt(30));
            Element body = Jsoup.parseBodyFragment(html).body();
            assertEquals(HtmlPostProcessorReference.searchText(body.text()), SearchText.of(body, html.length()), html);
        }
    }

    @Test
    void htmlOfRandomRawHtmlIsWhatJsoupWrites() {
        Random random = new Random(24);
        for (int i = 0; i < 20_000; i++) {
            String html = randomHtml(random, 1 + random.nextInt(30));
            org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
            doc.outputSettings().prettyPrint(false);
            assertEquals(doc.body().html(), BodyHtml.of(doc.body(), 16), html);
        }
    }

    @Test
    void htmlAndSearchTextInOneWalkAreWhatJsoupGives() {
        Random random = new Random(25);
        for (int i = 0; i < 20_000; i++) {
            String html = randomHtml(random, 1 + random.nextInt(30));
            org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
            doc.outputSettings().prettyPrint(false);
            BodyHtml.WithText both = BodyHtml.withSearchText(doc.body(), 16, 16);
            assertEquals(doc.body().html(), both.html(), html);
            assertEquals(HtmlPostProcessorReference.searchText(doc.body().text()), both.text(), html);
        }
        // Other output settings: jsoup writes the HTML, the search text is the same.
        String html = "<p>a  <b>b</b>\u00a0c</p><pre> x </pre>";
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        BodyHtml.WithText both = BodyHtml.withSearchText(doc.body(), 16, 16);
        assertEquals(doc.body().html(), both.html());
        assertEquals(HtmlPostProcessorReference.searchText(doc.body().text()), both.text());
    }

    @Test
    void searchTextIsCutAtItsLimitAsBefore() {
        Random random = new Random(21);
        for (int i = 0; i < 300; i++) {
            StringBuilder html = new StringBuilder();
            while (html.length() < SearchEntry.MAX_BODY + 200) html.append(randomHtml(random, 20));
            // Around the limit: white space, controls and a wide character at the cut.
            html.append(PIECES[random.nextInt(PIECES.length)]).append(randomHtml(random, 50));
            org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html.toString());
            doc.outputSettings().prettyPrint(false);
            Element body = doc.body();
            assertEquals(HtmlPostProcessorReference.searchText(body.text()), SearchText.of(body, 16), html.toString());
            assertEquals(HtmlPostProcessorReference.searchText(body.text()), BodyHtml.withSearchText(body, 16, 16).text(), html.toString());
        }
    }

    @Test
    void processesRandomRawHtmlAsBefore() {
        Random random = new Random(22);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) bodies.add(randomHtml(random, 1 + random.nextInt(40)));
        assertSame(bodies);
    }

    @Test
    void processesHostileBodiesAsBefore() {
        assertSame(List.of("",
                " \n\t ",
                "\u00a0".repeat(5_000),
                "<p>" + "a\u00ad\u200b ".repeat(3_000) + "</p>",
                "<div>".repeat(500) + "deep" + "</div>".repeat(500),
                "<pre>" + " \n".repeat(3_000) + "x</pre>",
                "<br>".repeat(3_000),
                "<p>x</p>".repeat(3_000),
                "&#0;&#1;&#x1f;&#xd800;&#x10ffff;&#128512;\u0000\u0001",
                "<h1>" + "t ".repeat(3_000) + "</h1><h2>" + "\u3000".repeat(100) + "</h2>",
                "<![CDATA[" + " x ".repeat(2_000) + "]]>",
                "<a href=\"javascript:alert(1)\">x</a><img src=\"data:text/html,x\"><a href=\"portal://A.B\">p</a>"));
    }

    @Test
    void processesRandomMarkdownTheFixturesAndASyntheticCorpusAsBefore(@TempDir Path dir) throws IOException {
        Random random = new Random(23);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            StringBuilder md = new StringBuilder();
            for (int lines = random.nextInt(12) + 1; lines > 0; lines--) {
                md.append(List.of("", "# ", "## ", "### T {#id}", "> ", "> [!NOTE]\n> ", "- ", "1. ", "    ", "```\n", "| a | b |\n|---|---|\n| ")
                        .get(random.nextInt(11)));
                md.append(randomHtml(random, random.nextInt(6))).append(" [l](x.md#a) www.a.b *e* `c` \\\n");
                md.append(random.nextBoolean() ? "\n" : "\n\n");
            }
            bodies.add(markdown.render(md.toString()));
        }
        new SyntheticCorpus(20, 300).withRepositoryShape().withRealWorldContent().writeTo(dir);
        for (Path root : List.of(Path.of("src/test/resources/fixtures"), dir, Path.of("../sample-content"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    bodies.add(markdown.render(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)));
                }
            }
        }
        assertTrue(bodies.size() > 1_500, "too few bodies: " + bodies.size());
        assertSame(bodies);
    }

    /** Each body processed the new way and the old, in each cloud: the same result, search text and files. */
    private void assertSame(List<String> bodies) {
        for (String html : bodies) {
            for (Cloud cloud : List.of(PUBLIC, REWRITING)) {
                Set<String> newFiles = new TreeSet<>();
                Set<String> oldFiles = new TreeSet<>();
                HtmlBody now = post.process(html, cloud, url -> { newFiles.add(url); return HtmlPostProcessor.mdToHtml(url); });
                HtmlBody before = reference.process(html, cloud, url -> { oldFiles.add(url); return HtmlPostProcessor.mdToHtml(url); });
                String shown = html.length() > 300 ? html.substring(0, 300) + "…" : html;
                assertEquals(before.html(), now.html(), "HTML of: " + shown);
                assertEquals(before.title(), now.title(), "title of: " + shown);
                assertEquals(before.toc(), now.toc(), "table of contents of: " + shown);
                assertEquals(HtmlPostProcessorReference.searchText(before.text()), now.text(), "search text of: " + shown);
                assertEquals(oldFiles, newFiles, "files of: " + shown);
            }
        }
    }

    private static String randomHtml(Random random, int pieces) {
        StringBuilder html = new StringBuilder();
        for (int k = 0; k < pieces; k++) html.append(PIECES[random.nextInt(PIECES.length)]);
        return html.toString();
    }
}
