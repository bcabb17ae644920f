package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(501, counts.seen());
        int seen = 0;
        for (int k = 0; k < counts.seen(); k++) {
            if (!counts.counted(k)) {
                assertEquals(500, k, "the stop word came last");
                continue;
            }
            assertEquals("w" + k, counts.word(k), "in the order the words came");
            assertEquals(3, counts.weight(k), counts.word(k));
            seen++;
        }
        assertEquals(500, seen);
        // Emptied for the next article, it keeps its size and counts from nothing.
        int capacity = counts.capacity();
        counts.reset();
        assertEquals(0, counts.seen());
        assertEquals(capacity, counts.capacity());
        char[] w7 = "w7".toCharArray();
        counts.field(1, 6).term(w7, 0, 2);
        counts.field(1, 6).term(the, 0, the.length);
        assertEquals(1, counts.size());
        assertEquals(6, counts.weight(0));
    }

    @Test
    void everyCharacterOfTheBasicPlaneGivesTheTermsOfTheWholeTextNormalised() {
        // scan makes a text plain one character at a time when it knows every one of them: each of the 65,536 UTF-16
        // units, alone, doubled, between letters, before an "s" (the fold), beside a mark and beside a sigma.
        for (int c = 0; c <= 0xFFFF; c++) {
            String u = String.valueOf((char) c);
            String text = "ab" + u + "cd " + u + u + "s x" + u + "\u0301y " + u + "es " + u + "ΣA q" + u;
            assertEquals(reference(text), SearchTerms.of(text), () -> "U+" + Integer.toHexString(text.charAt(2)));
        }
    }

    @Test
    void whatScanKeepsOfACharacterIsNeverReorderedByTheDecomposition() {
        // The decomposition of a whole text reorders the characters of nonzero combining class beside each other; scan may
        // make a text plain character by character only because all of them are marks, which are dropped. A character
        // left after its marks are dropped must be of class 0: put after U+0334 (class 1) and before U+0301 (class 230)
        // it stays where it is only then.
        int kept = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) continue;
            String left = MARKS.matcher(Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD)).replaceAll("");
            for (int i = 0; i < left.length(); i++) {
                String d = String.valueOf(left.charAt(i));
                assertEquals(d + "\u0334", Normalizer.normalize(d + "\u0334", Normalizer.Form.NFD), "U+" + Integer.toHexString(c));
                assertEquals("\u0301" + d, Normalizer.normalize("\u0301" + d, Normalizer.Form.NFD), "U+" + Integer.toHexString(c));
                kept++;
            }
        }
        assertTrue(kept > 60000, "kept " + kept);
    }

    @Test
    void randomTextsOfAnyBasicCharacterGiveTheTermsOfTheWholeTextNormalised() {
        Random random = new Random(1916);
        SearchTerms.Scratch scratch = new SearchTerms.Scratch();
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                int kind = random.nextInt(4);
                if (kind == 0) b.append((char) random.nextInt(0x10000));
                else if (kind == 1) b.append((char) (0x80 + random.nextInt(0x800)));
                else if (kind == 2) b.append(PIECES[random.nextInt(PIECES.length)]);
                else b.append(' ');
            }
            String text = b.toString();
            List<String> got = new ArrayList<>();
            // The scratch kept from text to text, as a table keeps it: shorter texts reuse its buffer, longer ones replace it.
            SearchTerms.scan(text, scratch, (chars, start, end) -> got.add(new String(chars, start, end - start)));
            assertEquals(reference(text), got, text);
        }
    }

    @Test
    void tablesReusedTextAfterTextAndOnSeveralThreadsWeighAsANewTableEach() throws Exception {
        // Weights lends one table per thread at a time and empties it after each text: a word must not stay from one text
        // to the next, whatever the sizes (long bodies grow a table, short texts follow), on four threads at once.
        Random random = new Random(1619);
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            texts.add(new String[] {randomText(random, random.nextInt(6)), randomText(random, random.nextInt(8)),
                randomText(random, random.nextInt(8)), randomText(random, random.nextInt(i % 50 == 0 ? 3000 : 80))});
        }
        SearchIndex.Weights weights = new SearchIndex.Weights();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Map<String, Integer>>> got = new ArrayList<>();
            for (String[] t : texts) {
                got.add(pool.submit(() -> {
                    SearchIndex.Weighted w = weights.of(new SearchEntry(t[0], t[2], "u", "s", "k", t[1], t[3]));
                    Map<String, Integer> m = new TreeMap<>();
                    for (int k = 0; k < w.terms().length; k++) assertEquals(null, m.put(w.terms()[k], w.weights()[k]), "each term once");
                    return m;
                }));
            }
            for (int i = 0; i < texts.size(); i++) {
                String[] t = texts.get(i);
                assertEquals(referenceWeights(t[0], t[1], t[2], t[3]), got.get(i).get(), "text " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWordIsOneStringForAllTheTextsOfAWeights() {
        SearchIndex.Weights weights = new SearchIndex.Weights();
        SearchIndex.Weighted a = weights.of(new SearchEntry("Disk full", "", "a", "", "", "", "the disk is full"));
        SearchIndex.Weighted b = weights.of(new SearchEntry("Other", "", "b", "", "", "", "a full disk"));
        Map<String, String> first = new HashMap<>();
        for (String t : a.terms()) first.put(t, t);
        for (String t : b.terms()) {
            if (first.containsKey(t)) assertTrue(first.get(t) == t, "the same string: " + t);
        }
        assertTrue(first.containsKey("disk") && first.containsKey("full"));
    }
}
