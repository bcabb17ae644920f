package dev.certdocs.render;

/**
 * What the search index knows of one article page (short keys: the incremental build keeps these
 * entries, as JSON, in its state directory). The publish stage builds the sharded index from them.
 *
 * @param t title
 * @param d description
 * @param u URL from the version root
 * @param s service name
 * @param k kind label
 * @param h the headings of the table of contents (h2, h3), one per line
 * @param b body text, white space folded, cut at {@link #MAX_BODY} characters
 */
public record SearchEntry(String t, String d, String u, String s, String k, String h, String b) {

    /** Body text beyond this is not indexed: it bounds the index's size per article. */
    public static final int MAX_BODY = 4000;
}
