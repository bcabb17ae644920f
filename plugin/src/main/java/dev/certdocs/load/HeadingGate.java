package dev.certdocs.load;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's core heading parser, asked only about lines that can start a heading. For every line
 * it is asked about, its block factory (flexmark 0.64.8) first builds the whole paragraph the line
 * might underline (one sequence of all its lines so far, built part by part into an array grown
 * one slot at a time past eight), and only then tries its two patterns on the line from its first
 * non-blank character: {@code ^#{1,6}(?:[ \t]+|$)} (ATX) and {@code ^(?:=+|-+)[ \t]*$} (setext).
 * The first needs that character to be {@code #}, the second the rest of the line to be a run of
 * {@code =} or {@code -} and blanks: any other line gets no heading, so this factory answers
 * "none" for it without asking (a list item's {@code - } line, a paragraph's next line). Building the paragraph has no
 * effect besides its cost, which grows with the square of the paragraph's length on every line of
 * it (the biggest single cost of parsing articles with long paragraphs, such as JSON kept as text).
 * The core factory is turned off ({@link Parser#HEADING_PARSER}) and this one takes its place, with
 * its dependencies, so its place among the block parsers, made once per parser instead of per
 * document; the trees are the same (MarkdownEquivalenceTest).
 */
final class HeadingGate implements Parser.ParserExtension {

    static HeadingGate create() {
        return new HeadingGate();
    }

    private HeadingGate() {
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(Parser.HEADING_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    /**
     * Whether the heading parser could start a heading at this line: from its first non-blank character, a {@code #}
     * (ATX), or a run of {@code =} or of {@code -} with nothing after it but spaces, tabs and line ends (setext; the
     * pattern's {@code $} allows a final line end). Everything else the patterns cannot match (HeadingGateTest).
     */
    static boolean mayStart(BasedSequence line, int nextNonSpace) {
        int n = line.length();
        if (nextNonSpace >= n) return false;
        char c = line.charAt(nextNonSpace);
        if (c == '#') return true;
        if (c != '=' && c != '-') return false;
        int i = nextNonSpace + 1;
        while (i < n && line.charAt(i) == c) i++;
        for (; i < n; i++) {
            char t = line.charAt(i);
            // Java's $ also stands before a final U+0085, U+2028 or U+2029, which flexmark leaves inside a line.
            if (t != ' ' && t != '\t' && t != '\n' && t != '\r' && t != '\u0085' && t != '\u2028' && t != '\u2029') return false;
        }
        return true;
    }

    /**
     * The core factory behind the gate, made once per parser: flexmark asks for a block factory per document, and
     * the heading one compiles its three patterns each time. It keeps only the options it read and those patterns, in
     * final fields (flexmark 0.64.8: nothing is written after its constructor), and a parser gives every document
     * the same options, so one serves every document and thread of the parser.
     */
    private static final class Factory implements CustomBlockParserFactory {
        private final HeadingParser.Factory core = new HeadingParser.Factory();
        private volatile BlockParserFactory made;

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory gated = made;
            // Two threads may both make one at the start: equal, and either is kept.
            if (gated == null) made = gated = gate(core.apply(options));
            return gated;
        }

        private static BlockParserFactory gate(BlockParserFactory heading) {
            return new BlockParserFactory() {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (!mayStart(state.getLine(), state.getNextNonSpaceIndex())) return BlockStart.none();
                    return heading.tryStart(state, matched);
                }
            };
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return core.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return core.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return core.affectsGlobalScope();
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return core.getLeadInHandler(options);
        }
    }
}
