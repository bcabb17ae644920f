package dev.certdocs.model;

import java.util.List;
import java.util.Optional;

/**
 * The structure of an article body (or of an include file) that the checks need, extracted once
 * by the loader: headings with their ids, images, includes, cloud-block markers, variable uses,
 * raw HTML tags, Markdown link destinations, and for JSON kinds the JSON block. {@code firstLine} is the
 * file line where the body starts.
 */
public record Body(
        int firstLine,
        List<Heading> headings,
        List<Image> images,
        List<Include> includes,
        List<CloudBlockMarker> cloudBlocks,
        List<VariableUse> variables,
        Optional<JsonBlock> json,
        List<HtmlTag> htmlTags,
        List<MarkdownLink> links) {

    public Body {
        headings = List.copyOf(headings);
        images = List.copyOf(images);
        includes = List.copyOf(includes);
        cloudBlocks = List.copyOf(cloudBlocks);
        variables = List.copyOf(variables);
        htmlTags = List.copyOf(htmlTags);
        links = List.copyOf(links);
    }

    /** A body without raw HTML tags or links. */
    public Body(int firstLine, List<Heading> headings, List<Image> images, List<Include> includes,
                List<CloudBlockMarker> cloudBlocks, List<VariableUse> variables, Optional<JsonBlock> json) {
        this(firstLine, headings, images, includes, cloudBlocks, variables, json, List.of(), List.of());
    }

    public static Body empty(int firstLine) {
        return new Body(firstLine, List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }
}
