package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link HeadingGate#mayStart}: never false where flexmark's heading patterns would match. */
class HeadingGateTest {

    /** The patterns flexmark's heading factory tries from a line's first non-blank character, with the dialect's options. */
    private static final Pattern ATX = Pattern.compile("^#{1,6}(?:[ \t]+|$)");
    private static final Pattern SETEXT = Pattern.compile("^(?:=+|-+)[ \t]*$");

    @Test
    void passesByOnlyLinesTheHeadingPatternsCannotMatch() {
        char[] alphabet = {'#', '#', '=', '=', '-', '-', ' ', '\t', '\n', '\r', '\u0085', '\u2028', '\u2029', 'a', '*', '\u00a0'};
        Random random = new Random(16);
        int passedBy = 0;
        for (int round = 0; round < 300_000; round++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) line.append(alphabet[random.nextInt(alphabet.length)]);
            String s = line.toString();
            int start = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
            if (!HeadingGate.mayStart(BasedSequence.of(s), start)) {
                passedBy++;
                String rest = s.substring(start);
                assertFalse(ATX.matcher(rest).find() || SETEXT.matcher(rest).find(), () -> "passed by: " + rest.chars().boxed().toList());
            }
        }
        assertTrue(passedBy > 50_000, "too few lines passed by to prove anything: " + passedBy);
    }
}
