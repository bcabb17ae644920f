package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Includes#joined}, the repository path of a target worked out on strings, is what
 * {@link Path}'s resolve, normalize and relativize give wherever it answers, on random paths of
 * the characters that matter ({@code /}, {@code .}, {@code \}, blanks, NUL, non-ASCII), and
 * answers for the common ones.
 */
class IncludesJoinedTest {

    private static final String ALPHABET = "ab./././/..\\ \t\0é%";

    @Test
    void givesWhatPathGivesWheneverItAnswers() {
        assumeTrue(File.separatorChar == '/', "string paths are used only where '/' separates names");
        Path base = Path.of("/work/repo");
        Random random = new Random(16);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            String from = text(random, 12) + "f.md";
            String target = text(random, 14);
            String joined = Includes.joined(from, target);
            if (joined == null) continue;
            answered++;
            Path resolved;
            try {
                resolved = base.resolve(from).getParent().resolve(target).normalize();
            } catch (InvalidPathException e) {
                throw new AssertionError("joined '" + joined + "' for a path Path refuses: " + from + " -> " + target, e);
            }
            assertFalse(target.isBlank(), target);
            assertTrue(resolved.startsWith(base) && !resolved.equals(base), from + " -> " + target);
            assertEquals(base.relativize(resolved).toString().replace('\\', '/'), joined, from + " -> " + target);
        }
        assertTrue(answered > 5_000, "answered " + answered);
    }

    @Test
    void answersTheCommonTargetsAndLeavesTheRestToPath() {
        assertEquals("articles/net/b.md", Includes.joined("articles/vm/a.md", "../net/b.md"));
        assertEquals("articles/vm/media/x.png", Includes.joined("articles/vm/a.md", "./media//x.png/"));
        assertEquals("includes/x.md", Includes.joined("a.md", "includes/x.md"));
        assertNull(Includes.joined("articles/a.md", "../../repo/x.md")); // above the repository on the way
        assertNull(Includes.joined("articles/a.md", ".."));              // the repository itself
        assertNull(Includes.joined("articles/a.md", "/etc/passwd"));
        assertNull(Includes.joined("articles/a.md", " "));
        assertNull(Includes.joined("articles/a.md", "ü.md"));
        assertNull(Includes.joined("articles/a.md", "x\0.md"));
        assertNull(Includes.joined("articles/../a.md", "x.md"));
        assertNull(Includes.joined("/a.md", "x.md"));
        assertNull(Includes.joined("articles/a.md", "a\\b.md"));
    }

    private static String text(Random random, int max) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(max);
        for (int k = 0; k < n; k++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return s.toString();
    }
}
