package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.Cloud;
import dev.certdocs.config.CloudCatalog;
import dev.certdocs.config.CloudSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The allow-list clean is skipped only where it would copy the parsed body unchanged
 * ({@link HtmlSafety#cleanKeepsAll}): every body flexmark makes from Markdown without raw HTML
 * skips it, every body with raw HTML the allow-list refuses (hostile or not) is cleaned, and
 * either way the page is the one a clean of every body gives.
 */
class SkippedCleanTest {

    private static final Cloud PUBLIC = CloudCatalog.of(List.of()).find("public").orElseThrow();
    private static final Cloud USNAT = CloudCatalog.of(List.of(new CloudSettings("usnat", null,
            "https://portal.usnat.contoso", "https://docs.usnat.contoso", Map.of(), null, null, null, null))).find("usnat").orElseThrow();

    private final MarkdownHtml markdown = new MarkdownHtml();
    private final HtmlPostProcessor skipping = new HtmlPostProcessor();
    private final HtmlPostProcessor cleaning = new HtmlPostProcessor(false);

    /** Whether the clean of this flexmark output is skipped (the processor's own decision). */
    private static boolean skipped(String html) {
        return HtmlPostProcessor.portalLinksAndCheck(Jsoup.parseBodyFragment(html).body(), PUBLIC);
    }

    /** The same page with and without the skip, links and files included. */
    private void assertSamePage(String html) {
        for (Cloud cloud : List.of(PUBLIC, USNAT)) {
            Set<String> files1 = new TreeSet<>();
            Set<String> files2 = new TreeSet<>();
            HtmlBody a = skipping.process(html, cloud, url -> { files1.add(url); return HtmlPostProcessor.mdToHtml(url); });
            HtmlBody b = cleaning.process(html, cloud, url -> { files2.add(url); return HtmlPostProcessor.mdToHtml(url); });
            assertEquals(b, a, html);
            assertEquals(files2, files1, html);
        }
    }

    static final String PLAIN_MARKDOWN = """
            # Title with [a link](other.md) and ![an image](media/title.png)

            Intro with **bold**, _em_, `code`, ~~gone~~, <https://example.com/auto> and www.contoso.com.

            > [!NOTE]
            > A note with a [link](../x.md#part) and an image ![x](media/x.png "a title").
            >
            > ## A heading inside the note

            > [!WARNING]
            > > [!TIP]
            > > A nested alert stays a quote.

            ## Steps {#steps}

            1. First
            2. Second with [portal](portal://Microsoft_Azure_Compute.VirtualMachineBlade)

            - a
            - b

            | a | b |
            |:--|--:|
            | 1 | [2](https://portal.azure.com/x) |

            ```bash
            echo "<script>alert(1)</script>"
            ```

            ### Third & last

            Line<br>break? No: a hard  
            break. [mail](mailto:a@b.c) [bad](javascript:alert(1)) ![bad](javascript:alert(2))

            ---
            """;

    @Test
    void markdownWithoutRawHtmlIsNotCleanedAndGivesTheSamePage() {
        String html = markdown.render(PLAIN_MARKDOWN.replace("Line<br>break? No: a hard", "A hard"));
        assertTrue(skipped(html), html);
        assertSamePage(html);
        assertSamePage(markdown.render(PLAIN_MARKDOWN));
    }

    static final List<String> REFUSED = List.of(
            "<p>x</p><script>alert(1)</script>",
            "<p>x<img src=\"a.png\" onerror=\"alert(1)\"></p>",
            "<p><a href=\"a.md\" onclick=\"alert(1)\">a</a></p>",
            "<p>x</p><!-- a comment -->",
            "<style>p { color: red }</style><p>x</p>",
            "<p>x<iframe src=\"https://evil.example\"></iframe></p>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<svg><![CDATA[<img src=x onerror=alert(1)>]]></svg>",
            "<form action=\"https://evil.example\"><input type=\"submit\"></form>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<ul><li><input type=\"checkbox\" disabled readonly> task</li></ul>",
            "<p><a href>valueless</a></p>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<p><custom-element>x</custom-element></p>",
            "<noscript><p>x</p></noscript>",
            "<template><p>x</p></template>",
            "<details open><summary>s</summary><p data-x=\"1\">x</p></details>");

    @Test
    void rawHtmlTheAllowListRefusesIsAlwaysCleaned() {
        List<String> skippedButRefused = new ArrayList<>();
        for (String raw : REFUSED) {
            if (skipped(raw)) skippedButRefused.add(raw);
            assertSamePage(raw);
            String page = skipping.process(raw, PUBLIC).html();
            assertFalse(page.contains("<!--"), page);
            for (Element e : Jsoup.parseBodyFragment(page).body().getAllElements()) {
                assertTrue(e.normalName().equals("body") || HtmlSafety.SAFELIST.isSafeTag(e.normalName()), page);
                for (org.jsoup.nodes.Attribute a : e.attributes()) {
                    assertTrue(HtmlSafety.SAFELIST.isSafeAttribute(e.tagName(), e, a), page);
                }
            }
        }
        assertEquals(List.of(), skippedButRefused);
    }

    @Test
    void rawHtmlInMarkdownIsCleanedWhateverItIs() {
        for (String raw : REFUSED) {
            String html = markdown.render("# T\n\nText " + raw + " more.\n\n" + raw + "\n");
            assertFalse(skipped(html), raw + " in " + html);
            assertSamePage(html);
        }
    }

    @Test
    void aBodyTagsAttributesNeverReachThePage() {
        // The fragment parser drops a <body> tag inside a body: nothing is left for the clean to remove.
        for (String html : List.of("<body onload=\"alert(1)\"><p>x</p>", markdown.render("x <body onload=\"alert(1)\"> y\n"))) {
            assertSamePage(html);
            assertFalse(skipping.process(html, PUBLIC).html().contains("onload"), html);
        }
    }

    @Test
    void allowedRawHtmlNeedsNoCleanAndRefusedUrlsAreStillRemoved() {
        String html = "<p><a href=\"javascript:alert(1)\" title=\"t\">x</a> <img src=\"data:text/html,x\" alt=\"a\"></p>"
                + "<blockquote cite=\"javascript:alert(2)\"><p>q</p></blockquote>";
        assertTrue(skipped(html), "allowed tags and attributes: the clean would keep them");
        assertSamePage(html);
        String page = skipping.process(html, PUBLIC).html();
        assertFalse(page.contains("javascript") || page.contains("data:text"), page);
    }

    @Test
    void everyGoldenAndSampleArticleGivesTheSamePageWithAndWithoutTheSkip() throws IOException {
        int pages = 0;
        for (Path root : List.of(Path.of("src/test/resources/fixtures/render"), Path.of("../sample-content"))) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int end = text.indexOf("\n/>");
                assertSamePage(markdown.render(end < 0 ? text : text.substring(end + 3)));
                pages++;
            }
        }
        assertTrue(pages > 20, "pages: " + pages);
    }
}
