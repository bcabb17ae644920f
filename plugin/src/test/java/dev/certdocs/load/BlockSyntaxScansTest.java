package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line scans ({@link BlockSyntax}, {@link HeadingText#foldWhiteSpace}) answer as
 * the patterns they replace, on lines made of the characters those patterns care about.
 */
class BlockSyntaxScansTest {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^ {0,3}(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]|$)");
    private static final Pattern THEMATIC_BREAK =
            Pattern.compile("^ {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    private static final String ALPHABET = "   \t\t####-*+_.)0123456789ax\r\u2028\u0085";

    private static String line(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return s.toString();
    }

    private static String atxByPattern(String line) {
        Matcher m = ATX.matcher(line);
        return !m.matches() ? null : m.group(2) == null ? "" : m.group(2);
    }

    @Test
    void readsAtxHeadingsAsThePatternDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 300_000; i++) {
            String line = "#".repeat(random.nextInt(3)) + line(random);
            assertEquals(atxByPattern(line), BlockSyntax.atxText(line), () -> "line '" + line + "'");
        }
        assertEquals("foo", BlockSyntax.atxText("  ## foo ##  "));
        assertEquals("#", BlockSyntax.atxText("# #"));
        assertEquals("foo#", BlockSyntax.atxText("# foo#"));
        assertNull(BlockSyntax.atxText("####### foo"));
    }

    @Test
    void findsListMarkersAsThePatternDoes() {
        Random random = new Random(12);
        for (int i = 0; i < 300_000; i++) {
            String line = line(random);
            assertEquals(LIST_ITEM.matcher(line).find(), BlockSyntax.startsListItem(line), () -> "line '" + line + "'");
        }
        assertTrue(BlockSyntax.startsListItem("12)\r"));
    }

    @Test
    void ruleOutOnlyLinesThatAreNoThematicBreak() {
        Random random = new Random(13);
        for (int i = 0; i < 300_000; i++) {
            String line = line(random);
            char lead = MarkdownDialect.lead(line);
            if (THEMATIC_BREAK.matcher(line).matches()) {
                assertTrue(BlockSyntax.mayBeThematicBreak(line, lead), () -> "line '" + line + "'");
            }
        }
        assertTrue(BlockSyntax.mayBeThematicBreak("- - - x".repeat(100), '-'), "a long line is left to the pattern");
    }

    @Test
    void foldsWhiteSpaceAsThePatternDoes() {
        Pattern whiteSpace = Pattern.compile("[\\s\\u00A0]+");
        String alphabet = "ab  \t\n\u000B\f\r\u00A0\u2028\u2003\u001C";
        Random random = new Random(14);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = s.toString();
            assertEquals(whiteSpace.matcher(text).replaceAll(" "), HeadingText.foldWhiteSpace(text), () -> "text '" + text + "'");
        }
    }
}
