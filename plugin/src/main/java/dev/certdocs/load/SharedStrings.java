package dev.certdocs.load;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each short string that repeats from article to article (attribute names,
 * variable names, the clouds of {@code ::: cloud} blocks), so that a corpus of 100,000 articles
 * keeps each once instead of once per article: the records loading keeps are most of the heap a
 * large validation needs. Bounded: past {@link #MAX_STRINGS} strings, or for a long string, the
 * string itself is kept, as before. Thread-safe.
 */
final class SharedStrings {

    /** Names longer than this are not names that repeat. */
    static final int MAX_LENGTH = 64;
    /** Distinct strings kept at most, whatever the content holds. */
    static final int MAX_STRINGS = 4096;

    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private SharedStrings() {
    }

    /** The shared instance equal to {@code s}, or {@code s} itself. */
    static String of(String s) {
        if (s.length() > MAX_LENGTH) return s;
        String shared = SHARED.get(s);
        if (shared != null) return shared;
        if (SHARED.size() >= MAX_STRINGS) return s;
        shared = SHARED.putIfAbsent(s, s);
        return shared != null ? shared : s;
    }
}
