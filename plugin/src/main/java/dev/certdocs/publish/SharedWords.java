package dev.certdocs.publish;

import java.util.Arrays;

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
 */
final class SharedWords {

    /** A word: its hash, its characters (compared on lookup) and its one string. */
    record Entry(int hash, char[] chars, String word) {
    }

    /** The table; replaced whole when it grows, read without a lock. */
    private volatile Entry[] table = new Entry[1024];
    /** Words in {@link #table}; written under the lock. */
    private int size;

    /** The entry of {@code chars[start, end)}, added when missing. */
    Entry intern(char[] chars, int start, int end, int hash) {
        Entry e = find(table, chars, start, end, hash);
        return e != null ? e : add(chars, start, end, hash);
    }

    /** Forgets every word. */
    synchronized void clear() {
        table = new Entry[1024];
        size = 0;
    }

    private synchronized Entry add(char[] chars, int start, int end, int hash) {
        Entry[] t = table;
        Entry e = find(t, chars, start, end, hash);
        if (e != null) return e;
        char[] copy = Arrays.copyOfRange(chars, start, end);
        e = new Entry(hash, copy, new String(copy));
        if ((size + 1) * 2 > t.length) {
            Entry[] grown = new Entry[t.length * 2];
            for (Entry old : t) {
                if (old != null) put(grown, old);
            }
            put(grown, e);
            table = grown;
        } else {
            put(t, e);
        }
        size++;
        return e;
    }

    private static void put(Entry[] t, Entry e) {
        int mask = t.length - 1;
        int i = e.hash() & mask;
        while (t[i] != null) i = (i + 1) & mask;
        t[i] = e;
    }

    private static Entry find(Entry[] t, char[] chars, int start, int end, int hash) {
        int mask = t.length - 1;
        int n = end - start;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) return null;
            char[] w = e.chars();
            if (e.hash() == hash && w.length == n && Arrays.equals(w, 0, n, chars, start, end)) return e;
        }
    }
}
