package dev.certdocs.load;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CommonMark's HTML blocks, as {@link LinkLines} tells them: which line starts one and which kind
 * (1: ends at its closing marker, 6 and 7: end at a blank line; 7 cannot interrupt a paragraph).
 * Markdown inside an HTML block is not read: only its tags count.
 */
final class HtmlBlocks {

    private HtmlBlocks() {
    }

    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "base",
            "basefont", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
            "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
            "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source", "summary",
            "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");
    private static final Pattern HTML_BLOCK_1 = Pattern.compile("^<(script|pre|style|textarea)(?:[\\s>]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_BLOCK_6 = Pattern.compile("^</?([A-Za-z][A-Za-z0-9]*)(?:[\\s>]|/>|$)");

    /** Whether a line (container marks removed) starts an HTML block; {@code interrupting}: a paragraph is open. */
    static boolean starts(String content, boolean interrupting) {
        String s = content.stripLeading();
        int kind = kind(s);
        return kind == 1 || kind == 6 || (kind == 7 && !interrupting);
    }

    /** The kind of HTML block a line starts (0: none). */
    static int kind(String s) {
        if (HTML_BLOCK_1.matcher(s).find() || s.startsWith("<!--") || s.startsWith("<?") || s.startsWith("<![CDATA[")
                || (s.startsWith("<!") && s.length() > 2 && LinkSyntax.isAsciiLetter(s.charAt(2)))) return 1;
        Matcher m = HTML_BLOCK_6.matcher(s);
        if (m.find() && BLOCK_TAGS.contains(m.group(1).toLowerCase(Locale.ROOT))) return 6;
        int end = HtmlTags.end(s, 0);
        if (end > 0 && s.substring(end).isBlank()) return 7;
        return 0;
    }

    /** What ends an HTML block of kind 1 that this line starts (lower case). */
    static String endMarker(String s) {
        Matcher m = HTML_BLOCK_1.matcher(s);
        if (m.find()) return "</" + m.group(1).toLowerCase(Locale.ROOT) + ">";
        if (s.startsWith("<!--")) return "-->";
        if (s.startsWith("<?")) return "?>";
        if (s.startsWith("<![CDATA[")) return "]]>";
        return ">";
    }
}
