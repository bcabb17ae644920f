package dev.certdocs.render;

import java.util.List;

/**
 * An article body as HTML for one cloud: sanitized, headings with ids, the H1 taken out
 * (its text is {@code title}), the h2/h3 table of contents, and the plain text for search
 * ({@link SearchText}: white space folded, cut at {@link SearchEntry#MAX_BODY} characters).
 * Immutable: the pages of clouds whose answers match share one ({@link SharedBodies}).
 */
record HtmlBody(String html, String title, List<TocEntry> toc, String text) {

    HtmlBody {
        toc = List.copyOf(toc);
    }
}
