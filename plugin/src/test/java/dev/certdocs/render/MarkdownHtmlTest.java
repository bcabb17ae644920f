package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.parser.Parser;
import dev.certdocs.load.MarkdownDialect;
import dev.certdocs.load.Nesting;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The renderer's own depth guard: flexmark's tree, not the text measure, decides where a page is cut. */
class MarkdownHtmlTest {

    /**
     * Texts the line measure reads as shallower than flexmark parses them (raw HTML and fences
     * interleaved, a fence left of an empty list item's content): cases the fuzz properties found.
     */
    private static final List<String> HOSTILE = List.of(
            "<div>> " + "\n```\n".repeat(3) + "> ".repeat(600) + "text" + "\n```\n".repeat(3) + "</div>\n",
            "> <div>" + "\n```\n".repeat(2) + "> ".repeat(600) + "text" + "\n```\n".repeat(2) + "</div>\n",
            "\n<span><span>" + "\n```\n".repeat(2) + "> ".repeat(600) + "text" + "\n```\n".repeat(2) + "</span></span>\n");

    @Test
    void aTreeTooDeepIsCutAtItsLineNotLostWhole() {
        for (String text : HOSTILE) {
            assertTrue(MarkdownHtml.tooDeep(Parser.builder(MarkdownDialect.options()).build().parse(text)) >= 0,
                    "flexmark no longer nests this deep: the case proves nothing");
            String html = onASmallStack(() -> new MarkdownHtml().render("Before.\n\n" + text));
            assertNotEquals(MarkdownHtml.UNREADABLE, html);
            assertTrue(html.contains("<p>Before.</p>"), html);
            assertTrue(html.contains("nests more than"), "the note in place of the cut text");
            assertFalse(html.contains("text</p>"), "the text past the cut");
        }
    }

    @Test
    void ordinaryNestingIsRenderedWhole() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < Nesting.MAX_DEPTH - 1; i++) md.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        md.append("\n").append("> ".repeat(Nesting.MAX_DEPTH - 1)).append("**_~~[deep](x.md)~~_**\n");
        String html = onASmallStack(() -> new MarkdownHtml().render(md.toString()));
        assertFalse(html.contains("nests more than"), html);
        assertTrue(html.contains("level 30") && html.contains("<a href=\"x.md\">deep</a>"), html);
        assertEquals(-1, MarkdownHtml.tooDeep(Parser.builder(MarkdownDialect.options()).build().parse(md.toString())));
    }

    private static String onASmallStack(java.util.function.Supplier<String> work) {
        AtomicReference<String> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() instanceof StackOverflowError e) throw e;
        if (failure.get() != null) throw new AssertionError(failure.get());
        return out.get();
    }
}
