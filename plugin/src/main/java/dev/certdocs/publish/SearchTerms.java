package dev.certdocs.publish;

import dev.certdocs.model.Letters;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the search index and {@code assets/search.js} turn text into terms: decomposed, accents and
 * other combining marks removed, lower-cased, split at anything but letters and digits, and each
 * word folded to one form for singular and plural ({@link #fold}). search.js applies the same
 * steps to the query and to the snippet it marks; the two must change together.
 */
public final class SearchTerms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchTerms() {
    }

    /** The folded terms of a text, in order, repeats kept. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        scan(text, (chars, start, end) -> terms.add(new String(chars, start, end - start)));
        return terms;
    }

    /** Receives the terms of {@link #scan}, each as a range of a char array that is only valid during the call. */
    @FunctionalInterface
    interface Sink {
        void term(char[] chars, int start, int end);
    }

    /**
     * Hands each folded term of {@code text} to {@code sink}, in order, repeats kept: the terms of
     * {@link #of}, without a string per use (the search index counts a body's words with it, and
     * makes a string only for each distinct word).
     */
    static void scan(String text, Sink sink) {
        scan(text, null, sink);
    }

    /**
     * What {@link #scan(String, Scratch, Sink)} keeps from one text to the next on one thread: the
     * buffer a text is made plain in, and what each character other than ASCII becomes
     * ({@link #plain}), worked out once. Not thread-safe: one per thread, as each word table has one.
     */
    static final class Scratch {
        private char[] buffer;
        /** Per UTF-16 unit, what the long way makes of it alone (0: not yet known); made at the first such character. */
        private int[] plain;

        /** The characters of {@code text} at the start of this scratch's buffer (valid until the next call): no new array. */
        char[] chars(String text) {
            int length = text.length();
            if (buffer == null || buffer.length < length) buffer = new char[Math.max(256, length + (length >> 2))];
            text.getChars(0, length, buffer, 0);
            return buffer;
        }
    }

    /**
     * {@link #scan(String, Sink)} with {@code scratch} (null: none kept).
     *
     * <p>A text whose every character is one {@link #plain} knows (all but a few: surrogates, Σ,
     * Hangul syllables) is made plain character by character, in one buffer: what the
     * decomposition, the removal of marks and the lower-casing of the whole text give, since each
     * of those works on a character alone there (the decomposition reorders only characters of a
     * nonzero combining class, all of them marks, which are dropped; only Σ is lower-cased by what
     * follows it). Any other text goes the long way, through {@link Normalizer}.
     */
    static void scan(String text, Scratch scratch, Sink sink) {
        if (text == null || text.isEmpty()) return;
        int length = text.length();
        char[] plain = scratch != null ? scratch.chars(text) : text.toCharArray();
        int[] known = scratch != null ? scratch.plain : null;
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = plain[i];
            if (c < 0x80) {
                // Most of a support site is ASCII: lower case is one range of letters.
                plain[n++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                continue;
            }
            if (known == null && scratch != null) known = scratch.plain = new int[0x10000];
            int p = known != null ? known[c] : 0;
            if (p == 0) {
                p = plain(c);
                if (known != null) known[c] = p;
            }
            if ((p & OTHER_WAY) != 0) {
                words(slowPlain(text), sink);
                return;
            }
            // A letter or digit as it is left, or a space for anything else: a word ends there all the same.
            if ((p & DROPPED) == 0) plain[n++] = (p & WORD) != 0 ? (char) p : ' ';
        }
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = plain[i];
            if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                fold(plain, start, i, sink);
                start = -1;
            }
        }
        if (start >= 0) fold(plain, start, n, sink);
    }

    /** The text decomposed, its marks removed, lower-cased: the long way, for any text. */
    private static char[] slowPlain(String text) {
        // Accents go with their marks; the whole text lower-cased at once: a final sigma depends on what follows it.
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)
                .toCharArray();
    }

    /** Hands the words of a plain text to {@code sink}, folded: the runs of letters and numbers, by code point. */
    private static void words(char[] plain, Sink sink) {
        int start = -1;
        for (int i = 0; i < plain.length; ) {
            int c = Character.codePointAt(plain, i);
            if (Letters.letterOrNumber(c)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                fold(plain, start, i, sink);
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) fold(plain, start, plain.length, sink);
    }

    /** In {@link Scratch#plain}: the character is known (the low 16 bits: what it becomes, when one character). */
    private static final int KNOWN = 1 << 16;
    /** In {@link Scratch#plain}: the character becomes nothing (a mark). */
    private static final int DROPPED = 1 << 17;
    /** In {@link Scratch#plain}: what the character becomes is a letter or a number. */
    private static final int WORD = 1 << 18;
    /** In {@link Scratch#plain}: a text with the character goes the long way (a surrogate, Σ, or more than one character). */
    private static final int OTHER_WAY = 1 << 19;

    /** What the long way makes of {@code c} alone, as {@link Scratch#plain} keeps it. */
    private static int plain(char c) {
        int p;
        if (Character.isSurrogate(c)) {
            p = KNOWN | OTHER_WAY;
        } else {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            String s = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                p = KNOWN | DROPPED;
            } else if (s.length() > 1 || decomposed.indexOf('\u03A3') >= 0) {
                // Hangul syllables (several jamo), and the sigma, whose lower case depends on the next letter.
                p = KNOWN | OTHER_WAY;
            } else {
                char d = s.charAt(0);
                p = KNOWN | (Letters.letterOrNumber(d) ? WORD : 0) | d;
            }
        }
        return p;
    }

    /**
     * {@link #fold(String)} of the word {@code chars[start, end)}, in place (the word may be changed),
     * handed to {@code sink}. The one place the rule is spelled out (search.js repeats it).
     */
    private static void fold(char[] chars, int start, int end, Sink sink) {
        int n = end - start;
        if (n > 4 && chars[end - 3] == 'i' && chars[end - 2] == 'e' && chars[end - 1] == 's') {
            chars[end - 3] = 'y';
            end -= 2;
        } else if (n >= 3 && chars[end - 1] == 's' && chars[end - 2] != 's' && chars[end - 2] != 'u' && chars[end - 2] != 'i') {
            end--;
        }
        // "boxes" lost its "s" above and "box" has no "e": drop the "e" after x, z, ch, sh, ss in both.
        if (end - start > 3 && chars[end - 1] == 'e') {
            char a = chars[end - 3];
            char b = chars[end - 2];
            if (b == 'x' || b == 'z' || (b == 'h' && (a == 'c' || a == 's')) || (b == 's' && a == 's')) end--;
        }
        sink.term(chars, start, end);
    }

    /**
     * One form for a word's singular and plural, not a dictionary stem: "policies" and "policy"
     * give "policy", "boxes" and "box" give "box", "caches" and "cache" both give "cach". Words
     * ending in "ss", "us" or "is" keep their "s" (class, status, analysis).
     */
    public static String fold(String word) {
        String[] folded = new String[1];
        fold(word.toCharArray(), 0, word.length(), (chars, start, end) -> folded[0] = new String(chars, start, end - start));
        return folded[0];
    }
}
