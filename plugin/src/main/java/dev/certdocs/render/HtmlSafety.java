package dev.certdocs.render;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The allow-list raw HTML in articles is held to (DESIGN §6): ordinary text markup, tables,
 * images and links; no scripts, styles, frames, forms or event handlers; no {@code javascript:}
 * URLs and {@code data:} URLs only for images. Used both to clean rendered HTML and to find, in
 * the source, what cleaning would remove.
 */
final class HtmlSafety {

    static final Set<String> TAGS = Set.of("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col",
            "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
            "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
            "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
            "tr", "u", "ul", "var", "section", "aside", "time", "picture", "source", "video", "audio", "track");
    static final Set<String> GLOBAL_ATTRIBUTES = Set.of("id", "class", "title", "lang", "dir", "role", "aria-label",
            "aria-hidden", "aria-describedby");
    private static final String[][] TAG_ATTRIBUTES = {
            {"a", "href", "rel", "name"}, {"img", "src", "alt", "width", "height", "loading"},
            {"input", "type", "checked", "disabled"}, {"td", "colspan", "rowspan", "align"},
            {"th", "colspan", "rowspan", "align", "scope"}, {"col", "span"}, {"colgroup", "span"},
            {"ol", "start", "type"}, {"li", "value"}, {"details", "open"}, {"time", "datetime"},
            {"blockquote", "cite"}, {"q", "cite"}, {"source", "src", "srcset", "type", "media"},
            {"video", "src", "controls", "poster", "width", "height"}, {"audio", "src", "controls"},
            {"track", "src", "kind", "srclang", "label"}};

    static final Safelist SAFELIST = build();

    private HtmlSafety() {
    }

    private static Safelist build() {
        Safelist s = new Safelist();
        s.addTags(TAGS.toArray(String[]::new));
        s.addAttributes(":all", GLOBAL_ATTRIBUTES.toArray(String[]::new));
        for (String[] row : TAG_ATTRIBUTES) {
            String[] attrs = new String[row.length - 1];
            System.arraycopy(row, 1, attrs, 0, attrs.length);
            s.addAttributes(row[0], attrs);
        }
        return s;
    }

    static boolean allowedAttribute(String tag, String attribute) {
        String a = attribute.toLowerCase(Locale.ROOT);
        if (GLOBAL_ATTRIBUTES.contains(a)) return true;
        for (String[] row : TAG_ATTRIBUTES) {
            if (row[0].equals(tag)) {
                for (int i = 1; i < row.length; i++) if (row[i].equals(a)) return true;
            }
        }
        return false;
    }

    /** Why a URL attribute is unsafe, or null when it is fine. */
    static String unsafeUrl(Element element, Attribute attribute) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        if (!key.equals("href") && !key.equals("src") && !key.equals("cite") && !key.equals("poster")
                && !key.equals("srcset")) {
            return null;
        }
        String v = attribute.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
        if (v.startsWith("javascript:") || v.startsWith("vbscript:")) return "a " + v.substring(0, v.indexOf(':') + 1) + " URL";
        if (v.startsWith("data:")) {
            boolean image = element.normalName().equals("img") && v.startsWith("data:image/") && !v.startsWith("data:image/svg");
            return image ? null : "a data: URL";
        }
        return null;
    }

    /** Removes unsafe URL attributes that the allow-list lets through (it does not look at values). */
    static void stripUnsafeUrls(Element root) {
        for (Element e : root.getAllElements()) {
            for (Attribute a : e.attributes().asList()) {
                if (unsafeUrl(e, a) != null) e.removeAttr(a.getKey());
            }
        }
    }
}
