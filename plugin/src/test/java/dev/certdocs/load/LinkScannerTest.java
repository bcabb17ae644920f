package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.SchemaLoader;
import dev.certdocs.model.Anchor;
import dev.certdocs.model.CloudBlockMarker;
import dev.certdocs.model.Link;
import dev.certdocs.model.PageLinks;
import dev.certdocs.testing.ArticleText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the link checker finds links and anchors: each kind of link at its exact file
 * {@code line:col} (the body starts after the properties block, on line 13 of an
 * {@link ArticleText}), the cloud blocks around it, and the plain text of headings.
 */
class LinkScannerTest {

    @TempDir
    Path repo;

    private PageLinks scan(String body) {
        String text = ArticleText.generic("a1").body(body).text();
        ArticleLoader loader = new ArticleLoader(repo, SchemaLoader.load(Optional.empty()));
        return new LinkScanner(new Includes(repo)).article(loader.parse("articles/a.md", repo.resolve("articles/a.md"), text));
    }

    private static List<String> links(PageLinks page) {
        return page.links().stream().map(LinkScannerTest::format).toList();
    }

    private static String format(Link l) {
        String scope = l.scope().blocks().isEmpty() ? "" : " in " + l.scope().blocks().stream()
                .map(b -> (b.exclude() ? "-" : "+") + String.join("+", b.clouds())).collect(Collectors.joining(" "));
        return l.position() + " " + l.origin() + " " + l.target() + (l.reference() == null ? "" : " [" + l.reference() + "]") + scope;
    }

    private static List<String> anchors(PageLinks page) {
        return page.anchors().stream().map((Anchor a) -> a.position() + (a.heading() ? " heading " : " id ") + a.text()).toList();
    }

    @Test
    void findsEveryKindOfLinkAtItsFilePosition() {
        PageLinks page = scan("""

                # Title

                See [the guide](guide.md#step-1 "Guide") and ![diagram](media/d.png).
                Reference [text][ref], collapsed [ref][] and shortcut [ref].
                Autolinks <https://a.example/x>, https://b.example/y. and www.c.example, mail <ops@contoso.com>.
                Raw <a href="raw.md#top" id="here">x</a> and <img src="media/r.png" alt="r">.
                <div>
                  <p><a href='block.md'>block</a></p>
                </div>

                [ref]: https://ref.example/path#frag
                """);
        assertEquals(List.of(
                "articles/a.md:16:5 LINK guide.md#step-1",
                "articles/a.md:16:46 IMAGE media/d.png",
                "articles/a.md:17:11 LINK https://ref.example/path#frag [ref]",
                "articles/a.md:17:34 LINK https://ref.example/path#frag [ref]",
                "articles/a.md:17:55 LINK https://ref.example/path#frag [ref]",
                "articles/a.md:18:11 AUTOLINK https://a.example/x",
                "articles/a.md:18:34 AUTOLINK https://b.example/y",
                "articles/a.md:18:59 AUTOLINK http://www.c.example",
                "articles/a.md:18:79 AUTOLINK mailto:ops@contoso.com",
                "articles/a.md:19:5 HTML_HREF raw.md#top",
                "articles/a.md:19:46 HTML_SRC media/r.png",
                "articles/a.md:21:6 HTML_HREF block.md"), links(page));
        assertEquals(List.of("articles/a.md:14:1 heading Title", "articles/a.md:19:5 id here"), anchors(page));
    }

    @Test
    void keepsUndefinedFullReferencesButNotShortcutBrackets() {
        PageLinks page = scan("""

                # Title

                A [broken][nowhere] reference, an [empty][] one, and brackets [like this] or > [!NOTE].
                """);
        assertEquals(List.of("articles/a.md:16:3 LINK null [nowhere]", "articles/a.md:16:35 LINK null [empty]"), links(page));
    }

    @Test
    void findsNothingInCodeCommentsOrIncludeDirectives() {
        PageLinks page = scan("""

                # Title

                `[not](a.md)` and <!-- [hidden](b.md) -->

                ```
                [fenced](c.md)
                ```

                    [indented](d.md)

                [!INCLUDE [steps](../includes/steps.md)] then [after](e.md)
                """);
        assertEquals(List.of("articles/a.md:24:47 LINK e.md"), links(page));
        assertEquals(List.of("articles/a.md:24:1 ../includes/steps.md"),
                page.includes().stream().map(i -> i.position() + " " + i.target()).toList());
    }

    @Test
    void recordsTheCloudBlocksAroundEachLink() {
        PageLinks page = scan("""

                # Title

                [everywhere](a.md)

                ::: cloud include="fairfax, usnat"
                [gov](b.md)

                ::: cloud exclude="usnat"
                [fairfax only](c.md)
                ::: cloud-end
                ::: cloud-end

                [after](d.md)
                """);
        assertEquals(List.of(
                "articles/a.md:16:1 LINK a.md",
                "articles/a.md:19:1 LINK b.md in +fairfax+usnat",
                "articles/a.md:22:1 LINK c.md in +fairfax+usnat -usnat",
                "articles/a.md:26:1 LINK d.md"), links(page));
        assertEquals(List.of(true, true, true, true), page.links().stream().map(l -> l.scope().admits("fairfax")).toList());
        assertEquals(List.of(true, true, false, true), page.links().stream().map(l -> l.scope().admits("usnat")).toList());
        assertEquals(List.of(true, false, false, true), page.links().stream().map(l -> l.scope().admits("public")).toList());
    }

    @Test
    void givesHeadingsTheTextAReaderSees() {
        PageLinks page = scan("""

                # Use `az vm` &amp; *stuff* [here](x.md) ![icon](i.png) \\*escaped\\*

                Setext with <kbd>Ctrl</kbd>+C
                ---

                ## Custom id {#my-id}

                ## Cause

                <h3>HTML heading</h3>
                <h3 id="set">HTML with id</h3>

                ## Anchor inside <a name="legacy"></a>
                """);
        assertEquals(List.of(
                "articles/a.md:14:1 heading Use az vm & stuff here *escaped*",
                "articles/a.md:16:1 heading Setext with Ctrl+C",
                "articles/a.md:19:1 id my-id",
                "articles/a.md:21:1 heading Cause",
                "articles/a.md:23:1 heading HTML heading",
                "articles/a.md:24:1 id set",
                "articles/a.md:26:1 heading Anchor inside",
                "articles/a.md:26:18 id legacy"), anchors(page));
    }

    @Test
    void scansAnIncludeFileAtItsOwnPositionsAfterItsPropertiesBlock() throws IOException {
        Files.createDirectories(repo.resolve("includes"));
        Files.writeString(repo.resolve("includes/steps.md"), """
                <properties pageTitle="x" />

                ## Steps

                1. Open [the portal](https://portal.azure.com).
                """);
        PageLinks page = new LinkScanner(new Includes(repo)).include("includes/steps.md");
        assertEquals(List.of("includes/steps.md:5:9 LINK https://portal.azure.com"), links(page));
        assertEquals(List.of("includes/steps.md:3:1 heading Steps"), anchors(page));
    }

    @Test
    void ignoresTheJsonDocumentOfAJsonKind() {
        String text = ArticleText.generic("a1").set("selfHelpType", "supportTopicDescription").body("""

                # Title

                ---
                {"url": "[x](json.md)"}
                ---

                [after](after.md)
                """).text();
        ArticleLoader loader = new ArticleLoader(repo, SchemaLoader.load(Optional.empty()));
        PageLinks page = new LinkScanner(new Includes(repo)).article(loader.parse("articles/a.md", repo.resolve("a.md"), text));
        assertEquals(List.of("articles/a.md:20:1 LINK after.md"), links(page));
    }

    @Test
    void markersAreTheOnesTheBodyScannerFound() {
        CloudBlockMarker m = scan("\n# T\n\n::: cloud include=\"fairfax\"\n[x](y.md)\n::: cloud-end\n").links().get(0).scope().blocks().get(0);
        assertEquals("articles/a.md:16:1", m.position().toString());
    }
}
