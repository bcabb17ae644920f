package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.certdocs.bench.SyntheticCorpus;
import dev.certdocs.load.FlexmarkReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MarkdownHtml}'s flexmark configuration (issue 16, point 17: the tables' pre-processor made
 * once per parser, text that cannot hold an autolink passed by, the heading parser asked only about
 * lines that can start a heading; and the inline parser's pattern matches that copy no paragraph,
 * RegionMatching) against the configuration it
 * replaces ({@link FlexmarkReference}): the same tree, node by node with its characters, and the
 * same HTML, for random Markdown made to hit autolinks, escapes, entities and tables, hostile
 * texts, every Markdown fixture of the tests and a synthetic corpus with real-world content, parsed
 * by one shared parser on several threads at once. The hostile texts stay within the limits past
 * which text is not read for autolinks (AutolinkGateTest checks those).
 */
class MarkdownEquivalenceTest {

    private static final String[] BLOCK = {"", "", "", "# ", "## ", "#", "####### ", "=", "===", "-", "--", " - ", "   ---", "> ", "> > ", "- ", "* ", "1. ", "2) ", "- [ ] ", "- [x] ",
        "    ", "  ", "\t", "```\n", "~~~\n", "| ", "|", ":", "[ref]: ", "<div>", "<!-- ", "Title\n===\n", "---\n", "***\n"};
    private static final String[] INLINE = {"text ", "word", " ", "  ", ".", ",", ";", ":", "(", ")", "[", "]", "<", ">", "\"",
        "'", "http://example.com/a?b=c&d=e", "https://x.y/(p)_q.", "ftp://f.g/h", "mailto:a@b.c", "x://", "://", "http:",
        "https://", "//", "www.example.com", "www.", "ww.", "WWW.EXAMPLE.COM", "w", "ww", "www", "a@b.co",
        "user.name+tag@example.org", "@", "@x", "\\:", "\\@", "\\w", "\\.", "www\\.x.com", "http\\://a.b", "&#58;", "&#64;",
        "&commat;", "&colon;", "&amp;", "&#x77;ww.a.b", "&#119;ww.q.r", "&", "&nbsp;", "\\", "\u001f", "`code http://c.d`",
        "`", "*", "**", "_", "~~", "~", "[link](http://a.b)", "[t](www.a.b)", "[x]", "[ref]", "](", "<http://a.b>",
        "<a@b.c>", "<www.a.b>", "![img](i.png)", "<a href=\"http://q.r\">t</a>", "<span>", "</span>", "...", "--", "é",
        "日本", "\u00a0", " | ", "|", "|---|", "| --- | :-: |", ":--", "--:", "{{cloud.portalUrl}}", "[!INCLUDE [t](../x.md)]",
        "1", "-", "+", "=", "#", "!", "?", "$", "%", "^", "\r", "\r\n"};
    private static final String[] LINE_END = {"\n", "\n", "\n", "\n\n", "  \n", "\\\n", "\n\n\n"};

    private static final List<String> HOSTILE = List.of(
            "www.".repeat(64),
            "@".repeat(5_000) + "a@b.c",
            ":".repeat(2_000) + "/".repeat(2_000) + "x",
            "http://" + "a".repeat(250) + " www.x.y a@b.c\n", "http://" + "a/".repeat(20_000) + " www.x.y a@b.c\n",
            "| a |".repeat(2_000) + "\n" + "|---".repeat(2_000) + "|\n" + "| x @ y |".repeat(1_000) + "\n",
            "| a | b |\n|---|---|\n" + "| www.a.b | c@d.e |\n".repeat(2_000),
            "> ".repeat(100) + "- ".repeat(100) + "www.deep.example a@b.c http://x.y\n",
            "[x](" + "(".repeat(500) + "http://a.b" + ")".repeat(500) + ")\n",
            "*a **b www.a.b** c* ".repeat(1_000) + "\n",
            "&#64;&#58;//&#119;ww.".repeat(10),
            "x&amp; ".repeat(1_500) + "\n",
            "[a](b \"t\") <b>x</b> `c` [r] [r][] ![i](j) <http://a.b> &#64; \\* ".repeat(150) + "\n\n[r]: /u\n",
            "\\".repeat(500) + "www.a.b\n",
            "\u001fwww.a.b a\u001f@b.c ht\u001ftp://x.y\n",
            "para\n---\n\npara\n===\n\n- item\n---\n\n- item\n  ===\n\n> quote\n---\n\n> quote\n> ===\n\npara\n# atx\n#no\n#\n",
            "   # three\n    # four\n\t# tab\n```\n# in code\n===\n```\n<div>\n# html\n</div>\n\n- a\n  # b\n  - c\n    ---\n",
            "line\n".repeat(400) + "===\n" + "line\n".repeat(400) + "- - -\n" + "word -\n".repeat(500) + "=\n");

    private final Parser oldParser = Parser.builder(FlexmarkReference.options()).build();
    private final HtmlRenderer oldRenderer;

    MarkdownEquivalenceTest() {
        MutableDataSet options = FlexmarkReference.options();
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        oldRenderer = HtmlRenderer.builder(options).build();
    }

    @Test
    void rendersRandomAndHostileMarkdownAsTheReferenceDoes() throws Exception {
        Random random = new Random(16_17);
        List<String> texts = new ArrayList<>(HOSTILE);
        for (int i = 0; i < 3_000; i++) texts.add(randomMarkdown(random));
        assertSame(texts);
    }

    @Test
    void rendersTheFixturesAndASyntheticCorpusAsTheReferenceDoes(@TempDir Path dir) throws Exception {
        List<String> texts = new ArrayList<>();
        new SyntheticCorpus(17, 400).withRepositoryShape().withRealWorldContent().writeTo(dir);
        for (Path root : List.of(Path.of("src/test/resources/fixtures"), dir)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) texts.add(read(f));
            }
        }
        assertTrue(texts.size() > 500, "too few texts: " + texts.size());
        assertSame(texts);
    }

    /** Each text's tree and HTML the old way on this thread, the new way on four threads sharing one {@link MarkdownHtml}. */
    private void assertSame(List<String> texts) throws Exception {
        MarkdownHtml markdown = new MarkdownHtml();
        ThreadFactory bigStacks = r -> new Thread(null, r, "equivalence", 256L << 20);
        ExecutorService threads = Executors.newFixedThreadPool(4, bigStacks);
        try {
            List<Future<String[]>> reference = new ArrayList<>();
            ExecutorService one = Executors.newSingleThreadExecutor(bigStacks);
            try {
                for (String text : texts) reference.add(one.submit(() -> oldWay(text)));
                List<Future<String[]>> results = new ArrayList<>();
                for (String text : texts) results.add(threads.submit(() -> newWay(markdown, text)));
                for (int i = 0; i < texts.size(); i++) {
                    String[] expected = reference.get(i).get();
                    String[] actual = results.get(i).get();
                    String shown = texts.get(i).length() > 300 ? texts.get(i).substring(0, 300) + "…" : texts.get(i);
                    assertEquals(expected[0], actual[0], "tree of: " + shown);
                    assertEquals(expected[1], actual[1], "HTML of: " + shown);
                }
            } finally {
                one.shutdownNow();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private String[] oldWay(String text) {
        Node doc = oldParser.parse(text);
        return new String[] {tree(doc), oldRenderer.render(doc)};
    }

    private static String[] newWay(MarkdownHtml markdown, String text) {
        Node doc = markdown.parse(text);
        return new String[] {tree(doc), markdown.html((com.vladsch.flexmark.util.ast.Document) doc)};
    }

    /** Every node in text order with its depth, kind, offsets and characters (flexmark's {@code toString}). */
    private static String tree(Node root) {
        StringBuilder out = new StringBuilder();
        Node n = root;
        int depth = 0;
        while (true) {
            out.append(depth).append(' ').append(n).append('\n');
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            if (n == root) return out.toString();
            n = n.getNext();
        }
    }

    private static String randomMarkdown(Random random) {
        StringBuilder md = new StringBuilder();
        for (int lines = random.nextInt(12) + 1; lines > 0; lines--) {
            md.append(BLOCK[random.nextInt(BLOCK.length)]);
            for (int k = random.nextInt(10); k > 0; k--) md.append(INLINE[random.nextInt(INLINE.length)]);
            md.append(LINE_END[random.nextInt(LINE_END.length)]);
        }
        return md.toString();
    }

    private static String read(Path file) throws IOException {
        // Some fixtures are not UTF-8 on purpose: decoded with replacement characters, as text.
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }
}
