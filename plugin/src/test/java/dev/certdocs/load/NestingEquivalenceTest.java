package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 29: {@link Nesting}'s scan reads a {@code char[]} instead of the string; on random
 * and hostile text (every construct it counts, fences, tabs, long mark lines, text above U+00FF) it
 * measures what {@link NestingReference} (the scan before) measures: the deepest point, the
 * crossing and the depth at each offset asked for, from the start and from a later line, and line
 * by line as the body scanner drives it.
 */
class NestingEquivalenceTest {

    private static final String[] PARTS = {
        "\n", "\n", "\n\n", " ", "  ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "12) ", "1234567890. ", "*", "**", "***",
        "_", "__", "~", "~~", "~~~", "`", "``", "```", "````", "[", "]", "![", "\\", "\\*", "word", "Wörter", "日本語", "✓",
        "“quoted”", "a.b", "(", ")", "!", "?", "\u00A0", "\u2003", "\r", ":::", "-", "---", "***\n", "<div>", "x",
        "*".repeat(300), "> ".repeat(40), "- ".repeat(40), "- ".repeat(300), "[".repeat(40), "**a".repeat(20),
    };

    @Test
    void measuresRandomTextAsTheOldScanDid() {
        Random random = new Random(29);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 60);
            for (int i = 0; i < parts; i++) sb.append(PARTS[random.nextInt(PARTS.length)]);
            same(sb.toString(), random);
        }
    }

    private static void same(String text, Random random) {
        int[] offsets = new int[random.nextInt(4)];
        for (int i = 0; i < offsets.length; i++) offsets[i] = random.nextInt(text.length() + 1);
        Arrays.sort(offsets);
        assertEquals(NestingReference.crossing(text), Nesting.crossing(text), text);
        same(text, NestingReference.measure(text, 0, offsets), Nesting.measure(text, 0, offsets));
        int from = text.indexOf('\n', random.nextInt(text.length() + 1));
        if (from >= 0) {
            int[] later = Arrays.stream(offsets).filter(o -> o > from).toArray();
            same(text, NestingReference.measure(text, from + 1, later), Nesting.measure(text, from + 1, later));
        }
        // line by line, as BodyScanner drives it
        NestingReference.Scan before = new NestingReference.Scan(text);
        Nesting.Scan now = Nesting.scan(text);
        List<Integer> asked = new ArrayList<>();
        for (int o : offsets) asked.add(o);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            while (!asked.isEmpty() && asked.get(0) < end + 1) {
                int o = asked.remove(0);
                if (o < start) continue;
                before.offset(o);
                now.offset(o);
            }
            before.line(start, end);
            now.line(start, end);
            start = end + 1;
        }
        same(text, before.depths(), now.depths());
    }

    private static void same(String text, NestingReference.Depths before, Nesting.Depths now) {
        assertEquals(before.max(), now.max(), text);
        assertEquals(before.crossing(), now.crossing(), text);
        assertArrayEquals(before.at(), now.at(), text);
    }
}
