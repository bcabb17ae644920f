package dev.certdocs.model;

import java.util.List;

/**
 * A {@code ::: cloud include="…"} / {@code exclude="…"} opening or a {@code ::: cloud-end} closing
 * marker. For an opening marker, {@code clouds} are the listed ids and {@code exclude} tells
 * which form was used; a closing marker has neither.
 */
public record CloudBlockMarker(boolean opening, boolean exclude, List<String> clouds, SourcePosition position) {

    public CloudBlockMarker {
        clouds = List.copyOf(clouds);
    }
}
