package dev.certdocs.validate;

import dev.certdocs.config.HtmlPolicy;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Body;
import dev.certdocs.model.HtmlTag;
import java.util.List;
import java.util.Locale;

/**
 * {@code html/unsafe}: raw HTML that the renderer removes because the allow-list forbids it
 * (a tag, an attribute such as an {@code on*} handler or {@code style}, a {@code javascript:}
 * or {@code data:} URL), reported where it is written so the author sees what readers will miss.
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
    }
}
