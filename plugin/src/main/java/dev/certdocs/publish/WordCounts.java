package dev.certdocs.publish;

import java.util.Arrays;
import java.util.List;

/**
 * The words of one article as {@link SearchIndex.Weights} weighs them: per distinct word, its
 * weight from the title, headings and description, its uses in the body and the last field it
 * was counted in. Words arrive as ranges of a char array ({@link SearchTerms#scan}): a word is
 * looked up by its characters, and a word seen for the first time in the article is looked up in
 * the build's {@link SharedWords} (by its characters too), so a body of a thousand words costs
 * neither a string nor a copy per use, and a word the build already knows costs none at all.
 * A stop word is marked when first seen (a lookup per distinct word) and never counted. Open
 * addressing, one array per column, the slots used listed in the order the words came.
 *
 * <p>Made to be reused, article after article: {@link #reset} empties only the slots the last
 * article used, and the table keeps the size it grew to. Not thread-safe: one per thread at a time
 * ({@link SearchIndex.Weights} lends them out).
 */
final class WordCounts implements SearchTerms.Sink {

    /** The field a word was last counted in when it is in none yet (title 0, headings 1, description 2). */
    static final int NO_FIELD = -1;

    /** The stop words of {@link SearchIndex#STOP}, made once. */
    private static final StopWords STOP = StopWords.of(SearchIndex.STOP);

    private final StopWords stopWords;
    private final SharedWords shared;
    private char[][] words;
    private String[] strings;
    private int[] hashes;
    private int[] weights;
    private int[] uses;
    private int[] fields;
    private boolean[] stop;
    /** The slots used, in the order their words came. */
    private int[] used;
    private int size;
    private int stops;
    /** What {@link SearchTerms#scan} keeps from text to text. */
    private final SearchTerms.Scratch scratch = new SearchTerms.Scratch();
    /** What {@link #term} does with the next words: count a body use, or add {@link #weight} once in {@link #field}. */
    private boolean body;
    private int field;
    private int weight;

    /** An empty table for about {@code expected} words, {@code stopWords} left uncounted, its words' strings its own. */
    WordCounts(int expected, List<String> stopWords) {
        this(expected, stopWords, new SharedWords());
    }

    /** The same, its words' strings those of {@code shared}. */
    WordCounts(int expected, List<String> stopWords, SharedWords shared) {
        this.stopWords = stopWords == SearchIndex.STOP ? STOP : StopWords.of(stopWords);
        this.shared = shared;
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    /** Empties the table for the next article: the slots used, not the whole table. */
    WordCounts reset() {
        for (int k = 0; k < size; k++) {
            int slot = used[k];
            words[slot] = null;
            strings[slot] = null;
        }
        size = 0;
        stops = 0;
        body = false;
        field = 0;
        weight = 0;
        return this;
    }

    /** The scratch this table scans with, for its thread's use between texts. */
    SearchTerms.Scratch scratch() {
        return scratch;
    }

    /** Counts the words of {@code text} ({@link SearchTerms#scan}, with this table's scratch) as {@link #body} or {@link #field} set them. */
    WordCounts scan(String text) {
        SearchTerms.scan(text, scratch, this);
        return this;
    }

    /** The next words are body uses. */
    WordCounts body() {
        body = true;
        return this;
    }

    /** The next words are in {@code field}, which adds {@code weight} once to each of them. */
    WordCounts field(int field, int weight) {
        this.body = false;
        this.field = field;
        this.weight = weight;
        return this;
    }

    @Override
    public void term(char[] chars, int start, int end) {
        int h = hash(chars, start, end);
        int slot = slot(chars, start, end, h);
        if (words[slot] == null) slot = insert(slot, chars, start, end, h);
        if (stop[slot]) return;
        if (body) {
            uses[slot]++;
        } else if (fields[slot] < field) {
            fields[slot] = field;
            weights[slot] += weight;
        }
    }

    /** Gives {@code w} to each word counted in the title (field 0) so far: the title is counted first, with weight 0. */
    void weighTitle(int w) {
        for (int k = 0; k < size; k++) {
            int slot = used[k];
            if (!stop[slot] && fields[slot] == 0) weights[slot] = w;
        }
    }

    /** The number of words, stop words left out. */
    int size() {
        return size - stops;
    }

    /** The number of words with the stop words, for iterating with {@link #counted}. */
    int seen() {
        return size;
    }

    /** Whether the {@code k}th word seen is not a stop word. */
    boolean counted(int k) {
        return !stop[used[k]];
    }

    /** The {@code k}th word seen, the string the {@link SharedWords} holds for it (null for a stop word). */
    String word(int k) {
        return strings[used[k]];
    }

    /** The weight of the {@code k}th word seen: its fields' and up to 5 uses in the body. */
    int weight(int k) {
        int slot = used[k];
        return weights[slot] + Math.min(uses[slot], 5);
    }

    /** The table's slots. */
    int capacity() {
        return words.length;
    }

    static int hash(char[] chars, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) h = 31 * h + chars[i];
        return h ^ (h >>> 16);
    }

    /** The slot holding the word, or the empty one where it would go. */
    private int slot(char[] chars, int start, int end, int h) {
        int mask = words.length - 1;
        int n = end - start;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            char[] w = words[i];
            if (w == null) return i;
            if (hashes[i] == h && w.length == n && Arrays.equals(w, 0, n, chars, start, end)) return i;
        }
    }

    private int insert(int slot, char[] chars, int start, int end, int h) {
        char[] stopWord = stopWords.find(chars, start, end, h);
        if (stopWord != null) {
            // Never a term: no string, and the stop list's own characters.
            words[slot] = stopWord;
            strings[slot] = null;
            stop[slot] = true;
            stops++;
        } else {
            SharedWords.Entry e = shared.intern(chars, start, end, h);
            words[slot] = e.chars();
            strings[slot] = e.word();
            stop[slot] = false;
        }
        hashes[slot] = h;
        fields[slot] = NO_FIELD;
        weights[slot] = 0;
        uses[slot] = 0;
        used[size++] = slot;
        if (size * 2 > words.length) {
            grow();
            return slot(chars, start, end, h);
        }
        return slot;
    }

    private void allocate(int capacity) {
        words = new char[capacity][];
        strings = new String[capacity];
        hashes = new int[capacity];
        weights = new int[capacity];
        uses = new int[capacity];
        fields = new int[capacity];
        stop = new boolean[capacity];
        used = new int[capacity / 2 + 1];
    }

    private void grow() {
        char[][] oldWords = words;
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        int[] oldWeights = weights;
        int[] oldUses = uses;
        int[] oldFields = fields;
        boolean[] oldStop = stop;
        int[] oldUsed = used;
        allocate(oldWords.length * 2);
        int mask = words.length - 1;
        // In the order the words came, so the list of used slots keeps it.
        for (int n = 0; n < size; n++) {
            int k = oldUsed[n];
            int i = oldHashes[k] & mask;
            while (words[i] != null) i = (i + 1) & mask;
            words[i] = oldWords[k];
            strings[i] = oldStrings[k];
            hashes[i] = oldHashes[k];
            weights[i] = oldWeights[k];
            uses[i] = oldUses[k];
            fields[i] = oldFields[k];
            stop[i] = oldStop[k];
            used[n] = i;
        }
    }

    /** A small fixed set of words, looked up by a range of characters and the hash {@link #hash} gives it. */
    private record StopWords(char[][] words, int[] hashes) {

        static StopWords of(List<String> list) {
            int capacity = Integer.highestOneBit(Math.max(8, list.size() * 4 - 1)) << 1;
            char[][] words = new char[capacity][];
            int[] hashes = new int[capacity];
            for (String w : list) {
                char[] c = w.toCharArray();
                int h = hash(c, 0, c.length);
                int i = h & (capacity - 1);
                while (words[i] != null && !Arrays.equals(words[i], c)) i = (i + 1) & (capacity - 1);
                words[i] = c;
                hashes[i] = h;
            }
            return new StopWords(words, hashes);
        }

        /** The stop word {@code chars[start, end)}, or null when it is none. */
        char[] find(char[] chars, int start, int end, int h) {
            int mask = words.length - 1;
            for (int i = h & mask; words[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == h && Arrays.equals(words[i], 0, words[i].length, chars, start, end)) return words[i];
            }
            return null;
        }
    }
}
