package dev.certdocs.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.certdocs.load.MarkdownDialect;

/**
 * CommonMark plus the GFM extensions (tables, strikethrough, task lists, autolinks) to HTML.
 * The parser and renderer are built once and shared by every thread: both are thread-safe.
 */
final class MarkdownHtml {

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownHtml() {
        MutableDataSet options = MarkdownDialect.options();
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** What a page shows when flexmark cannot read its Markdown at all. */
    static final String UNREADABLE = "<p>(This page is not shown: its Markdown is too complex to read.)</p>\n";

    /**
     * The HTML of {@code markdown}. What nests too deep never gets here ({@link CloudPreprocessor}
     * cuts it); should some other construct still exhaust the stack (flexmark's patterns recurse
     * once per repetition of some syntax on a line), the page says so instead of the build failing
     * with a stack trace: validation reports such lines where its own patterns fail on them.
     */
    String render(String markdown) {
        try {
            return renderer.render(parser.parse(markdown));
        } catch (StackOverflowError e) {
            return UNREADABLE;
        }
    }
}
