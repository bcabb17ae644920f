package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.certdocs.bench.SyntheticCorpus;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PlainBodyTree} against {@code Jsoup.parseBodyFragment}: for every input the builder
 * either refuses or gives the same tree, compared node by node (node class, tag instance and
 * namespace, whether an element has an attributes object, attributes in order with their
 * declared-or-not values, text data exactly, children). Hand-written cases for each construct the
 * HTML5 tree builder changes, flexmark's HTML of the fixtures, sample-content, a synthetic corpus
 * with real-world content and random Markdown, random near-plain HTML and hostile strings.
 */
class PlainBodyTreeTest {

    private final MarkdownHtml markdown = new MarkdownHtml();

    @Test
    void buildsJsoupsTreeForFlexmarksPlainHtml() {
        for (String html : List.of("", "x", " \n ", "<p>a</p>", "<p>a &amp; b &lt;c&gt; &quot;d&quot;</p>\n",
                "<h1>T</h1>\n<h2 id=\"x\">A <em>b</em></h2>\n<p>text <strong>s</strong> <code>c &lt; d</code> <del>x</del></p>\n",
                "<ul>\n<li>a</li>\n<li><p>b</p>\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n",
                "<ol start=\"3\">\n<li>a</li>\n</ol>\n",
                "<ul>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" readonly=\"readonly\" />&nbsp;a</li>\n</ul>\n",
                "<blockquote>\n<p>[!NOTE]\nn</p>\n</blockquote>\n",
                "<pre><code class=\"language-sh\">a &amp;&amp; b\n  c\n</code></pre>\n",
                "<pre>\nx</pre>", "<pre>\n\nx</pre>",
                "<p><a href=\"x.md?a=1&amp;b=2\" title=\"t\">l</a> <img src=\"m.png\" alt=\"a\" /> a<br />\nb</p>\n",
                "<table>\n<thead>\n<tr><th align=\"left\">a</th><th>b</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td><td><code>2</code></td></tr>\n</tbody>\n</table>\n",
                "<table><tbody><tr><td><table><tbody><tr><td>n</td></tr></tbody></table></td></tr></tbody></table>",
                "<hr />\n<p>&#169; &#xA9; &copy; &nbsp;&mdash;&frac12; &acE; &#65;&#x1F600;</p>",
                "<div><p>a</p><div><p>b</p></div></div>", "<li>a</li><li>b</li>", "<dl><dt>t</dt><dd>d</dd><dt>u</dt></dl>",
                "<ul><li><div><ul><li>x</li></ul></div></li></ul>", "<p><input checked disabled /> t</p>", "<span data-x=\"&amp\">x</span>",
                "<details open><summary>s</summary><p>x</p></details>", "<em><div>x</div></em>", "<a href=\"u\"><img src=\"i\"></a>",
                "<!-- c -->", "<p>a <!--$region-->r<!--/$region--> b</p>", "<table><!-- c -->\n<tbody><!--x--><tr><!--y--></tr></tbody></table>",
                "<!--a-b- c-->", "<!--<p>-->")) {
            Document fast = PlainBodyTree.parse(html);
            assertNotNull(fast, () -> "refused: " + html + " (" + new PlainBodyTree(html).refusal() + ")");
            assertSameTree(Jsoup.parseBodyFragment(html), fast, html);
        }
    }

    @Test
    void refusesWhatTheTreeBuilderChangesOrWhatItCannotProve() {
        for (String html : List.of(
                // blocks while a p is open (jsoup closes the p), headings in headings
                "<p>a<div>b</div></p>", "<p>a<p>b</p></p>", "<p><ul><li>x</li></ul></p>", "<p><table></table></p>", "<p><hr></p>",
                "<p><pre>x</pre></p>", "<p><blockquote>x</blockquote></p>", "<h1>a<h2>b</h2></h1>", "<p><h1>a</h1></p>",
                // li in li, dd in dd, a in a
                "<li>a<li>b</li></li>", "<ul><li><div><li>x</li></div></li></ul>", "<dl><dd><dt>x</dt></dd></dl>", "<a href=\"x\">a<a>b</a></a>",
                "<a><em><a>x</a></em></a>",
                // table parts out of place, text in tables
                "<table><tr><td>x</td></tr></table>", "<table>x<tbody></tbody></table>", "<table><tbody>&#32;</tbody></table>",
                "<tr><td>x</td></tr>", "<td>x</td>", "<table><tbody><td>x</td></tbody></table>", "<table><p>x</p></table>",
                "<table><thead><tr><th>a</th></tr></thead><br></table>",
                // end tags not closing the current element, unclosed elements
                "<p><em>a</p></em>", "<div>a</span></div>", "</p>", "<p>a", "<br></br>", "<em>a</em></em>", "<p>x</P>",
                // markup outside the subset
                "<!---->", "<!-->", "<!--->", "<!--a--b-->", "<!--a--->", "<!--a-- >", "<!--a--!>", "<!--a", "<!-x->", "<!x>",
                "<!--a\u0000-->", "<!--a\r-->", "<!doctype html>", "<![CDATA[x]]>", "a < b", "a <3", "<?x?>", "<P>x</P>", "<p CLASS=\"x\">a</p>",
                "<p class=x>a</p>", "<p class='x'>a</p>", "<p class=\"a\" class=\"b\">x</p>", "<p class = \"a\">x</p>",
                "<p class=\"a\"id=\"b\">x</p>", "<p/>", "<div/>", "<x-tag>a</x-tag>", "<script>x</script>", "<style>p{}</style>",
                "<textarea>x</textarea>", "<title>t</title>", "<iframe></iframe>", "<noscript>n</noscript>", "<svg></svg>",
                "<math></math>", "<template>t</template>", "<select><option>o</option></select>", "<form></form>",
                "<image src=\"x\">", "<frameset></frameset>", "<listing>x</listing>", "<xmp>x</xmp>", "<plaintext>x",
                "<button>b</button>", "<nobr>x</nobr>", "<html>", "<body>", "<head>", "<p>a\u0000b</p>", "<p>a\r\nb</p>",
                "<p title=\"a\rb\">x</p>", "<p\tclass=\"a\"\r>x</p>", "<p", "<p class=\"x", "<br/ >", "<p x=\"1\" =\"2\">a</p>",
                // nesting deeper than the builder follows
                "<div>".repeat(30) + "x" + "</div>".repeat(30), "<em><em><em>x</em></em></em>")) {
            PlainBodyTree tree = new PlainBodyTree(html);
            assertNull(tree.build(), () -> "not refused: " + html);
            assertNotNull(tree.refusal(), html);
        }
    }

    @Test
    void decodesCharacterReferencesAsTheTokeniser() {
        List<String> refs = List.of("&amp;", "&amp", "&ampx;", "&amp=", "&amp-", "&amp1", "&lt;", "&lt", "&gt;", "&quot;", "&quot",
                "&nbsp;", "&nbsp", "&nbspx", "&notit;", "&notin;", "&not", "&sup2;", "&sup2", "&sup23;", "&frac12;", "&frac12x",
                "&Aacute;", "&aacute", "&acE;", "&NotEqualTilde;", "&nosuch;", "&;", "&", "& ", "&&amp;", "&#", "&#;", "&#x;",
                "&#65;", "&#65", "&#065;", "&#0000065;", "&#00000065;", "&#x41;", "&#X41;", "&#x41", "&#xg;", "&#0;", "&#9;",
                "&#10;", "&#13;", "&#127;", "&#128;", "&#150;", "&#159;", "&#160;", "&#xD800;", "&#xDFFF;", "&#xE000;",
                "&#xFFFF;", "&#x10FFFF;", "&#x110000;", "&#99999999999;", "&#x1F600;", "&#1114111;", "&#٣;", "&é;", "&ampé",
                "&amp&lt;", "&#38;amp;", "&lt;&#x3C;&#60;", "&Amp;", "&AMP;", "&LT;", "&GT", "&QUOT;", "&apos;", "&apos");
        for (String ref : refs) {
            for (String html : List.of("<p>a" + ref + "b</p>", "<p>" + ref + "</p>", "<p>" + ref + "<em>x</em></p>",
                    "<p>" + ref + ref + "</p>", "<a href=\"" + ref + "\">x</a>", "<a href=\"x" + ref + "y\">x</a>",
                    "<a href=\"x" + ref + "=y\">x</a>", "<a title=\"" + ref + ref + "\">x</a>")) {
                // Refused only where a reference gives NUL (jsoup drops a text node that is one NUL).
                if (!check(html)) assertTrue(ref.matches("&#x?0+;?"), () -> "refused: " + html);
            }
        }
    }

    @Test
    void givesJsoupsTreeOrNothingForRandomNearPlainHtml() {
        Random random = new Random(16);
        int fast = 0;
        int all = 20_000;
        for (int i = 0; i < all; i++) {
            String html = randomHtml(random, random.nextInt(4) == 0);
            if (check(html)) fast++;
        }
        // The generator must reach the fast path often, or it tests nothing.
        assertTrue(fast > all / 5, "fast path taken " + fast + " times of " + all);
    }

    @Test
    void givesJsoupsTreeOrNothingForHostileStrings() {
        List<String> hostile = new ArrayList<>(List.of("<", "</", "<>", "</>", "<a", "<a ", "<a b", "<a b=", "<a b=\"", "&", "&#",
                "\ufeff<p>x</p>", "<p>\ufeffx</p>", "<p>\ud800</p>", "<p title=\"\ud800\">x</p>", "<p>a\u000bb\fc</p>",
                "<p\f>x</p>", "<p\n>x</p>", "<p\nclass=\"a\"\n\n/>", "<br\n/>", "<img src=\"x\"/>", "<hr/>",
                "<p>" + "&amp;".repeat(10_000) + "</p>", "<p>" + "x".repeat(100_000) + "</p>", "<br>".repeat(5_000),
                "<p>x</p>".repeat(5_000), "<div>".repeat(500) + "deep" + "</div>".repeat(500),
                "<div>".repeat(20) + "x" + "</div>".repeat(20), "<div>".repeat(21) + "x" + "</div>".repeat(21),
                "<dl>" + "<div>".repeat(19) + "<dd>x</dd>" + "</div>".repeat(19) + "</dl>",
                "<p " + "a=\"1\" ".repeat(600) + ">x</p>", "<p " + "x".repeat(40) + "=\"1\">x</p>"));
        for (int n = 0; n < 40; n++) {
            StringBuilder attrs = new StringBuilder();
            for (int k = 0; k < n; k++) attrs.append(" a").append(k).append("=\"").append(k).append('"');
            hostile.add("<p" + attrs + ">x</p>");
        }
        for (String html : hostile) check(html);
    }

    @Test
    void givesJsoupsTreeForFlexmarksHtmlOfTheFixturesSampleContentAndASyntheticCorpus(@TempDir Path dir) throws IOException {
        List<String> bodies = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder md = new StringBuilder();
            for (int lines = random.nextInt(12) + 1; lines > 0; lines--) {
                md.append(List.of("", "# ", "## ", "### T {#id}", "> ", "> [!NOTE]\n> ", "- ", "1. ", "    ", "```\n",
                        "| a | b |\n|---|---|\n| ", "- [ ] ", "- [x] ", "3. ", "* ", "~~s~~ ", "<div>", "</div>", "<br>")
                        .get(random.nextInt(19)));
                md.append(randomText(random)).append(" [l](x.md#a) www.a.b https://c.d/e?f=1&g=2 *e* **s** `c<d>` ![i](m.png \"t\") \\\n");
                md.append(random.nextBoolean() ? "\n" : "\n\n");
            }
            bodies.add(markdown.render(md.toString()));
        }
        new SyntheticCorpus(20, 300).withRepositoryShape().withRealWorldContent().writeTo(dir);
        int articles = 0;
        int fast = 0;
        for (Path root : List.of(Path.of("src/test/resources/fixtures"), dir, Path.of("../sample-content"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    // The body as the loader gives it: without the properties and tags blocks.
                    String source = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    String html = markdown.render(HEADER.matcher(source).replaceFirst(""));
                    articles++;
                    if (check(html)) fast++;
                }
            }
        }
        for (String html : bodies) check(html);
        assertTrue(articles > 400, "too few articles: " + articles);
        // Nearly every article's HTML is plain: the builder must take most of them.
        assertTrue(fast > articles * 9 / 10, "fast path for " + fast + " of " + articles + " articles");
    }

    private static final Pattern HEADER = Pattern.compile("\\A\\s*<properties[\\s\\S]*?/>\\s*(<tags[\\s\\S]*?/>)?");

    /** Whether the builder took {@code html}; fails if it gave another tree than jsoup's. */
    private static boolean check(String html) {
        Document fast = PlainBodyTree.parse(html);
        if (fast == null) return false;
        assertSameTree(Jsoup.parseBodyFragment(html), fast, html);
        return true;
    }

    private static final String[] TAGS = {"p", "h1", "h2", "h3", "div", "ul", "ol", "li", "dl", "dd", "dt", "blockquote", "pre",
        "em", "strong", "code", "a", "del", "span", "sup", "b", "i", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "details", "summary", "figure", "section", "kbd"};
    private static final String[] REFUSED_TAGS = {"x-y", "listing", "textarea", "button", "font", "nobr", "form"};
    private static final String[] VOIDS = {"br", "img", "input", "hr", "wbr"};
    private static final String[] ATTRS = {" href=\"x.md\"", " class=\"c\"", " id=\"i\"", " align=\"center\"", " title=\"a &amp; b\"",
        " src=\"m.png\"", " alt=\"a&lt;b\"", " checked", " disabled=\"\"", " data-x=\"&notit;\"", " start=\"2\"", " title=\"&nbsp\"",
        " x=\"&#128;\"", " type=\"checkbox\""};
    private static final String[] TEXTS = {"a", " ", "\n", "\t", "word ", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#169;",
        "&#x1F600;", "&copy", "&notit;", "&#128;", "&", "é", "😀", "\u00a0", "\u200b", "\f", ">", "\"", "'", "=", "/", "<!-- c -->",
        "<!--$x-->", "&#0;", "&#x0;", "a", "b", "c"};

    /** Well-formed random trees of the builder's tags and some it refuses, mostly in plausible places; sometimes broken. */
    private static String randomHtml(Random random, boolean broken) {
        StringBuilder html = new StringBuilder();
        tree(random, html, 0);
        if (broken && html.length() > 0) {
            int at = random.nextInt(html.length());
            String[] cuts = {"<", "</p>", "<p>", "<li>", "<a>", "<td>", "&", "\r", "\u0000", "<!--x-->", "'"};
            html.insert(at, cuts[random.nextInt(cuts.length)]);
        }
        return html.toString();
    }

    private static final List<String> PHRASING = List.of("em", "strong", "code", "a", "del", "span", "sup", "b", "i", "kbd");

    private static void tree(Random random, StringBuilder html, int depth) {
        tree(random, html, depth, false);
    }

    /** Inside {@code p}, headings and phrasing elements mostly phrasing elements, so that many trees are taken. */
    private static void tree(Random random, StringBuilder html, int depth, boolean phrasing) {
        for (int n = random.nextInt(4); n >= 0; n--) {
            int pick = random.nextInt(10);
            if (pick < 4 || depth > 8) {
                html.append(randomText(random));
            } else if (pick < 5) {
                html.append('<').append(VOIDS[random.nextInt(VOIDS.length)]).append(randomAttrs(random))
                        .append(List.of(">", "/>", " />").get(random.nextInt(3)));
            } else if (pick < 6) {
                // A table as flexmark writes it, sometimes with cells holding more.
                html.append("<table>\n<thead>\n<tr><th").append(randomAttrs(random)).append(">h</th></tr>\n</thead>\n<tbody>\n<tr><td>");
                tree(random, html, depth + 3);
                html.append("</td></tr>\n</tbody>\n</table>\n");
            } else {
                String tag = random.nextInt(40) == 0 ? REFUSED_TAGS[random.nextInt(REFUSED_TAGS.length)]
                        : phrasing && random.nextInt(8) > 0 ? PHRASING.get(random.nextInt(PHRASING.size()))
                        : TAGS[random.nextInt(TAGS.length)];
                html.append('<').append(tag).append(randomAttrs(random)).append('>');
                if (tag.equals("pre") && random.nextBoolean()) html.append('\n');
                tree(random, html, depth + 1, phrasing || PHRASING.contains(tag) || tag.matches("p|h[1-6]"));
                html.append("</").append(tag).append('>');
            }
        }
    }

    private static String randomAttrs(Random random) {
        StringBuilder attrs = new StringBuilder();
        for (int n = random.nextInt(3); n > 0; n--) attrs.append(ATTRS[random.nextInt(ATTRS.length)]);
        return attrs.toString();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(5); n >= 0; n--) text.append(TEXTS[random.nextInt(TEXTS.length)]);
        return text.toString();
    }

    private static final Field ATTRIBUTES;

    static {
        try {
            ATTRIBUTES = Element.class.getDeclaredField("attributes");
            ATTRIBUTES.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two trees node by node, from the document down. */
    static void assertSameTree(Document expected, Document actual, String html) {
        List<Node[]> todo = new ArrayList<>();
        todo.add(new Node[] {expected, actual});
        String shown = html.length() > 300 ? html.substring(0, 300) + "…" : html;
        while (!todo.isEmpty()) {
            Node[] pair = todo.remove(todo.size() - 1);
            Node a = pair[0];
            Node b = pair[1];
            assertSame(a.getClass(), b.getClass(), () -> "node class at " + path(a) + " of: " + shown);
            if (a instanceof Element ea) {
                Element eb = (Element) b;
                // Each document has a #root tag of its own (jsoup's as well); every other tag is jsoup's registered one.
                if (a instanceof Document) assertEquals(ea.tag(), eb.tag(), shown);
                else assertSame(ea.tag(), eb.tag(), () -> "tag at " + path(a) + " of: " + shown);
                assertEquals(ea.tag().namespace(), eb.tag().namespace(), shown);
                assertEquals(attributesObject(ea) == null, attributesObject(eb) == null, () -> "attributes object at " + path(a) + " of: " + shown);
                List<Attribute> aa = ea.attributes().asList();
                List<Attribute> ab = eb.attributes().asList();
                assertEquals(aa.size(), ab.size(), () -> "attributes at " + path(a) + " of: " + shown);
                for (int i = 0; i < aa.size(); i++) {
                    assertEquals(aa.get(i).getKey(), ab.get(i).getKey(), shown);
                    assertEquals(aa.get(i).getValue(), ab.get(i).getValue(), shown);
                    assertEquals(aa.get(i).hasDeclaredValue(), ab.get(i).hasDeclaredValue(), shown);
                }
            } else if (a instanceof TextNode ta) {
                assertEquals(ta.getWholeText(), ((TextNode) b).getWholeText(), () -> "text at " + path(a) + " of: " + shown);
            } else if (a instanceof Comment ca) {
                assertEquals(ca.getData(), ((Comment) b).getData(), () -> "comment at " + path(a) + " of: " + shown);
            } else if (!(a instanceof Document)) {
                fail("the builder made a " + b.getClass().getSimpleName() + " at " + path(b) + " of: " + shown);
            }
            assertEquals(a.childNodeSize(), b.childNodeSize(), () -> "children at " + path(a) + " of: " + shown);
            for (int i = 0; i < a.childNodeSize(); i++) {
                assertEquals(i, b.childNode(i).siblingIndex(), shown);
                assertSame(b, b.childNode(i).parent(), shown);
                todo.add(new Node[] {a.childNode(i), b.childNode(i)});
            }
        }
    }

    private static Object attributesObject(Element e) {
        try {
            return ATTRIBUTES.get(e);
        } catch (IllegalAccessException x) {
            throw new IllegalStateException(x);
        }
    }

    private static String path(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null; n = n.parent()) path.insert(0, "/" + n.nodeName() + "[" + n.siblingIndex() + "]");
        return path.toString();
    }
}
