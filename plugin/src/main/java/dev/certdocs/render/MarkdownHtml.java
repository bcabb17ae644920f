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

    String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
