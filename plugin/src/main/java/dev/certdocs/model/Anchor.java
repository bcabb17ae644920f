package dev.certdocs.model;

/**
 * A place a {@code #fragment} can point at: a heading (its id is given by {@link HeadingIds} from
 * its plain text, in page order, so it is only known per cloud) or an explicit id
 * ({@code <a id>}, {@code <a name>}, any allowed element's {@code id}, a heading's {@code {#id}}).
 *
 * @param text     for a heading its plain text as a reader sees it ({@code {{cloud.x}}} not yet
 *                 replaced); for an explicit anchor the id itself
 * @param heading  whether {@code text} is a heading's text rather than an id
 * @param position where it is
 * @param scope    the cloud blocks it is inside
 */
public record Anchor(String text, boolean heading, SourcePosition position, CloudScope scope) {
}
