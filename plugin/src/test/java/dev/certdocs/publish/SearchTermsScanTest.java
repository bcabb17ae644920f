package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.model.Letters;
import dev.certdocs.render.SearchEntry;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchTerms#scan} and {@link WordCounts} (issue 16) against the plain ways they replace:
 * a string per word ({@link #reference}) and a map of words to counts ({@link #referenceWeights}),
 * on texts made to hit every fold rule, stop words, accents, other scripts and surrogates.
 */
class SearchTermsScanTest {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String[] PIECES = {"policies", "Policy", "BOXES", "box", "caches", "cache", "class", "status",
        "analysis", "the", "The", "is", "this", "THIS", "as", "us", "ies", "xies", "VMs", "vm", "fixes", "buzzes", "matches",
        "wishes", "passes", "pass", "ie", "es", "s", "e", "se", "axe", "Políticas", "ÜBERPRÜFEN", "ΟΔΟΣ", "σοφός", "Σ",
        "日本語", "k8s", "2028", "x\uD83D\uDE00y", "\uD835\uDC00bc", "\uD800", "ﬁle", "İstanbul", "straße", "a", "to", "your",
        " ", "  ", ",", ".", "-", "/", "\n", "é", "\u0301", "ǅ", "Ⅻ", "٣"};

    /** The terms as {@code SearchTerms.of} made them before {@code scan}: a string per word, folded by {@code fold}. */
    private static List<String> reference(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) return terms;
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            if (Letters.letterOrNumber(c)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                terms.add(SearchTerms.fold(plain.substring(start, i)));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) terms.add(SearchTerms.fold(plain.substring(start)));
        return terms;
    }

    /** The weights as {@code Weights} worked them out with a map of words to {weight, uses, last field}. */
    private static Map<String, Integer> referenceWeights(String title, String headings, String description, String body) {
        Set<String> stop = Set.copyOf(SearchIndex.STOP);
        Map<String, int[]> slots = new HashMap<>();
        List<String> titleWords = new ArrayList<>();
        for (String t : reference(title)) {
            if (!stop.contains(t) && !slots.containsKey(t)) {
                slots.put(t, new int[] {0, 0, 0});
                titleWords.add(t);
            }
        }
        for (String t : titleWords) slots.get(t)[0] = SearchIndex.TITLE_WEIGHT + 10 / Math.max(1, titleWords.size());
        String[] fields = {headings, description};
        int[] weights = {6, 3};
        for (int f = 0; f < 2; f++) {
            for (String t : reference(fields[f])) {
                if (stop.contains(t)) continue;
                int[] slot = slots.computeIfAbsent(t, x -> new int[] {0, 0, -1});
                if (slot[2] < f + 1) {
                    slot[2] = f + 1;
                    slot[0] += weights[f];
                }
            }
        }
        for (String t : reference(body)) {
            if (!stop.contains(t)) slots.computeIfAbsent(t, x -> new int[] {0, 0, -1})[1]++;
        }
        Map<String, Integer> out = new TreeMap<>();
        slots.forEach((t, s) -> out.put(t, s[0] + Math.min(s[1], 5)));
        return out;
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) > 0) b.append(random.nextBoolean() ? " " : ", ");
        }
        return b.toString();
    }

    @Test
    void scanGivesTheTermsOfAStringPerWord() {
        Random random = new Random(16);
        for (int i = 0; i < 3000; i++) {
            String text = randomText(random, random.nextInt(12));
            assertEquals(reference(text), SearchTerms.of(text), text);
        }
        assertEquals(List.of(), SearchTerms.of(null));
        assertEquals(List.of(), SearchTerms.of(""));
        // Every folding rule, at the ends of the text and between other words.
        assertEquals(reference("policies pies ties boxes buzzes matches wishes passes axes axe gases bus is"),
                SearchTerms.of("policies pies ties boxes buzzes matches wishes passes axes axe gases bus is"));
    }

    @Test
    void weightsAreThoseOfAMapOfWordsToCounts() {
        Random random = new Random(61);
        for (int i = 0; i < 1500; i++) {
            String title = randomText(random, random.nextInt(6));
            String headings = randomText(random, random.nextInt(8));
            String description = randomText(random, random.nextInt(8));
            // Long bodies as well: the table grows from its first size.
            String body = randomText(random, random.nextInt(i % 10 == 0 ? 2000 : 60));
            SearchIndex.Weighted w = new SearchIndex.Weights().of(new SearchEntry(title, description, "u", "s", "k", headings, body));
            Map<String, Integer> got = new TreeMap<>();
            for (int k = 0; k < w.terms().length; k++) assertEquals(null, got.put(w.terms()[k], w.weights()[k]), "each term once");
            assertEquals(referenceWeights(title, headings, description, body), got, title + " | " + body);
        }
    }

    @Test
    void aTableStartedSmallGrowsAndKeepsItsCounts() {
        WordCounts counts = new WordCounts(1, SearchIndex.STOP);
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < 500; i++) {
                char[] word = ("w" + i).toCharArray();
                counts.body().term(word, 0, word.length);
            }
        }
        char[] the = "the".toCharArray();
        counts.body().term(the, 0, the.length);
        assertEquals(500, counts.size());
        int seen = 0;
        for (int slot = 0; slot < counts.capacity(); slot++) {
            if (!counts.counted(slot)) continue;
            seen++;
            assertEquals(3, counts.weight(slot), new String(counts.word(slot)));
        }
        assertEquals(500, seen);
    }
}
