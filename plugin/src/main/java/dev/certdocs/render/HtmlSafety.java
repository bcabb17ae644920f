package dev.certdocs.render;

import dev.certdocs.config.HtmlPolicy;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/** {@link HtmlPolicy} as a jsoup {@link Safelist}, plus the URL checks a safelist cannot make. */
final class HtmlSafety {

    static final Safelist SAFELIST = build();

    private HtmlSafety() {
    }

    private static Safelist build() {
        Safelist s = new Safelist();
        s.addTags(HtmlPolicy.TAGS.toArray(String[]::new));
        s.addAttributes(":all", HtmlPolicy.GLOBAL_ATTRIBUTES.toArray(String[]::new));
        HtmlPolicy.TAG_ATTRIBUTES.forEach((tag, attrs) -> s.addAttributes(tag, attrs.toArray(String[]::new)));
        return s;
    }

    /** Removes URL attributes whose values the policy forbids (a safelist only looks at names). */
    static void stripUnsafeUrls(Element root) {
        for (Element e : root.getAllElements()) {
            for (Attribute a : e.attributes().asList()) {
                if (HtmlPolicy.unsafeUrl(e.normalName(), a.getKey(), a.getValue()) != null) e.removeAttr(a.getKey());
            }
        }
    }
}
