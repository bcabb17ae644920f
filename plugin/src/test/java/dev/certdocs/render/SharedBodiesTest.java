package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.Cloud;
import dev.certdocs.config.CloudCatalog;
import dev.certdocs.config.CloudRewriteRule;
import dev.certdocs.load.Includes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An article's body is post-processed once for the clouds that answer what post-processing asks
 * of them (portal, rewrite rules) alike, and anew for a cloud that answers one question otherwise;
 * either way each cloud's body, title, table of contents, search text and files are those a
 * processing for that cloud alone gives.
 */
class SharedBodiesTest {

    private final MarkdownHtml markdown = new MarkdownHtml();
    private final HtmlPostProcessor post = new HtmlPostProcessor();

    /** As the renderer maps relative URLs: each one names a file, {@code .md} becomes {@code .html}. */
    private static final BiFunction<String, Set<String>, String> SITE_URL = (url, files) -> {
        files.add(url);
        return HtmlPostProcessor.mdToHtml(url);
    };

    private static Cloud cloud(String id, String portal, String... rules) {
        return new Cloud(id, id, Map.of("portalUrl", portal), Stream.of(rules).map(CloudRewriteRule::parse).toList(),
                false, List.of(), false);
    }

    /** The body as a processing for {@code cloud} alone makes it, with the files it names. */
    private SharedBodies.Shared direct(String html, Cloud cloud) {
        Set<String> files = new TreeSet<>();
        HtmlBody body = post.process(html, cloud, url -> SITE_URL.apply(url, files));
        return new SharedBodies.Shared(body, files, body.text(),
                String.join("\n", body.toc().stream().map(TocEntry::text).toList()), List.of());
    }

    private static void assertSameResult(SharedBodies.Shared expected, SharedBodies.Shared actual, String what) {
        assertEquals(expected.body(), actual.body(), what);
        assertEquals(expected.files(), actual.files(), what);
        assertEquals(expected.searchText(), actual.searchText(), what);
        assertEquals(expected.tocText(), actual.tocText(), what);
    }

    /** Each cloud's body through one memo, checked against the cloud's own processing. */
    private List<SharedBodies.Shared> each(SharedBodies memo, String html, List<Cloud> clouds) {
        List<SharedBodies.Shared> out = new ArrayList<>();
        for (Cloud c : clouds) {
            SharedBodies.Shared s = memo.body(post, html, c, SITE_URL);
            assertSameResult(direct(html, c), s, c.id() + ": " + html);
            out.add(s);
        }
        return out;
    }

    private String html(String md) {
        return markdown.render(md);
    }

    @Test
    void postProcessesABodyOnceForCloudsThatAnswerAlike() {
        String html = html("""
                # Title

                ## Before you start

                See [the other article](other.md#setup), ![a diagram](media/d.png) and
                [an outside page](https://example.com/page). [Open the blade](data-blade:Ext.Blade.id.1)

                ### Steps

                > [!NOTE]
                > A note with [a link](https://example.com/note).
                """);
        // Four clouds with the same portal whose rules touch none of the body's URLs.
        List<Cloud> clouds = List.of(cloud("a", "https://portal.one"), cloud("b", "https://portal.one", "https://portal.azure.com -> https://p.b"),
                cloud("c", "https://portal.one/", "https://learn.microsoft.com -> https://docs.c"), cloud("d", "https://portal.one"));
        SharedBodies memo = new SharedBodies("articles/a.md");
        List<SharedBodies.Shared> bodies = each(memo, html, clouds);
        // c's portal differs by its trailing slash only, which the blade URL drops, but it is another answer.
        assertEquals(2, memo.processed());
        assertEquals(2, memo.reused());
        assertSame(bodies.get(0), bodies.get(1));
        assertSame(bodies.get(0), bodies.get(3));
        assertEquals(Set.of("media/d.png", "other.md#setup"), bodies.get(0).files());
        assertEquals("Before you start\nSteps", bodies.get(0).tocText());
    }

    @Test
    void processesAgainWhereARewriteRuleChangesAUrl() {
        String html = html("Docs: [the portal](https://portal.azure.com/#home) and ![x](https://learn.microsoft.com/x.png)\n");
        Cloud plain = cloud("public", "https://portal.azure.com");
        Cloud rewritten = cloud("fairfax", "https://portal.azure.com", "https://portal.azure.com -> https://portal.azure.us");
        Cloud media = cloud("mooncake", "https://portal.azure.com", "https://learn.microsoft.com -> https://docs.azure.cn");
        Cloud alsoRewritten = cloud("other", "https://portal.azure.com", "https://PORTAL.azure.com -> https://portal.azure.us");
        SharedBodies memo = new SharedBodies("articles/a.md");
        List<SharedBodies.Shared> bodies = each(memo, html, List.of(plain, rewritten, media, alsoRewritten));
        assertEquals(3, memo.processed());
        assertTrue(bodies.get(1).body().html().contains("https://portal.azure.us/#home"), bodies.get(1).body().html());
        assertTrue(bodies.get(2).body().html().contains("https://docs.azure.cn/x.png"), bodies.get(2).body().html());
        assertNotEquals(bodies.get(0).body(), bodies.get(1).body());
        // Another rule, the same answers: fairfax's body.
        assertSame(bodies.get(1), bodies.get(3));
    }

    @Test
    void processesAgainWhereThePortalDiffersAndSharesWhereItIsTheSame() {
        String html = html("[Open the VM blade](data-blade:Microsoft_Azure_Compute.VirtualMachineBlade.id.%2Fsub)\n");
        Cloud one = cloud("one", "https://portal.one");
        Cloud two = cloud("two", "https://portal.two");
        Cloud alsoOne = cloud("three", "https://portal.one", "https://example.com -> https://example.org");
        SharedBodies memo = new SharedBodies("articles/a.md");
        List<SharedBodies.Shared> bodies = each(memo, html, List.of(one, two, alsoOne));
        assertEquals(2, memo.processed());
        assertTrue(bodies.get(1).body().html().contains("https://portal.two/#blade/Microsoft_Azure_Compute"), bodies.get(1).body().html());
        assertSame(bodies.get(0), bodies.get(2));
    }

    @Test
    void processesAgainWhereAButtonsTargetIsRewritten() {
        String html = html("[Create a request](button-link:https://portal.azure.com/#create/Microsoft.Support)\n");
        Cloud plain = cloud("public", "https://portal.azure.com");
        Cloud rewritten = cloud("usnat", "https://portal.azure.com", "https://portal.azure.com -> https://portal.usnat.contoso");
        SharedBodies memo = new SharedBodies("articles/a.md");
        List<SharedBodies.Shared> bodies = each(memo, html, List.of(plain, rewritten, plain));
        assertEquals(2, memo.processed());
        assertTrue(bodies.get(1).body().html().contains("https://portal.usnat.contoso/#create"), bodies.get(1).body().html());
        assertSame(bodies.get(0), bodies.get(2));
    }

    @Test
    void aUrlOnlyInTheTitleIsNotAskedAbout() {
        // The H1 leaves the body before links are rewritten: its link is never asked about.
        String html = html("# Use [the portal](https://portal.azure.com)\n\nText.\n");
        SharedBodies memo = new SharedBodies("articles/a.md");
        each(memo, html, List.of(cloud("a", "https://p"), cloud("b", "https://p", "https://portal.azure.com -> https://portal.azure.us")));
        assertEquals(1, memo.processed());
    }

    @Test
    void aBodyDifferentInOneCloudIsProcessedApart() {
        SharedBodies memo = new SharedBodies("articles/a.md");
        Cloud a = cloud("a", "https://p");
        Cloud b = cloud("b", "https://p");
        each(memo, html("Text for a.\n"), List.of(a));
        each(memo, html("Text for b.\n"), List.of(b));
        each(memo, html("Text for a.\n"), List.of(b));
        assertEquals(2, memo.processed());
        assertEquals(1, memo.reused());
    }

    @Test
    void whatPagesShareCannotBeChanged() {
        SharedBodies.Shared s = new SharedBodies("articles/a.md").body(post, html("## One\n\n[x](x.png)\n"), cloud("a", "https://p"), SITE_URL);
        assertThrows(UnsupportedOperationException.class, () -> s.files().add("y.png"));
        assertThrows(UnsupportedOperationException.class, () -> s.body().toc().clear());
        List<TocEntry> toc = new ArrayList<>(List.of(new TocEntry(2, "a", "A")));
        HtmlBody body = new HtmlBody("", "", toc, "");
        toc.clear();
        assertEquals(1, body.toc().size());
    }

    /**
     * Every golden rendering fixture's body through one memo for every built-in cloud (and two
     * with the portal and rules of sample-content's air-gapped clouds), in two orders: each
     * cloud's result is its own processing's.
     */
    @Test
    void everyFixtureAndCloudAsProcessedAlone() throws IOException {
        List<Cloud> clouds = new ArrayList<>(CloudCatalog.builtIn().active());
        clouds.add(cloud("usnat-like", "https://portal.contoso.eaglex.ic.gov", "https://portal.azure.com -> https://portal.contoso.eaglex.ic.gov",
                "https://learn.microsoft.com/en-us/ -> https://docs.contoso.eaglex.ic.gov/en-us/"));
        clouds.add(cloud("ussec-like", "https://portal.contoso.microsoft.scloud", "https://portal.azure.com -> https://portal.contoso.microsoft.scloud",
                "https://learn.microsoft.com/en-us/ -> https://docs.contoso.microsoft.scloud/en-us/"));
        CloudCatalog catalog = CloudCatalog.builtIn();
        Path fixtures = Path.of("src/test/resources/fixtures/render");
        List<Path> scenarios;
        try (Stream<Path> list = Files.list(fixtures)) {
            scenarios = list.filter(Files::isDirectory).sorted().toList();
        }
        int processed = 0;
        for (Path scenario : scenarios) {
            Path base = scenario.toAbsolutePath();
            Includes includes = new Includes(base);
            CloudPreprocessor pre = new CloudPreprocessor(includes, includes::text, catalog.variableNames());
            String input = Files.readString(base.resolve("articles/input.md"), StandardCharsets.UTF_8);
            for (List<Cloud> order : List.of(clouds, reversed(clouds))) {
                SharedBodies memo = new SharedBodies("articles/input.md");
                for (Cloud c : order) {
                    String html = markdown.render(pre.process("articles/input.md", input, c));
                    assertSameResult(direct(html, c), memo.body(post, html, c, SITE_URL), scenario + " / " + c.id());
                }
                processed += memo.processed();
            }
        }
        assertTrue(processed < 2 * scenarios.size() * clouds.size(), "nothing shared: " + processed);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        Collections.reverse(r);
        return r;
    }
}
