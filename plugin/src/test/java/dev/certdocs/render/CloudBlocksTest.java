package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.Cloud;
import dev.certdocs.load.Includes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An article whose clouds keep different {@code ::: cloud} blocks is parsed in pieces shared by
 * its clouds ({@link CloudBlocks}), and each cloud's HTML is the HTML of its whole Markdown, byte
 * for byte: the tests render every cloud both ways, and check which articles are split.
 */
class CloudBlocksTest {

    static final Set<String> KNOWN = Set.of("name", "portalUrl", "phone");
    static final List<Cloud> CLOUDS = List.of(
            cloud("public", Map.of("name", "Azure", "portalUrl", "https://portal.azure.com", "phone", "+1 800 555 0100")),
            cloud("fairfax", Map.of("name", "Azure Government", "portalUrl", "https://portal.azure.us")),
            cloud("mooncake", Map.of("name", "Azure operated by 21Vianet", "portalUrl", "https://portal.azure.cn")),
            cloud("usnat", Map.of("name", "Azure *secret*", "portalUrl", "https://portal.example.usnat")),
            cloud("ussec", Map.of("name", "")));

    private final MarkdownHtml markdown = new MarkdownHtml();
    private CloudPreprocessor preprocessor;
    private CloudMarkdown shared;

    static Cloud cloud(String id, Map<String, String> variables) {
        return new Cloud(id, id, variables, List.of(), false, List.of(), false);
    }

    @BeforeEach
    void renderer(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("includes"));
        Files.writeString(repo.resolve("includes/note.md"), "::: cloud include=\"public\"\nOnly public.\n::: cloud-end\n\nEverywhere.\n");
        preprocessor = new CloudPreprocessor(new Includes(repo),
                p -> p.equals("includes/note.md") ? "::: cloud include=\"public\"\nOnly public.\n::: cloud-end\n\nEverywhere.\n" : "",
                KNOWN);
        shared = new CloudMarkdown(markdown, preprocessor);
    }

    /** Renders {@code body} in every cloud with one memo, checks each against its whole render; how many clouds were spliced. */
    static int check(MarkdownHtml markdown, CloudPreprocessor preprocessor, CloudMarkdown shared, String body) {
        Map<String, String> memo = new HashMap<>();
        int spliced = 0;
        for (Cloud c : CLOUDS) {
            String direct = markdown.render(preprocessor.process("articles/a.md", body, c));
            String blocks = preprocessor.blocks("articles/a.md", body, c);
            // The article's memo: what the earlier clouds parsed or refused (a refusal holds for every cloud of the article).
            String pieces = new CloudBlocks(markdown, preprocessor, shared).html("articles/a.md", body, blocks, c, memo);
            if (pieces != null) {
                spliced++;
                assertEquals(direct, pieces, "cloud " + c.id() + " of:\n" + body);
            }
            assertEquals(direct, shared.html("articles/a.md", body, c, memo), "cloud " + c.id() + " of:\n" + body);
        }
        return spliced;
    }

    private int check(String body) {
        return check(markdown, preprocessor, shared, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Intro.\n\n::: cloud include=\"public\"\nOnly in public.\n::: cloud-end\n\nAfter.\n",
        "::: cloud include=\"public\"\nAt the start.\n::: cloud-end\n\nAfter.\n",
        "Before.\n\n::: cloud exclude=\"public\"\nAt the end.\n::: cloud-end\n",
        "Before.\n\n::: cloud exclude=\"public\"\nAt the end, no line break.\n::: cloud-end",
        "# Title\n\n::: cloud include=\"fairfax,usnat\"\n## In {{cloud.name}}\n\nOpen [the portal]({{cloud.portalUrl}}).\n::: cloud-end\n\n## Next\n",
        "Steps:\n\n::: cloud include=\"public\"\n1. one\n2. two\n::: cloud-end\n\nAfter the list.\n",
        "Intro.\n\n::: cloud include=\"public\"\nA.\n::: cloud-end\n::: cloud exclude=\"public\"\nB.\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\nA.\n::: cloud-end\n\n::: cloud exclude=\"public\"\nB.\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public,fairfax\"\nOuter.\n\n::: cloud include=\"public\"\nInner.\n::: cloud-end\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\n```\ncode\n```\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\n> [!NOTE]\n> Quoted.\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\n| a | b |\n|---|---|\n| 1 | 2 |\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\n[!INCLUDE [note](../includes/note.md)]\n::: cloud-end\n\nAfter.\n",
        "Call {{cloud.phone}}.\n\n::: cloud include=\"public\"\nIn {{cloud.name}} only.\n::: cloud-end\n\nSee {{cloud.portalUrl}} now.\n",
    })
    void splitsBlocksThatStandAlone(String body) {
        assertTrue(check(body) > 0, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // A list on both sides continues into the block, or into what follows when it is dropped.
        "- one\n\n::: cloud include=\"public\"\n- two\n::: cloud-end\n\n- three\n",
        "1. one\n\n::: cloud include=\"public\"\n   more of one\n::: cloud-end\n\nAfter.\n",
        "::: cloud include=\"public\"\n- in the block\n::: cloud-end\n\n- after the block\n",
        "::: cloud include=\"public\"\n    indented code\n::: cloud-end\n\n    more code\n",
        // Inside a list item, a quote, a fence: not at the top level.
        "- item\n\n  ::: cloud include=\"public\"\n  In the item.\n  ::: cloud-end\n\n  Still the item.\n",
        "> quote\n>\n> ::: cloud include=\"public\"\n> In the quote.\n> ::: cloud-end\n",
        // No blank line around the block: lazy continuation, a paragraph that goes on.
        "Intro\n::: cloud include=\"public\"\nmore intro\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\nA.\n::: cloud-end\nAfter, same paragraph.\n",
        // Reference definitions are global to the document.
        "See [the docs][d].\n\n::: cloud include=\"public\"\n[d]: https://example.com/public\n::: cloud-end\n\n[d]: https://example.com/other\n",
        "::: cloud include=\"public\"\nSee [the docs][d].\n::: cloud-end\n\n[d]: https://example.com\n",
        // An open fence or HTML block swallows what follows.
        "Intro.\n\n::: cloud include=\"public\"\n<!--\n::: cloud-end\n\nAfter. -->\n",
        "Intro.\n\n::: cloud include=\"public\"\n<pre>\nraw\n::: cloud-end\n\nAfter.\n</pre>\n",
        "Intro.\n\n<div>\n\n::: cloud include=\"public\"\nIn the div.\n::: cloud-end\n\n</div>\n",
        "Intro.\n\n```\n::: cloud include=\"public\"\n```\n\nAfter.\n::: cloud-end\n",
        // Unterminated, stray ends.
        "Intro.\n\n::: cloud include=\"public\"\nNever closed.\n\nAfter.\n",
        "Intro.\n\n::: cloud-end\n\n::: cloud include=\"public\"\nA.\n::: cloud-end\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\n::: cloud include=\"fairfax\"\nNested, one closed.\n::: cloud-end\n\nAfter.\n",
        // Setext underline right after the block, a table row.
        "| a |\n|---|\n\n::: cloud include=\"public\"\n| b |\n::: cloud-end\n\nAfter.\n",
        "Intro.\n\n::: cloud include=\"public\"\nA.\n::: cloud-end\n\n===\n",
        "Intro.\n\n::: cloud include=\"public\"\nQcdb7x0z\n::: cloud-end\n\nAfter.\n",
        "Intro Qcdv7x0z.\n\n::: cloud include=\"public\"\nA {{cloud.name}}.\n::: cloud-end\n\nAfter.\n",
    })
    void sameHtmlWhereBlocksMeetTheirSurroundings(String body) {
        check(body);
    }

    @Test
    void refusesWhatItCannotProve() {
        assertEquals(0, check("- one\n\n::: cloud include=\"public\"\n- two\n::: cloud-end\n\n- three\n"));
        assertEquals(0, check("See [the docs][d].\n\n::: cloud include=\"public\"\n[d]: https://example.com/public\n::: cloud-end\n"));
        assertEquals(0, check("Intro.\n\n::: cloud include=\"public\"\n<!--\n::: cloud-end\n\nAfter. -->\n"));
        assertEquals(0, check("Intro.\n\n::: cloud include=\"public\"\nNever closed.\n"));
        assertNull(CloudBlocks.split("No blocks at all.\n"));
        assertNull(CloudBlocks.split("Intro\n::: cloud include=\"public\"\nA.\n::: cloud-end\n"));
    }

    @Test
    void splitKeepsTheSkeletonAndTheGroups() {
        CloudBlocks.Split s = CloudBlocks.split("A.\n\n::: cloud include=\"x\"\nB.\n::: cloud-end\n::: cloud exclude=\"x\"\nC.\n::: cloud-end\n\nD.\n");
        assertNotNull(s);
        assertEquals("A.\n\nQcdb7x0z\n\nD.\n", s.skeleton());
        assertEquals(List.of("::: cloud include=\"x\"\nB.\n::: cloud-end\n::: cloud exclude=\"x\"\nC.\n::: cloud-end\n"), s.groups());
    }

    @Test
    void aListInTheBlockEndsBeforeTheTextAfterIt() {
        // The block ends with a list; what follows starts with a letter, so it ends the list in the whole text too.
        assertTrue(check("Steps:\n\n::: cloud include=\"public\"\n- one\n- two\n::: cloud-end\n\nThen sign in.\n") > 0);
        // What follows is a list marker: in the whole text it would continue the block's list.
        String body = "Steps:\n\n::: cloud include=\"public\"\n- one\n::: cloud-end\n\n- two\n";
        check(body);
        assertFalse(new CloudBlocks(markdown, preprocessor, shared).html("articles/a.md", body,
                preprocessor.blocks("articles/a.md", body, CLOUDS.get(0)), CLOUDS.get(0), new HashMap<>()) != null);
    }

    @Test
    void oneParseForTheFirstCloudAndOneForEachNewGroupText() {
        String body = "Intro.\n\n::: cloud include=\"public\"\nA {{cloud.name}}.\n::: cloud-end\n\nMiddle.\n\n"
                + "::: cloud exclude=\"public\"\nB in {{cloud.name}}.\n::: cloud-end\n\nEnd.\n";
        Map<String, String> memo = new HashMap<>();
        for (Cloud c : CLOUDS) shared.html("articles/a.md", body, c, memo);
        List<String> pieces = new ArrayList<>(shared.article(memo, body).pieces.keySet());
        assertEquals(3, pieces.size(), pieces.toString());
        check(body);
    }
}
