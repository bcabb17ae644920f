package dev.certdocs.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives headings their anchor ids the way GitHub does, so links written against GitHub previews
 * keep working: lower case, every character that is not a letter, mark, digit, connector,
 * space or hyphen dropped, spaces turned into hyphens; a repeated id gets {@code -1},
 * {@code -2}, … One instance per document: the renderer and the link checker both use it.
 */
public final class HeadingIds {

    private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

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
        if (!plainSlug(lower)) lower = DROPPED.matcher(lower).replaceAll("");
        return lower.replace(' ', '-');
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
