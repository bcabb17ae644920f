package dev.certdocs.model;

/**
 * A link or embedded resource as written in a Markdown file: a Markdown link, reference link,
 * autolink or image, or the {@code href}/{@code src} of raw HTML, where it starts, and the
 * {@code ::: cloud} blocks around it.
 *
 * @param target    the URL or path as written (entities and escapes decoded), {@code {{cloud.x}}}
 *                  variables not yet replaced; {@code null} for a reference link whose reference
 *                  is not defined
 * @param origin    how it was written
 * @param reference the reference label of a reference link ({@code [text][label]}), else {@code null}
 * @param position  where the link starts in its file ({@code [}, {@code !}, {@code <} or the URL's first character)
 * @param scope     the cloud blocks it is inside
 */
public record Link(String target, Origin origin, String reference, SourcePosition position, CloudScope scope) {

    /** How a link was written. */
    public enum Origin {
        /** {@code [text](target)} or {@code [text][ref]}. */
        LINK,
        /** {@code ![alt](src)} or {@code ![alt][ref]}. */
        IMAGE,
        /** {@code <https://…>}, {@code <a@b.c>} or a bare URL. */
        AUTOLINK,
        /** {@code href} of a raw HTML element. */
        HTML_HREF,
        /** {@code src} of a raw HTML element. */
        HTML_SRC;

        /** Whether the target is embedded in the page (an image, video, …) rather than navigated to. */
        public boolean embedded() {
            return this == IMAGE || this == HTML_SRC;
        }
    }
}
