package dev.certdocs.load;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser with its two pattern matches made linear in the paragraph. flexmark
 * 0.64.8 reads an entity, an HTML tag, a link's destination and title, a code span's closing
 * backticks and more with {@code match}/{@code matchWithGroups}, which take the match's
 * positions from {@link Matcher#toMatchResult()}; on Java 17 that copies the whole input, the
 * paragraph, into a new string. Every such construct therefore cost the paragraph's length, and a
 * paragraph of many of them the square of it: 80 KB of {@code [a](b) } took 4 s, of
 * {@code <b>} 5 s, and a megabyte minutes. Here the positions are read from the matcher itself:
 * the same start, end and groups, so the same trees (MarkdownEquivalenceTest), and each match
 * costs what its pattern reads. It must be the last extension in the list (see {@link #extend}).
 */
final class RegionMatching implements Parser.ParserExtension {

    static RegionMatching create() {
        return new RegionMatching();
    }

    private RegionMatching() {
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserFactory(Inline::new);
        // flexmark adds its reference-definition pre-processor only for its own inline parser factory: added here as
        // it would be, after the extensions' pre-processors (this extension comes last).
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(builder)) builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    /** The inline parser; only {@code match} and {@code matchWithGroups} are its own. */
    static final class Inline extends InlineParserImpl {

        Inline(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> inlineParserExtensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
        }

        @Override
        public BasedSequence match(Pattern re) {
            Matcher m = find(re);
            return m == null ? null : input.subSequence(m.start(), m.end());
        }

        @Override
        public BasedSequence[] matchWithGroups(Pattern re) {
            Matcher m = find(re);
            if (m == null) return null;
            BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
            for (int g = 0; g < groups.length; g++) {
                int start = m.start(g);
                groups[g] = start < 0 ? null : input.subSequence(start, m.end(g));
            }
            return groups;
        }

        /** The pattern found from the parser's index on, the index moved past it; {@code null} (index kept) if it is not there. */
        private Matcher find(Pattern re) {
            if (index >= input.length()) return null;
            Matcher m = re.matcher(input);
            m.region(index, input.length());
            if (!m.find()) return null;
            index = m.end();
            return m;
        }
    }
}
