package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.bench.SyntheticCorpus;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.KindSpec;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Includes;
import dev.certdocs.load.Load;
import dev.certdocs.load.MarkdownDialect;
import dev.certdocs.support.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 29: an article's lines read once for all its clouds, each cloud's blocks, skeleton
 * and group texts made from them, pieces kept per article. Every cloud's HTML
 * ({@link CloudMarkdown#html}, one memo per article as {@code generate} uses it) is held to the
 * HTML of its whole Markdown made the way before ({@link CloudPreprocessorReference}, which measures
 * the nesting with the old {@code NestingReference}), and the preprocessor's blocks and the split
 * to the old ones, over a messy synthetic corpus, sample-content and random bodies with cloud
 * blocks (nested, unclosed, stray, indented, in lists, quotes and fences), variables, includes
 * (with blocks and includes of their own) and text above U+00FF.
 */
class CloudMarkdownEquivalenceTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    private final MarkdownHtml markdown = new MarkdownHtml();

    @Test
    void aMessyCorpusAndSampleContentRenderAsTheirWholeMarkdownDid(@TempDir Path dir) throws Exception {
        new SyntheticCorpus(29, 300).withRepositoryShape().withRealWorldContent().writeTo(dir);
        int[] counts = new int[2];
        for (Path root : List.of(dir, PROJECT.resolve("sample-content"))) {
            BuildConfig config = BuildConfig.builder(root).siteVersion("1.0.0").threads(1)
                    .baseUrl("https://support.example/").force(true).build();
            Corpus corpus = Load.corpus(config, Load.articleFiles(config, BuildLog.SILENT), false);
            CloudPreprocessor now = new CloudPreprocessor(corpus.includes(), corpus.includes()::text, config.catalog().variableNames());
            CloudPreprocessorReference before = new CloudPreprocessorReference(corpus.includes(), corpus.includes()::text,
                    config.catalog().variableNames());
            CloudMarkdown shared = new CloudMarkdown(markdown, now);
            for (Corpus.Entry entry : corpus.articles()) {
                ArticleLoader.Loaded loaded = corpus.loaded(entry);
                KindSpec.BodyType type = config.schema().kind(loaded.article().props().value("selfHelpType").strip())
                        .map(KindSpec::body).orElse(KindSpec.BodyType.MARKDOWN);
                String source = type == KindSpec.BodyType.MARKDOWN ? loaded.bodyText() : SiteRenderer.withoutJson(loaded.bodyText());
                counts[check(shared, now, before, entry.path(), source, List.copyOf(config.catalog().all())) > 0 ? 1 : 0]++;
            }
        }
        assertTrue(counts[0] + counts[1] > 300, "too few articles: " + counts[0] + " + " + counts[1]);
        assertTrue(counts[1] > 50, "too few articles split into pieces: " + counts[1]);
    }

    /** Lines for random bodies: what authors write around cloud blocks, and what hostile text does. */
    private static final List<String> LINES = List.of(
            "", "", "", "", "", "",
            "::: cloud include=\"public\"", "::: cloud include=\"public,fairfax\"", "::: cloud exclude=\"public\"",
            "::: cloud include=\"Mooncake, USNAT\"", "::: cloud", ":::cloud exclude=\"ussec\" extra", "::: cloud-end",
            "::: cloud-end", "::: cloud-end", "  ::: cloud include=\"public\"", "  ::: cloud-end", "    ::: cloud include=\"public\"",
            "- ::: cloud include=\"public\"", "> ::: cloud-end", "\t::: cloud-end", "::: cloud-ending", ":::",
            "Plain text in {{cloud.name}}.", "Open [the portal]({{cloud.portalUrl}}) now.", "Call {{cloud.phone}} today.",
            "{{cloud.unknown}} and {{ cloud.name }}", "A sentence.", "Another *emphasised* line", "Text with `code` and a [link](https://example.com).",
            "Grüße aus Köln — “quoted” ✓ 日本語のテキスト", "Ünïcödé *bold ✓* and _ém_ {{cloud.name}}", "العربية **نص** ~~x~~",
            "- bullet", "* star bullet", "+ plus bullet", "1. ordered", "2) ordered paren", "10. ten",
            "  continuation, two spaces", "   three spaces", "    indented code", "\tindented by a tab",
            "> quoted", ">", "> > nested quote", "> [!NOTE]", "> > > > > > > > > > > > > > > > deep",
            "- - - - - - - - - - - - - - - - - - deep list", "***___***___***___***___ [[[[[[[[ ~~~~ **",
            "| a | b |", "|---|---|", "| 1 | 2 |", "a | b",
            "```", "```bash", "~~~", "````", "  ```", "```` ::: cloud include=\"public\"",
            "<div>", "</div>", "<!--", "-->", "<pre>", "</pre>", "<p>raw</p>",
            "# Heading", "## Heading {{cloud.name}}", "===", "---", "***",
            "[ref]: https://example.com/ref", "See [the reference][ref].",
            "[!INCLUDE [note](../includes/note.md)]", "[!INCLUDE [deep](../includes/deep.md)]",
            "Before [!INCLUDE [note](../includes/note.md)] after", "- [!INCLUDE [note](../includes/note.md)]",
            "> [!INCLUDE [big](../includes/big.md)]", "[!INCLUDE [missing](../includes/missing.md)]", "[!NOTE] not an include",
            "- [ ] task", "- [x] done", "Qcdb7x0z", "Qcdv7x0z", "https://example.com/bare", "www.example.com",
            "Line with trailing spaces  ", "\\", "\r", "text\r", "   - indented bullet");

    @Test
    void randomBodiesRenderAsTheirWholeMarkdownDid(@TempDir Path repo) throws Exception {
        Map<String, String> files = new HashMap<>();
        files.put("includes/note.md", "::: cloud include=\"public\"\nOnly public {{cloud.name}}.\n::: cloud-end\n\nEverywhere.\n");
        files.put("includes/deep.md", "<properties a=\"b\" />\nDeep ✓ [!INCLUDE [note](note.md)]\n\n::: cloud exclude=\"fairfax\"\n"
                + "[link](other/page.md) and ![x](img.png)\n::: cloud-end\n");
        files.put("includes/big.md", "Big *text* ✓. ".repeat(150) + "\n");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(repo.resolve(f.getKey()).getParent());
            Files.writeString(repo.resolve(f.getKey()), f.getValue());
        }
        Includes includes = new Includes(repo);
        CloudPreprocessor now = new CloudPreprocessor(includes, p -> files.getOrDefault(p, ""), CloudBlocksTest.KNOWN);
        CloudPreprocessorReference before = new CloudPreprocessorReference(includes, p -> files.getOrDefault(p, ""), CloudBlocksTest.KNOWN);
        CloudMarkdown shared = new CloudMarkdown(markdown, now);
        List<Cloud> clouds = new ArrayList<>(CloudBlocksTest.CLOUDS);
        clouds.add(CloudBlocksTest.cloud("ünï", Map.of("name", "Nübel ✓", "portalUrl", "https://portal.example/ü")));
        Random random = new Random(29);
        int split = 0;
        for (int n = 0; n < 2_500; n++) {
            String body = randomBody(random);
            if (check(shared, now, before, "articles/sub/a.md", body, clouds) > 0) split++;
        }
        assertTrue(split > 40, "too few bodies split into pieces: " + split);
    }

    private static String randomBody(Random random) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(8) == 0) {
                // a block with a blank line around it, so that many bodies are split; sometimes nested, sometimes left open
                String[] opens = {"::: cloud include=\"public\"", "::: cloud exclude=\"public,fairfax\"", "::: cloud include=\"usnat,ussec,mooncake\""};
                sb.append('\n').append(opens[random.nextInt(opens.length)]).append('\n');
                int inner = 1 + random.nextInt(5);
                for (int k = 0; k < inner; k++) sb.append(LINES.get(random.nextInt(LINES.size()))).append('\n');
                if (random.nextInt(20) != 0) sb.append("::: cloud-end\n");
                if (random.nextBoolean()) sb.append('\n');
            } else {
                sb.append(LINES.get(random.nextInt(LINES.size()))).append('\n');
            }
        }
        // sometimes no line break at the end, sometimes a body that starts or ends inside a block
        return random.nextInt(5) == 0 ? sb.substring(0, sb.length() - 1) : sb.toString();
    }

    /**
     * Renders {@code body} in every cloud with one memo, each against the whole Markdown the old way;
     * the blocks and the split against the old ones. How many clouds were spliced from pieces.
     */
    private int check(CloudMarkdown shared, CloudPreprocessor now, CloudPreprocessorReference before, String path, String body,
            List<Cloud> clouds) {
        Map<String, String> memo = new HashMap<>();
        assertEquals(oldSplit(body), CloudBlocks.split(body), body);
        CloudPreprocessor.Body lines = new CloudPreprocessor.Body(body);
        int spliced = 0;
        for (Cloud c : clouds) {
            String blocks = before.blocks(path, body, c);
            assertEquals(blocks, now.blocks(path, body, c), () -> "blocks in " + c.id() + " of:\n" + body);
            if (!lines.includes) assertEquals(blocks, lines.blocks(c), () -> "blocks from the lines in " + c.id() + " of:\n" + body);
            else assertEquals(blocks, now.blocks(path, lines, c, null, null), () -> "blocks from the lines in " + c.id() + " of:\n" + body);
            String expected = markdown.render(before.process(path, body, c));
            assertEquals(expected, shared.html(path, body, c, memo), () -> "cloud " + c.id() + " of:\n" + body);
            if (!shared.article(memo, body).whole) spliced++;
        }
        return spliced;
    }

    /** {@link CloudBlocks#split} as it was: the body's lines read one by one. */
    static CloudBlocks.Split oldSplit(String body) {
        if (body.indexOf(":::") < 0 || body.contains(CloudBlocks.TOKEN)) return null;
        List<String> lines = new ArrayList<>();
        for (int offset = 0; offset < body.length(); ) {
            int end = body.indexOf('\n', offset);
            if (end < 0) end = body.length();
            lines.add(body.substring(offset, end));
            offset = end + 1;
        }
        List<int[]> groups = new ArrayList<>();
        MarkdownDialect.BlockLines kinds = new MarkdownDialect.BlockLines();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (kinds.next(lines.get(i)) != MarkdownDialect.BlockLines.Kind.MARKER) continue;
            if (kinds.marker().open()) {
                if (depth++ == 0) start = i;
            } else if (depth > 0 && --depth == 0) {
                int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last != null && last[1] == start - 1) {
                    last[1] = i;
                } else {
                    groups.add(new int[] {start, i});
                }
            }
        }
        if (depth > 0) return null;
        StringBuilder skeleton = new StringBuilder(body.length());
        List<String> texts = new ArrayList<>();
        int next = 0;
        for (int[] g : groups) {
            boolean before = g[0] == 0 || lines.get(g[0] - 1).replace(" ", "").replace("\t", "").isEmpty();
            boolean after = g[1] == lines.size() - 1 || lines.get(g[1] + 1).replace(" ", "").replace("\t", "").isEmpty();
            if (!before || !after) continue;
            for (int i = next; i < g[0]; i++) skeleton.append(lines.get(i)).append('\n');
            StringBuilder text = new StringBuilder();
            for (int i = g[0]; i <= g[1]; i++) text.append(lines.get(i)).append('\n');
            skeleton.append(CloudBlocks.token(texts.size())).append('\n');
            texts.add(text.toString());
            next = g[1] + 1;
        }
        if (texts.isEmpty()) return null;
        for (int i = next; i < lines.size(); i++) skeleton.append(lines.get(i)).append('\n');
        return new CloudBlocks.Split(skeleton.toString(), List.copyOf(texts));
    }
}
