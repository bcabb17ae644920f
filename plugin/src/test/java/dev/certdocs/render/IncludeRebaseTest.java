package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * An include file's relative links are written from the include file; inlined into an article in
 * another folder they are re-based, whatever their form, so that the page's links go where the
 * link checker (which resolves them from the include file) says they go. A target that starts
 * with a cloud variable is a URL, not a path, and is left alone.
 */
class IncludeRebaseTest {

    @Test
    void rebasesInlineLinksReferenceDefinitionsAndHtmlAttributes() {
        String include = """
                See [the guide](../articles/compute/guide.md), [the FAQ][faq] and <a href='../articles/faq.md#cost'>costs</a>.
                <img src="media/diagram.png" alt="diagram">

                [faq]: ../articles/faq.md
                   [logo]: <media/logo.png> "Logo"
                [site]: https://learn.microsoft.com/
                Open [the portal]({{cloud.portalUrl}}/#home) or <a href="{{cloud.statusUrl}}">the status page</a>.
                """;
        assertEquals("""
                See [the guide](guide.md), [the FAQ][faq] and <a href='../faq.md#cost'>costs</a>.
                <img src="../../includes/media/diagram.png" alt="diagram">

                [faq]: ../faq.md
                   [logo]: <../../includes/media/logo.png> "Logo"
                [site]: https://learn.microsoft.com/
                Open [the portal]({{cloud.portalUrl}}/#home) or <a href="{{cloud.statusUrl}}">the status page</a>.
                """, CloudPreprocessor.rebase(include, "includes/steps.md", "articles/compute/start.md"));
    }
}
