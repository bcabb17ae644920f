package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The covered ranges of a paragraph blank in each line what going through all of them blanked: overlapping, nested, across lines. */
class CoveredRangesTest {

    @Test
    void blanksWhatEachRangeCoversOfEachLine() {
        Random random = new Random(31);
        for (int round = 0; round < 20_000; round++) {
            List<int[]> ranges = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                int start = random.nextInt(60);
                ranges.add(new int[] {start, start + random.nextInt(random.nextBoolean() ? 5 : 40)});
            }
            Autolinks.Covered covered = new Autolinks.Covered(ranges);
            for (int from = 0; from < 70; from += 1 + random.nextInt(12)) {
                int length = random.nextInt(15);
                String line = "x".repeat(length);
                char[] expected = line.toCharArray();
                for (int[] c : ranges) {
                    for (int k = Math.max(c[0], from); k < Math.min(c[1], from + length); k++) expected[k - from] = ' ';
                }
                char[] actual = line.toCharArray();
                covered.blank(actual, from);
                int at = from;
                assertEquals(new String(expected), new String(actual), () -> "line at " + at + " ranges "
                        + ranges.stream().map(r -> r[0] + "-" + r[1]).toList());
            }
        }
    }
}
