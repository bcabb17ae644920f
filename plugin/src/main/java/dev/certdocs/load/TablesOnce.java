package dev.certdocs.load;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * flexmark's tables extension with its paragraph pre-processor made once per parser instead of
 * once per document. The extension's factory makes a new {@code TableParagraphPreProcessor} for
 * each document parsed, which reads the table options and compiles the separator-line pattern
 * from them; here the first one made is kept for every later document of the same parser. That is
 * the same processor: a parser gives every document it parses its own options, and the
 * processor (flexmark 0.64.8) keeps only those options and the pattern, in final fields, and
 * writes no field of its own once made (its node maps are static and read only), so threads share
 * it as they share the parser. Rendering is the extension's own.
 */
final class TablesOnce implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = TablesExtension.create();

    static TablesOnce create() {
        return new TablesOnce();
    }

    private TablesOnce() {
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.paragraphPreProcessorFactory(new Factory(TableParagraphPreProcessor.Factory()));
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        tables.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        tables.extend(builder, rendererType);
    }

    /** The extension's factory, asked once per parser; the same dependencies, so the same place among the pre-processors. */
    private static final class Factory implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory extension;
        private volatile ParagraphPreProcessor made;

        Factory(ParagraphPreProcessorFactory extension) {
            this.extension = extension;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor p = made;
            // Two threads may both make one at the start: equal, and either is kept.
            if (p == null) made = p = extension.apply(state);
            return p;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return extension.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return extension.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return extension.affectsGlobalScope();
        }
    }
}
