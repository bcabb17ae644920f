package dev.certdocs.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The allow-list raw HTML in articles is held to (docs/design.md §6): ordinary text markup, tables,
 * images, media and links; no scripts, styles, frames, forms or event handlers; URLs only as
 * {@link UrlPolicy} allows ({@code data:} only for raster images). {@code validate}
 * reports what breaks it ({@code html/unsafe}); the renderer removes it.
 */
public final class HtmlPolicy {

    public static final Set<String> TAGS = Set.of("a", "abbr", "aside", "audio", "b", "blockquote", "br", "caption",
            "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
            "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol",
            "p", "picture", "pre", "q", "s", "samp", "section", "small", "source", "span", "strike", "strong", "sub",
            "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var",
            "video");

    public static final Set<String> GLOBAL_ATTRIBUTES = Set.of("id", "class", "title", "lang", "dir", "role",
            "aria-label", "aria-hidden", "aria-describedby");

    public static final Map<String, Set<String>> TAG_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href", "rel", "name")),
            Map.entry("img", Set.of("src", "alt", "width", "height", "loading")),
            Map.entry("input", Set.of("type", "checked", "disabled")),
            Map.entry("td", Set.of("colspan", "rowspan", "align")),
            Map.entry("th", Set.of("colspan", "rowspan", "align", "scope")),
            Map.entry("col", Set.of("span")), Map.entry("colgroup", Set.of("span")),
            Map.entry("ol", Set.of("start", "type")), Map.entry("li", Set.of("value")),
            Map.entry("details", Set.of("open")), Map.entry("time", Set.of("datetime")),
            Map.entry("blockquote", Set.of("cite")), Map.entry("q", Set.of("cite")),
            Map.entry("source", Set.of("src", "srcset", "type", "media")),
            Map.entry("video", Set.of("src", "controls", "poster", "width", "height")),
            Map.entry("audio", Set.of("src", "controls")),
            Map.entry("track", Set.of("src", "kind", "srclang", "label")));

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "poster", "srcset");

    private HtmlPolicy() {
    }

    public static boolean allowedTag(String tag) {
        return TAGS.contains(tag.toLowerCase(Locale.ROOT));
    }

    public static boolean allowedAttribute(String tag, String attribute) {
        String a = attribute.toLowerCase(Locale.ROOT);
        return GLOBAL_ATTRIBUTES.contains(a) || TAG_ATTRIBUTES.getOrDefault(tag.toLowerCase(Locale.ROOT), Set.of()).contains(a);
    }

    /**
     * Why an attribute's URL is unsafe ("a javascript: URL"), or null when it is fine or not a URL:
     * {@link UrlPolicy} on the value, an image's sources ({@code <img src>}, any {@code srcset},
     * a video's {@code poster}) being the only place where raster {@code data:} is fine.
     */
    public static String unsafeUrl(String tag, String attribute, String value) {
        String a = attribute.toLowerCase(Locale.ROOT);
        if (!URL_ATTRIBUTES.contains(a)) return null;
        if (a.equals("srcset")) return UrlPolicy.srcsetRefusal(value, true);
        if (a.equals("href")) return UrlPolicy.linkRefusal(value);
        boolean image = a.equals("poster") || (a.equals("src") && tag.equalsIgnoreCase("img"));
        return UrlPolicy.refusal(value, image);
    }
}
