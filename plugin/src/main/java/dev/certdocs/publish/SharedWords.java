package dev.certdocs.publish;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one string of each word of a build's search indexes, looked up by a range of characters and
 * its {@link WordCounts} hash: a word already known costs no string, no copy and no lock; only a
 * new one is copied, under the lock. Shared by the threads that index clouds in parallel.
 *
 * <p>A lookup reads the current table without a lock. A slot is written once, under the lock, with
 * an {@link Entry} whose fields are final, so a reader that sees the entry sees its word whole; one
 * that sees the slot still empty, or an older table while another thread grows it, misses, and
 * {@link #intern} looks again under the lock before it adds the word. Open addressing, linear
 * probing, at most half full.
 *
 * <p>The hash is the characters' polynomial, which content can make collide (as "Aa" and "BB" do)
 * for as many words as it likes. So a word is looked for in at most {@link #PROBES} slots from its
 * own: a word whose slots are all taken when it comes is kept in {@link #crowded} instead, a map
 * whose bins of colliding strings are trees, and a lookup that finds its slots all taken looks
 * there. Slots are never emptied, so a word's slots, once all taken, stay so, and it is found
 * where it was put; a table that grows puts each word back where it fits or, past its slots, in
 * {@link #crowded}.
 */
final class SharedWords {

    /** A word: its hash, its characters (compared on lookup) and its one string. */
    record Entry(int hash, char[] chars, String word) {
    }

    /** The slots a word may be in, from its own: more than a table at most half full ever needs by chance. */
    static final int PROBES = 32;
    /** What {@link #find} gives when all of a word's slots are taken by others. */
    private static final Entry CROWDED = new Entry(0, new char[0], "");

    /** The table; replaced whole when it grows, read without a lock. */
    private volatile Entry[] table = new Entry[1024];
    /** Words in {@link #table}; written under the lock. */
    private int size;
    /** The words whose slots were all taken when they came (none but in contrived content). */
    private final ConcurrentHashMap<String, Entry> crowded = new ConcurrentHashMap<>();

    /** The entry of {@code chars[start, end)}, added when missing. */
    Entry intern(char[] chars, int start, int end, int hash) {
        Entry e = find(table, chars, start, end, hash);
        if (e == CROWDED) e = crowded.get(new String(chars, start, end - start));
        return e != null ? e : add(chars, start, end, hash);
    }

    /** Forgets every word. */
    synchronized void clear() {
        table = new Entry[1024];
        size = 0;
        crowded.clear();
    }

    /** The number of words kept in {@link #crowded}. */
    int crowdedWords() {
        return crowded.size();
    }

    /** Adds the word, unless another thread has: every word is added here, under the lock, once. */
    private synchronized Entry add(char[] chars, int start, int end, int hash) {
        Entry[] t = table;
        Entry e = find(t, chars, start, end, hash);
        if (e != null && e != CROWDED) return e;
        String word = new String(chars, start, end - start);
        if (e == CROWDED || !crowded.isEmpty()) {
            Entry c = crowded.get(word);
            if (c != null) return c;
        }
        e = new Entry(hash, word.toCharArray(), word);
        if ((size + 1) * 2 > t.length) {
            Entry[] grown = new Entry[t.length * 2];
            int kept = 0;
            for (Entry old : t) {
                if (old != null && put(grown, old)) kept++;
            }
            size = kept;
            table = grown;
            t = grown;
        }
        if (put(t, e)) size++;
        return e;
    }

    /** Puts {@code e} in the first free one of its slots, or in {@link #crowded} when none is; whether it went in the table. */
    private boolean put(Entry[] t, Entry e) {
        int mask = t.length - 1;
        int i = e.hash() & mask;
        for (int probe = 0; probe < PROBES; probe++, i = (i + 1) & mask) {
            if (t[i] == null) {
                t[i] = e;
                return true;
            }
        }
        crowded.put(e.word(), e);
        return false;
    }

    /** The entry of the word, null when one of its slots is free and it is not there, {@link #CROWDED} when all are taken by others. */
    private static Entry find(Entry[] t, char[] chars, int start, int end, int hash) {
        int mask = t.length - 1;
        int n = end - start;
        int i = hash & mask;
        for (int probe = 0; probe < PROBES; probe++, i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) return null;
            char[] w = e.chars();
            if (e.hash() == hash && w.length == n && Arrays.equals(w, 0, n, chars, start, end)) return e;
        }
        return CROWDED;
    }
}
