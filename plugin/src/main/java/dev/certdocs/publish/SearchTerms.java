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
        if (text == null || text.isEmpty()) return;
        char[] plain;
        if (ascii(text)) {
            // Most of a support site is ASCII: no marks to remove, and lower case is one range of letters.
            plain = text.toCharArray();
            for (int i = 0; i < plain.length; i++) {
                char c = plain[i];
                if (c >= 'A' && c <= 'Z') plain[i] = (char) (c + ('a' - 'A'));
            }
        } else {
            // Accents go with their marks; the whole text lower-cased at once: a final sigma depends on what follows it.
            plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                    .toLowerCase(Locale.ROOT).toCharArray();
        }
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

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return false;
        }
        return true;
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
