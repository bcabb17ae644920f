package dev.certdocs.load;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The flexmark options {@link MarkdownDialect#options} gave before issue 16's point 17: flexmark's
 * own tables and autolink extensions and core heading parser, without {@link TablesOnce}, {@link AutolinkGate}
 * and {@link HeadingGate}. Kept as
 * the reference the equivalence test and the Markdown benchmark hold the dialect to.
 */
public final class FlexmarkReference {

    private FlexmarkReference() {
    }

    /** A fresh set of the old parser options. */
    public static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
                StrikethroughExtension.create(), TaskListExtension.create(), AutolinkExtension.create()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options;
    }
}
