package dev.certdocs.publish;

import java.util.Arrays;
import java.util.List;

/**
 * The words of one article as {@link SearchIndex.Weights} weighs them: per distinct word, its
 * weight from the title, headings and description, its uses in the body and the last field it
 * was counted in. Words arrive as ranges of a char array ({@link SearchTerms#scan}): a word is
 * looked up by its characters, and only a word seen for the first time is copied, so a body of a
 * thousand words costs a copy per distinct word rather than a string and a map entry per use.
 * A stop word is marked when first seen (a lookup per distinct word) and never counted. Open
 * addressing, one array per column; not thread-safe (one per article being weighed).
 */
final class WordCounts implements SearchTerms.Sink {

    /** The field a word was last counted in when it is in none yet (title 0, headings 1, description 2). */
    static final int NO_FIELD = -1;

    /** The stop words of {@link SearchIndex#STOP}, made once. */
    private static final StopWords STOP = StopWords.of(SearchIndex.STOP);

    private final StopWords stopWords;
    private char[][] words;
    private int[] hashes;
    private int[] weights;
    private int[] uses;
    private int[] fields;
    private boolean[] stop;
    private int size;
    private int stops;
    /** What {@link #term} does with the next words: count a body use, or add {@link #weight} once in {@link #field}. */
    private boolean body;
    private int field;
    private int weight;

    /** An empty table for about {@code expected} words, {@code stopWords} left uncounted. */
    WordCounts(int expected, List<String> stopWords) {
        this.stopWords = stopWords == SearchIndex.STOP ? STOP : StopWords.of(stopWords);
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
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
        for (int i = 0; i < words.length; i++) {
            if (words[i] != null && !stop[i] && fields[i] == 0) weights[i] = w;
        }
    }

    /** The number of words, stop words left out. */
    int size() {
        return size - stops;
    }

    /** The slots' count, for iterating with {@link #counted}. */
    int capacity() {
        return words.length;
    }

    /** Whether slot {@code slot} holds a word that is not a stop word. */
    boolean counted(int slot) {
        return words[slot] != null && !stop[slot];
    }

    /** The word in slot {@code slot}. */
    char[] word(int slot) {
        return words[slot];
    }

    /** The weight of the word in slot {@code slot}: its fields' and up to 5 uses in the body. */
    int weight(int slot) {
        return weights[slot] + Math.min(uses[slot], 5);
    }

    private static int hash(char[] chars, int start, int end) {
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
        words[slot] = Arrays.copyOfRange(chars, start, end);
        hashes[slot] = h;
        fields[slot] = NO_FIELD;
        if (stopWords.contains(chars, start, end, h)) {
            stop[slot] = true;
            stops++;
        }
        size++;
        if (size * 2 > words.length) {
            grow();
            return slot(chars, start, end, h);
        }
        return slot;
    }

    private void allocate(int capacity) {
        words = new char[capacity][];
        hashes = new int[capacity];
        weights = new int[capacity];
        uses = new int[capacity];
        fields = new int[capacity];
        stop = new boolean[capacity];
    }

    private void grow() {
        char[][] oldWords = words;
        int[] oldHashes = hashes;
        int[] oldWeights = weights;
        int[] oldUses = uses;
        int[] oldFields = fields;
        boolean[] oldStop = stop;
        allocate(oldWords.length * 2);
        int mask = words.length - 1;
        for (int k = 0; k < oldWords.length; k++) {
            if (oldWords[k] == null) continue;
            int i = oldHashes[k] & mask;
            while (words[i] != null) i = (i + 1) & mask;
            words[i] = oldWords[k];
            hashes[i] = oldHashes[k];
            weights[i] = oldWeights[k];
            uses[i] = oldUses[k];
            fields[i] = oldFields[k];
            stop[i] = oldStop[k];
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

        boolean contains(char[] chars, int start, int end, int h) {
            int mask = words.length - 1;
            for (int i = h & mask; words[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == h && Arrays.equals(words[i], 0, words[i].length, chars, start, end)) return true;
            }
            return false;
        }
    }
}
