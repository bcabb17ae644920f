package dev.certdocs.load;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The Markdown that articles are written in: CommonMark plus GitHub's tables, strikethrough,
 * task lists and autolinks. The renderer and the link scanner parse with these options, so links
 * and headings are found where the rendered page has them.
 */
public final class MarkdownDialect {

    private MarkdownDialect() {
    }

    /** A fresh set of the parser options; callers may add their own (the renderer's soft breaks). */
    public static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
                StrikethroughExtension.create(), TaskListExtension.create(), AutolinkExtension.create()));
        // GitHub's table rules: no column spans, ragged rows padded or cut to the header.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options;
    }
}
