package dev.certdocs.validate;

import dev.certdocs.config.HtmlPolicy;
import dev.certdocs.config.UrlPolicy;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Body;
import dev.certdocs.model.HtmlTag;
import dev.certdocs.model.MarkdownLink;
import java.util.List;
import java.util.Locale;

/**
 * {@code html/unsafe}: what the renderer removes because the allow-list forbids it: a raw HTML
 * tag, an attribute such as an {@code on*} handler or {@code style}, and any URL that
 * {@link UrlPolicy} refuses, in raw HTML or in Markdown (links, images, reference definitions,
 * autolinks), reported where it is written so the author sees what readers will miss. The URLs
 * are judged by the same function the renderer removes them with.
 */
final class UnsafeHtml implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.HTML_UNSAFE);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        for (HtmlTag tag : body.htmlTags()) {
            if (!HtmlPolicy.allowedTag(tag.name())) {
                context.report(out, Rules.HTML_UNSAFE, tag.position(), "<" + tag.name()
                        + "> is not allowed in articles and is removed from the page");
                continue;
            }
            for (HtmlTag.Attribute a : tag.attributes()) {
                String name = a.name().toLowerCase(Locale.ROOT);
                if (!HtmlPolicy.allowedAttribute(tag.name(), name)) {
                    String why = name.startsWith("on") ? " (event handlers run script)" : "";
                    context.report(out, Rules.HTML_UNSAFE, tag.position(), "attribute '" + a.name() + "' of <"
                            + tag.name() + "> is not allowed" + why + " and is removed from the page");
                } else {
                    String unsafe = HtmlPolicy.unsafeUrl(tag.name(), name, a.value());
                    if (unsafe != null) {
                        context.report(out, Rules.HTML_UNSAFE, tag.position(), "<" + tag.name() + " " + a.name()
                                + "> is " + unsafe + ", which is not allowed; the attribute is removed from the page");
                    }
                }
            }
        }
        for (MarkdownLink link : body.links()) {
            String unsafe = link.image() ? UrlPolicy.refusal(link.destination(), true) : UrlPolicy.linkRefusal(link.destination());
            if (unsafe == null) continue;
            context.report(out, Rules.HTML_UNSAFE, link.position(), (link.image() ? "image source '" : "link target '")
                    + shown(link.destination()) + "' is " + unsafe + ", which is not allowed; "
                    + (link.image() ? "the image's source is removed from the page" : "the page shows the link's text without the link"));
        }
    }

    /** A URL as quoted in a message: a long data: URL cut short. */
    private static String shown(String url) {
        return url.length() <= 60 ? url : url.substring(0, 57) + "...";
    }
}
