package dev.certdocs.render;

/**
 * One article in {@code search-index.json}: short keys keep the index small.
 *
 * @param t title
 * @param d description
 * @param u URL from the version root
 * @param s service name
 * @param k kind label
 * @param b body text, white space folded, cut at {@link #MAX_BODY} characters
 */
public record SearchEntry(String t, String d, String u, String s, String k, String b) {

    /** Body text beyond this is not indexed: it keeps the index small enough to load on a phone. */
    public static final int MAX_BODY = 4000;
}
