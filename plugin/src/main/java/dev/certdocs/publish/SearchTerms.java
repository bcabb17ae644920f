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
        if (text == null || text.isEmpty()) return terms;
        // Accents go with their marks; ASCII text has none, and most of a support site is ASCII.
        String plain = (ascii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""))
                .toLowerCase(Locale.ROOT); // the whole text at once: a final sigma depends on what follows it
        int start = -1;
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            if (Letters.letterOrNumber(c)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                terms.add(fold(plain.substring(start, i)));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) terms.add(fold(plain.substring(start)));
        return terms;
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
        String w = word;
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            w = w.substring(0, n - 3) + "y";
        } else if (n >= 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
        }
        // "boxes" lost its "s" above and "box" has no "e": drop the "e" after x, z, ch, sh, ss in both.
        if (w.length() > 3 && w.endsWith("e")) {
            String stem = w.substring(0, w.length() - 1);
            if (stem.endsWith("x") || stem.endsWith("z") || stem.endsWith("ch") || stem.endsWith("sh") || stem.endsWith("ss")) {
                w = stem;
            }
        }
        return w;
    }
}
