package dev.certdocs.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gives headings their anchor ids the way GitHub does, so links written against GitHub previews
 * keep working: lower case, every character that is not a letter, mark, digit, connector,
 * space or hyphen dropped, spaces turned into hyphens; a repeated id gets {@code -1},
 * {@code -2}, … One instance per document: the renderer and the link checker both use it.
 */
public final class HeadingIds {

    private final Map<String, Integer> seen = new HashMap<>();

    /** The id for the next heading with this plain text. */
    public String next(String plainText) {
        String base = slug(plainText);
        Integer count = seen.get(base);
        if (count == null) {
            seen.put(base, 0);
            return base;
        }
        String id;
        do {
            count++;
            id = base + "-" + count;
        } while (seen.containsKey(id));
        seen.put(base, count);
        seen.put(id, 0);
        return id;
    }

    /** The slug of one text, without duplicate handling. */
    public static String slug(String plainText) {
        String lower = plainText.strip().toLowerCase(Locale.ROOT);
        if (plainSlug(lower)) return lower.replace(' ', '-');
        // What [^\p{L}\p{M}\p{N}\p{Pc} -] drops, by code point, written out: a heading with punctuation is common.
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ') {
                out.append('-');
            } else if (c == '-' || kept(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Whether a code point is a letter, a mark, a number or a connector: what {@code [^\p{L}\p{M}\p{N}\p{Pc} -]} keeps besides space and hyphen. */
    private static boolean kept(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Whether nothing in the text would be dropped (the common case, which needs no regular expression). */
    private static boolean plainSlug(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-')) return false;
        }
        return true;
    }
}
