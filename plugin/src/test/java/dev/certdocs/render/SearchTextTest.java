package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search index's body text: white space folded as {@code replaceAll("\\s+", " ").strip()} does. */
class SearchTextTest {

    @Test
    void foldsEveryRunOfWhiteSpaceIntoOneSpaceAndStripsTheEnds() {
        for (String s : List.of("", " ", "a", "  a  b\t\tc\n", "\u2003a\u00a0 b\u2003", "a\r\n\u000Bb\fc", "\n\n x \n")) {
            assertEquals(s.replaceAll("\\s+", " ").strip(), HtmlPostProcessorReference.foldWhitespace(s), s);
        }
    }
}
