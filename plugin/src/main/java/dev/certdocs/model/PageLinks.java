package dev.certdocs.model;

import java.util.List;

/**
 * What the link checker needs from one Markdown file (an article body or an include file), in
 * source order: its links, its anchors, and its include directives, each with its cloud blocks.
 */
public record PageLinks(List<Link> links, List<Anchor> anchors, List<IncludeAt> includes) {

    public PageLinks {
        links = List.copyOf(links);
        anchors = List.copyOf(anchors);
        includes = List.copyOf(includes);
    }

    public static final PageLinks EMPTY = new PageLinks(List.of(), List.of(), List.of());

    /** An {@code [!INCLUDE]} directive: its target as written, where it is, the cloud blocks around it. */
    public record IncludeAt(String target, SourcePosition position, CloudScope scope) {
    }
}
