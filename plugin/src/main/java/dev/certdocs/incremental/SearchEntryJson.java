package dev.certdocs.incremental;

import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;

/**
 * Search entries as the JSON the spool and the entry store keep. An article's clouds are
 * rendered one after another on one thread, and their entries are mostly equal (the same title,
 * address, headings and text): the bytes of the thread's last entry are taken again for an equal
 * entry instead of serialising it again (about three in four of a build's entries).
 */
final class SearchEntryJson {

    /** An entry and its JSON. */
    private record Serialized(SearchEntry entry, byte[] json) {
    }

    private final ThreadLocal<Serialized> last = new ThreadLocal<>();

    /** {@code entry} as JSON ({@link SiteRenderer#searchIndexEntry}); the array is shared: not to be changed. */
    byte[] of(SearchEntry entry) {
        Serialized before = last.get();
        if (before != null && before.entry().equals(entry)) return before.json();
        byte[] json = SiteRenderer.searchIndexEntry(entry);
        last.set(new Serialized(entry, json));
        return json;
    }
}
