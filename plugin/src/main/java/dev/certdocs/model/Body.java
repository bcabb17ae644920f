package dev.certdocs.model;

import java.util.List;
import java.util.Optional;

/**
 * The structure of an article body (or of an include file) that the checks need, extracted once
 * by the loader: headings with their ids, images, includes, cloud-block markers, variable uses,
 * raw HTML tags, Markdown link destinations, for JSON kinds the JSON block, and the placeholder
 * texts of {@code certdocs:new} left in it. {@code firstLine} is the file line where the body starts.
 * What loading found about the file's text itself: how deep its Markdown nests ({@code nesting},
 * counted up to one past the limit), where it first nests past the limit ({@code tooDeep}), and
 * where its bytes first are not UTF-8 ({@code invalidUtf8}). {@code pageLinks}: the links and
 * anchors the rendered page has, with their cloud blocks, for the link checks (found in the same pass).
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
        List<MarkdownLink> links,
        List<Placeholder> placeholders,
        int nesting,
        Optional<SourcePosition> tooDeep,
        Optional<SourcePosition> invalidUtf8,
        PageLinks pageLinks) {

    public Body {
        headings = List.copyOf(headings);
        images = List.copyOf(images);
        includes = List.copyOf(includes);
        cloudBlocks = List.copyOf(cloudBlocks);
        variables = List.copyOf(variables);
        htmlTags = List.copyOf(htmlTags);
        links = List.copyOf(links);
        placeholders = List.copyOf(placeholders);
    }

    /** A body whose text was not measured (nothing nests, every byte decoded), without links or placeholders. */
    public Body(int firstLine, List<Heading> headings, List<Image> images, List<Include> includes,
                List<CloudBlockMarker> cloudBlocks, List<VariableUse> variables, Optional<JsonBlock> json,
                List<HtmlTag> htmlTags) {
        this(firstLine, headings, images, includes, cloudBlocks, variables, json, htmlTags, List.of(), List.of(), 0,
                Optional.empty(), Optional.empty(), PageLinks.EMPTY);
    }

    /** A body without raw HTML tags, links or placeholders. */
    public Body(int firstLine, List<Heading> headings, List<Image> images, List<Include> includes,
                List<CloudBlockMarker> cloudBlocks, List<VariableUse> variables, Optional<JsonBlock> json) {
        this(firstLine, headings, images, includes, cloudBlocks, variables, json, List.of());
    }

    public static Body empty(int firstLine) {
        return new Body(firstLine, List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }
}
