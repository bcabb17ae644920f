package dev.certdocs.render;

import dev.certdocs.config.HtmlPolicy;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/** {@link HtmlPolicy} as a jsoup {@link Safelist}, plus the URL checks a safelist cannot make. */
final class HtmlSafety {

    static final Safelist SAFELIST = build();

    /** Whether the safelist adds attributes of its own to some element (then every body is cleaned). */
    private static final boolean ENFORCES_ATTRIBUTES = HtmlPolicy.TAGS.stream()
            .anyMatch(tag -> SAFELIST.getEnforcedAttributes(tag).size() > 0);

    private HtmlSafety() {
    }

    private static Safelist build() {
        Safelist s = new Safelist();
        s.addTags(HtmlPolicy.TAGS.toArray(String[]::new));
        s.addAttributes(":all", HtmlPolicy.GLOBAL_ATTRIBUTES.toArray(String[]::new));
        HtmlPolicy.TAG_ATTRIBUTES.forEach((tag, attrs) -> s.addAttributes(tag, attrs.toArray(String[]::new)));
        return s;
    }

    /** Removes the URL attributes of one element whose values the policy forbids (a safelist only looks at names). */
    static void stripUnsafeUrlsOf(Element e) {
        if (e.attributesSize() == 0) return;
        for (Attribute a : e.attributes().asList()) {
            if (HtmlPolicy.unsafeUrl(e.normalName(), a.getKey(), a.getValue()) != null) e.removeAttr(a.getKey());
        }
    }

    /** Removes the attribute {@code name} of {@code e} when the policy forbids its URL. */
    static void stripUnsafeUrl(Element e, String name) {
        if (e.hasAttr(name) && HtmlPolicy.unsafeUrl(e.normalName(), name, e.attr(name)) != null) e.removeAttr(name);
    }

    /**
     * Whether jsoup's {@code Cleaner} with {@link #SAFELIST} would copy this node of a body
     * exactly as it is (its children are asked on their own). The cleaner copies an element when
     * its tag is allowed ({@code Element.shallowClone}, the same tag), then only its allowed
     * attributes, each as {@code key="value"} (a valueless {@code <x disabled>} becomes
     * {@code disabled=""}), then the enforced attributes (this safelist has none); it copies a
     * text node's text into a new text node; it drops everything else (comments, doctypes,
     * XML declarations) and turns CDATA and data nodes into other kinds of node. So a node is kept
     * exactly when it is a plain text node, or an allowed element whose attributes are all
     * allowed and all have a value. Asked of every node of a body: when all are kept, the clean
     * copy is the same tree as the body and need not be made. When in doubt, false.
     */
    static boolean cleanKeepsAll(Node node) {
        if (node.getClass() == TextNode.class) return true;
        if (!(node instanceof Element e) || ENFORCES_ATTRIBUTES) return false;
        if (!SAFELIST.isSafeTag(e.normalName())) return false;
        if (e.attributesSize() == 0) return true;
        String tag = e.tagName();
        for (Attribute a : e.attributes()) {
            if (!a.hasDeclaredValue() || !SAFELIST.isSafeAttribute(tag, e, a)) return false;
        }
        return true;
    }
}
