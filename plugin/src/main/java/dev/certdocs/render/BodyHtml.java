package dev.certdocs.render;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * A post-processed body's HTML: what jsoup's {@link Element#html()} writes for it, without pretty
 * printing, in HTML syntax, base entities, UTF-8 (the settings {@link HtmlPostProcessor} uses).
 *
 * <p>jsoup escapes text and attribute values one code point at a time through an
 * {@link Appendable}, with several calls per character: under C1 (the README's
 * {@code .mvn/jvm.config}) a large part of post-processing (issue 16, point 20). Here plain
 * elements ({@link Element} itself) and text nodes are written directly, each string scanned once
 * and copied in runs, with jsoup's rules for those settings: in text {@code &}, {@code <},
 * {@code >} and U+00A0 escaped; in attribute values {@code &}, {@code "} and U+00A0; a valueless
 * attribute, or an empty one or one named as its value when jsoup calls it boolean, written as its
 * name; a childless element jsoup calls self-closing written {@code <x>} when empty, else
 * {@code <x />}. Anything else is written by jsoup itself, node by node ({@link Node#outerHtml()},
 * which with these settings writes a node the same wherever it is): other node kinds (comments,
 * data, CDATA), other element classes, an attribute name jsoup would rewrite, and any text or value
 * holding a control character or a surrogate (jsoup writes those as numeric references).
 * Other output settings: jsoup's {@code html()}. {@code HtmlPostEquivalenceTest} compares the two.
 *
 * <p>{@link #withSearchText} makes the body's {@link SearchText} in the same walk, each text
 * node's characters copied out of its string once for both (docs/performance.md, 26.).
 */
final class BodyHtml {

    private final StringBuilder out;
    /** The string being escaped. */
    private char[] chars = new char[256];
    /** The search text made in the same walk, or null. */
    private final SearchText text;

    private BodyHtml(int capacity, SearchText text) {
        out = new StringBuilder(capacity);
        this.text = text;
    }

    /** The inner HTML of {@code body} ({@code capacity}: a guess at its length), as {@code body.html()}. */
    static String of(Element body, int capacity) {
        if (!plainSettings(body)) return body.html();
        return new BodyHtml(capacity, null).walk(body);
    }

    /** A body's HTML and its search text. */
    record WithText(String html, String text) {
    }

    /**
     * {@link #of} and {@link SearchText#of} of {@code body} in one walk: each text node's
     * characters copied out of its string once for both ({@code capacity}, {@code textCapacity}:
     * guesses at their lengths). The search text is what {@link SearchText#of} gives: the walk
     * hands it every node in document order, as {@code NodeTraversor} would; a node this class
     * leaves to jsoup is handed with its subtree.
     */
    static WithText withSearchText(Element body, int capacity, int textCapacity) {
        if (!plainSettings(body)) return new WithText(body.html(), SearchText.of(body, textCapacity));
        BodyHtml w = new BodyHtml(capacity, new SearchText(textCapacity));
        w.text.head(body, 0);
        String html = w.walk(body);
        w.text.tail(body, 0);
        return new WithText(html, w.text.result());
    }

    private static boolean plainSettings(Element body) {
        Document doc = body.ownerDocument();
        Document.OutputSettings settings = doc == null ? null : doc.outputSettings();
        return settings != null && !settings.prettyPrint() && !settings.outline() && settings.syntax() == Document.OutputSettings.Syntax.html
                && settings.escapeMode() == Entities.EscapeMode.base && settings.charset().equals(StandardCharsets.UTF_8);
    }

    /** The inner HTML of {@code body}, each node also handed to {@link #text} when there is one. */
    private String walk(Element body) {
        if (body.childNodeSize() == 0) return "";
        // In document order without recursion (bodies nest deep): open on the way down, close on the way up.
        Node n = body.childNode(0);
        while (true) {
            if (open(n) && n.childNodeSize() > 0) {
                n = n.childNode(0);
                continue;
            }
            while (true) {
                Node next = n.nextSibling();
                if (next != null) {
                    n = next;
                    break;
                }
                n = n.parentNode();
                if (n == body || n == null) return out.toString();
                close((Element) n);
            }
        }
    }

    /**
     * Writes {@code n}'s start (an element to be walked into) or all of it; whether its children
     * are to be walked. A childless element written here is closed here.
     */
    private boolean open(Node n) {
        if (n.getClass() == TextNode.class) {
            String s = ((TextNode) n).getWholeText();
            int length = s.length();
            if (chars.length < length) chars = new char[Math.max(length, 2 * chars.length)];
            s.getChars(0, length, chars, 0);
            if (!escapeCopied(s, length, false)) out.append(n.outerHtml());
            if (text != null) text.text((TextNode) n, s, chars);
            return false;
        }
        if (n.getClass() != Element.class || !start((Element) n)) {
            out.append(n.outerHtml());
            if (text != null) NodeTraversor.traverse(text, n);
            return false;
        }
        if (text != null) text.head(n, 0);
        if (n.childNodeSize() == 0) close((Element) n);
        return true;
    }

    /** The start tag of {@code e}, or false (nothing written) when jsoup must write it. */
    private boolean start(Element e) {
        int mark = out.length();
        String name = e.tagName();
        out.append('<').append(name);
        if (e.attributesSize() > 0) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey();
                if (!key.equals(Attribute.getValidKey(key, Document.OutputSettings.Syntax.html))) {
                    out.setLength(mark);
                    return false;
                }
                out.append(' ').append(key);
                String value = a.getValue();
                boolean collapse = !a.hasDeclaredValue()
                        || (value.isEmpty() || value.equalsIgnoreCase(key)) && Attribute.isBooleanAttribute(key);
                if (collapse) continue;
                out.append("=\"");
                if (!escape(value, true)) {
                    out.setLength(mark);
                    return false;
                }
                out.append('"');
            }
        }
        if (e.childNodeSize() == 0 && e.tag().isSelfClosing()) {
            out.append(e.tag().isEmpty() ? ">" : " />");
        } else {
            out.append('>');
        }
        return true;
    }

    /** The end tag of {@code e} (none for a childless self-closing one); the search text's tail of it. */
    private void close(Element e) {
        if (text != null) text.tail(e, 0);
        if (e.childNodeSize() == 0 && e.tag().isSelfClosing()) return;
        out.append("</").append(e.tagName()).append('>');
    }

    /**
     * {@code s} escaped as jsoup escapes text ({@code attribute} false) or an attribute value, or
     * false (nothing written) when it holds a character jsoup writes as a numeric reference.
     */
    private boolean escape(String s, boolean attribute) {
        int length = s.length();
        if (chars.length < length) chars = new char[Math.max(length, 2 * chars.length)];
        s.getChars(0, length, chars, 0);
        return escapeCopied(s, length, attribute);
    }

    /** {@link #escape} of {@code s}, whose {@code length} characters are already in {@link #chars}. */
    private boolean escapeCopied(String s, int length, boolean attribute) {
        int mark = out.length();
        int run = 0;
        char[] b = chars;
        for (int i = 0; i < length; i++) {
            char c = b[i];
            String escaped;
            if (c > '>') {
                if (c == 0xA0) {
                    escaped = "&nbsp;";
                } else if (c >= 0xD800 && c < 0xE000) {
                    out.setLength(mark);
                    return false;
                } else {
                    continue;
                }
            } else if (c >= ' ') {
                if (c == '&') {
                    escaped = "&amp;";
                } else if (c == '<' && !attribute) {
                    escaped = "&lt;";
                } else if (c == '>' && !attribute) {
                    escaped = "&gt;";
                } else if (c == '"' && attribute) {
                    escaped = "&quot;";
                } else {
                    continue;
                }
            } else if (c == '\n' || c == '\t' || c == '\r') {
                continue;
            } else {
                out.setLength(mark);
                return false;
            }
            out.append(s, run, i).append(escaped);
            run = i + 1;
        }
        if (run == 0) out.append(s);
        else out.append(s, run, length);
        return true;
    }
}
