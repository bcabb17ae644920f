package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.certdocs.config.Cloud;
import dev.certdocs.load.Includes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each article's Markdown is parsed once for the clouds that differ only in variable values
 * ({@link CloudMarkdown}): a value is put into the template's HTML only where it renders as its
 * placeholder did, and otherwise the cloud's Markdown is rendered on its own. Either way the HTML
 * is the one rendering each cloud's Markdown gives; the tests check both which way a value goes
 * and that the HTML is that one.
 */
class CloudMarkdownTest {

    private static final Set<String> KNOWN = Set.of("x", "y", "name", "portalUrl", "gone");
    private final MarkdownHtml markdown = new MarkdownHtml();
    private CloudPreprocessor preprocessor;
    private CloudMarkdown shared;

    @BeforeEach
    void renderer(@TempDir Path repo) {
        preprocessor = new CloudPreprocessor(new Includes(repo), p -> "", KNOWN);
        shared = new CloudMarkdown(markdown, preprocessor);
    }

    private static Cloud cloud(String id, Map<String, String> variables) {
        return new Cloud(id, id, variables, List.of(), false, List.of(), false);
    }

    /** The template's HTML filled with {@code x = value}, or null when the cloud's Markdown must be rendered on its own; checked against that rendering. */
    private String filled(String body, String value) {
        Cloud cloud = cloud("c", Map.of("x", value, "y", "Azure", "name", "Azure Government", "portalUrl", "https://portal.azure.us"));
        String direct = markdown.render(preprocessor.process("articles/a.md", body, cloud));
        assertEquals(direct, shared.html("articles/a.md", body, cloud, new HashMap<>()), body + " / " + value);
        CloudMarkdown.Placeholders p = CloudMarkdown.Placeholders.of(preprocessor.blocks("articles/a.md", body, cloud), KNOWN);
        if (p == null) return null;
        String template = shared.template(p);
        if (template.isEmpty()) return null;
        String html = shared.fill(template, p, cloud);
        if (html != null) assertEquals(direct, html, body + " / " + value);
        return html;
    }

    @org.junit.jupiter.api.Test
    void placeholdersOfATextAreRememberedPerBaseAndArticle() {
        Map<String, String> article = new HashMap<>();
        String text = "In {{cloud.x}}, open {{cloud.y}}.\n";
        CloudMarkdown.Placeholders first = shared.placeholders(text, 0, article);
        assertEquals(CloudMarkdown.Placeholders.of(text, KNOWN, 0), first);
        // an equal text (another cloud's copy): the same placeholders, not made again
        org.junit.jupiter.api.Assertions.assertSame(first, shared.placeholders(new String(text.toCharArray()), 0, article));
        // numbered from another base: other placeholders
        assertEquals(CloudMarkdown.Placeholders.of(text, KNOWN, 3), shared.placeholders(text, 3, article));
        org.junit.jupiter.api.Assertions.assertNotEquals(first, shared.placeholders(text, 3, article));
        // a text without known variables has none, remembered as such; another article starts afresh
        org.junit.jupiter.api.Assertions.assertNull(shared.placeholders("{{cloud.unknown}}\n", 0, article));
        assertEquals(first, shared.placeholders(text, 0, new HashMap<>()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "In {{cloud.x}}, open the portal.\n",
        "# Sign in to {{cloud.x}}\n\nText.\n",
        "Open the [{{cloud.x}} portal]({{cloud.portalUrl}}) now.\n",
        "Call *{{cloud.x}}* or **{{cloud.x}}** or ~~{{cloud.x}}~~ today.\n",
        "| Cloud | Name |\n|---|---|\n| here | {{cloud.x}} |\n",
        "- one\n- two {{cloud.x}}\n  {{cloud.y}} more\n> {{cloud.y}} quoted\n",
        "Run `login {{cloud.x}}` first.\n",
        "```console\ncurl -s {{cloud.x}}/health\n```\n",
        "    indented {{cloud.x}} code\n",
        "- [ ] task for {{cloud.x}}\n",
    })
    void sharesPlainValuesInTextCodeAndLinks(String body) {
        for (String value : List.of("Azure Government", "Azure operated by 21Vianet", "日本語 クラウド", "Contoso2")) {
            assertNotNull(filled(body, value), body + " / " + value);
        }
    }

    @Test
    void sharesPhoneNumbersBetweenSpaces() {
        assertNotNull(filled("Call {{cloud.x}} for help.\n", "+1 800 555 0100"));
        assertNotNull(filled("Call {{cloud.x}}.\n", "+1 800 555 0177 (secure line, ask for the usnat desk)"));
    }

    @Test
    void sharesUrlsThatAreAWordOfTheirOwnAsAutolinks() {
        String html = filled("Read the {{cloud.x}} pages.\n", "https://learn.microsoft.com");
        assertEquals("<p>Read the <a href=\"https://learn.microsoft.com\">https://learn.microsoft.com</a> pages.</p>\n", html);
        assertNotNull(filled("curl -s {{cloud.x}}\n", "https://portal.azure.us"));
    }

    @Test
    void sharesUrlsInLinkDestinations() {
        assertNotNull(filled("[create a request](button-link:{{cloud.x}}/#create/Microsoft.Support).\n", "https://portal.azure.us"));
        assertNotNull(filled("[status]({{cloud.x}} \"Status\")\n", "https://status.azure.cn/a?b=c"));
    }

    @Test
    void sharesCodeValuesThatWouldBeSyntaxInText() {
        assertNotNull(filled("```\ncurl -s {{cloud.x}}/health\n```\n", "https://portal.azure.us"));
        assertNotNull(filled("Run `{{cloud.x}}`.\n", "a:b@c"));
    }

    @Test
    void fallsBackForUrlsThatAutolinkInsideAWord() {
        assertNull(filled("curl -s {{cloud.x}}/health\n", "https://portal.azure.us"));
        assertNull(filled("Mail support@{{cloud.x}} today.\n", "contoso.com"));
        assertNull(filled("Go to www.{{cloud.x}} today.\n", "contoso.com"));
        assertNull(filled("Go to {{cloud.x}}.contoso.com today.\n", "www"));
        assertNull(filled("Mail {{cloud.x}}, today.\n", "help@contoso.com"));
        assertNotNull(filled("Mail {{cloud.x}} today.\n", "help@contoso.com"));
    }

    @Test
    void fallsBackForUrlsInsideLinkText() {
        assertNull(filled("[see {{cloud.x}}](https://a.example)\n", "https://portal.azure.us"));
    }

    @Test
    void fallsBackWhereEmphasisFlankingCouldChange() {
        assertNull(filled("a*{{cloud.x}}*b\n", "(secure)"));
        assertNull(filled("**{{cloud.x}}**\n", "+1 800"));
        assertNull(filled("Call _{{cloud.x}}_ now\n", "x."));
        assertNull(filled("[a](*{{cloud.x}}*)\n", "/x/"));
        assertNull(filled("Run `*{{cloud.x}}`\n", "+1"));
        assertNotNull(filled("[a](*{{cloud.x}}*)\n", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a *b* c", "a _b_", "`code`", "[link](x)", "a]", "<b>bold</b>", "&amp;", "a &copy; b", "a\\b",
            "a | b", "a ~~b~~", "1 # b", "a{b}", "a!b", "", " padded", "padded ", "a\nb", "a\tb", "---", "..."})
    void fallsBackForValuesWithMarkdownSyntax(String value) {
        assertNull(filled("In {{cloud.x}} here.\n", value));
        assertNull(filled("Run `go {{cloud.x}}` here.\n", value));
    }

    @Test
    void fallsBackForValuesThatStartALineWithSomethingButALetter() {
        assertNull(filled("{{cloud.x}} is the number.\n", "1. one"));
        assertNull(filled("{{cloud.x}} is the number.\n", "2024 plan"));
        assertNull(filled("- {{cloud.x}} is the number.\n", "+1 800"));
        assertNull(filled("# {{cloud.x}}\n", "+1 800"));
        assertNotNull(filled("{{cloud.x}} is the cloud.\n", "Azure Government"));
    }

    @Test
    void fallsBackForAnEmptyValueAndKeepsUnknownVariables() {
        assertNull(filled("**{{cloud.gone}}** and {{cloud.x}}\n", "Azure"));
        assertNotNull(filled("{{cloud.unknown}} and {{cloud.x}}\n", "Azure"));
    }

    @Test
    void fallsBackForLinkDestinationsThatTheValueWouldBreak() {
        assertNull(filled("[status]({{cloud.x}})\n", "https://a.example/with space"));
        assertNull(filled("[status]({{cloud.x}})\n", "https://a.example/(paren)"));
        assertNull(filled("[status](https://a.example/?a=1&amp{{cloud.x}})\n", "p;"));
        assertNull(filled("[status]({{cloud.x}})\n", "https://a.example/?a&b"));
    }

    @Test
    void doesNotUseTheTemplateInRawHtmlTitlesAutolinksImagesOrWithReferences() {
        assertNull(filled("<div>{{cloud.x}}</div>\n", "Azure"));
        assertNull(filled("Text <span title=\"{{cloud.x}}\">x</span>\n", "Azure"));
        assertNull(filled("[a](https://a.example \"{{cloud.x}}\")\n", "Azure"));
        assertNull(filled("<https://{{cloud.x}}.example>\n", "azure"));
        assertNull(filled("See https://{{cloud.x}}.example/ now\n", "azure"));
        assertNull(filled("![{{cloud.x}}](a.png)\n", "Azure"));
        assertNull(filled("[{{cloud.x}}]\n\n[azure]: https://a.example\n", "Azure"));
        assertNull(filled("<!-- {{cloud.x}} -->\n", "Azure"));
        assertNull(filled("```{{cloud.x}}\ncode\n```\n", "Azure"));
    }

    @Test
    void fallsBackForEntitiesAndEscapesBesideTheValue() {
        assertNull(filled("a &{{cloud.x}}; b\n", "amp"));
        assertNull(filled("a &am{{cloud.x}} b\n", "p;"));
        assertNull(filled("a \\{{cloud.x}} b\n", "*x"));
    }

    @Test
    void sharesOneRenderAmongCloudsWithTheSameBlocks() {
        String body = """
                In {{cloud.name}}, open [the portal]({{cloud.portalUrl}}).

                ::: cloud include="a,b"
                Only a and b.
                :::
                """;
        Cloud a = cloud("a", Map.of("name", "Azure", "portalUrl", "https://portal.azure.com"));
        Cloud b = cloud("b", Map.of("name", "Azure Government", "portalUrl", "https://portal.azure.us"));
        Cloud c = cloud("c", Map.of("name", "Azure operated by 21Vianet", "portalUrl", "https://portal.azure.cn"));
        Map<String, String> memo = new HashMap<>();
        for (Cloud cl : List.of(a, b, c)) {
            assertEquals(markdown.render(preprocessor.process("articles/a.md", body, cl)), shared.html("articles/a.md", body, cl, memo));
        }
        // one template for a and b, one for c: no cloud's own text was rendered (the block is never
        // closed, `:::` is not cloud-end: the article is not split into pieces, CloudBlocks)
        assertEquals(2, shared.article(memo, body).templates.size());
        assertEquals(0, memo.size());
    }

    @Test
    void aTextThatHoldsThePrefixIsRenderedPerCloud() {
        assertNull(CloudMarkdown.Placeholders.of("Literal " + CloudMarkdown.PREFIX + "0z and {{cloud.x}}\n", KNOWN));
        assertNull(filled("Literal " + CloudMarkdown.PREFIX + "0z and {{cloud.x}}\n", "Azure"));
    }

    /** Every value in every place: whichever way it goes, the HTML is the cloud's own rendering (checked in {@link #filled}). */
    @Test
    void rendersEveryValueInEveryPlaceAsTheCloudsOwnMarkdown() {
        List<String> bodies = List.of(
                "In {{cloud.x}}, see {{cloud.x}}.\n", "{{cloud.x}}\n", "{{cloud.x}}\n===\n", "# {{cloud.x}} #\n",
                "*{{cloud.x}}*\n", "**{{cloud.x}}**x\n", "a*{{cloud.x}}*b\n", "_{{cloud.x}}_\n", "~~{{cloud.x}}~~\n",
                "*see {{cloud.x}} now*\n", "## See {{cloud.x}}\n", "| a | b |\n|---|---|\n| {{cloud.x}} | c |\n",
                "| {{cloud.x}} |\n|---|\n", "- {{cloud.x}}\n", "1. {{cloud.x}}\n", "> {{cloud.x}}\n", "text\n{{cloud.x}}\n",
                "[{{cloud.x}}](u)\n", "[u]({{cloud.x}})\n", "[u](<{{cloud.x}}>)\n", "[u](a/{{cloud.x}}/b \"t\")\n",
                "`{{cloud.x}}`\n", "`` {{cloud.x}} ``\n", "```\n{{cloud.x}}\n```\n", "~~~\n{{cloud.x}}\n~~~\n",
                "    {{cloud.x}}\n", "x {{cloud.x}}  \nnext\n", "x{{cloud.x}}y\n", "({{cloud.x}})\n", "\"{{cloud.x}}\"\n",
                "{{cloud.x}}{{cloud.y}}\n", "see {{cloud.x}}/path here\n", "mail a@{{cloud.x}} x\n",
                "<{{cloud.x}}>\n", "[{{cloud.x}}][r]\n\n[r]: /x\n", "- [ ] {{cloud.x}}\n", "{{cloud.x}} | b\n--|--\nc | d\n",
                "see {{cloud.x}}\nnext line\n", "- a\n  > b {{cloud.x}}\n", "<b>{{cloud.x}}</b> and <i>{{cloud.x}} </i>\n",
                "a {{cloud.x}}\\\nb\n", "[{{cloud.x}}](u) {{cloud.x}}\n\n> ## {{cloud.x}}\n");
        List<String> values = List.of("Azure", "Azure Government", "+1 800 555 0100",
                "+1 800 555 0177 (secure line, ask for the usnat desk)", "https://portal.azure.us", "https://status.azure.cn/a?b=c",
                "help@contoso.com", "www.contoso.com", "1. one", "- item", "Ärger", "a.b", "x_y", "a*b", "'quoted'", "=", "a  b",
                "%20", "a;b", ":)", "foo:bar", "1)", "(x)", "x)");
        for (String body : bodies) {
            for (String value : values) filled(body, value);
        }
    }
}
