package dev.certdocs.validate;

import dev.certdocs.config.KindSpec;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Article;
import dev.certdocs.model.Attribute;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code field/required} and {@code field/empty}: the always-required attributes and those the
 * article's kind requires are present and, unless the schema allows it, not empty. Empty
 * optional attributes are accepted and mean the same as absent ones.
 */
final class RequiredAttributes implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.FIELD_REQUIRED, Rules.FIELD_EMPTY);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        if (article.properties().isEmpty()) return;
        var schema = context.config().schema();
        var props = article.props();
        Optional<KindSpec> kind = schema.kind(props.value("selfHelpType").strip());
        Set<String> required = new LinkedHashSet<>(schema.alwaysRequired());
        kind.ifPresent(k -> required.addAll(k.required()));
        for (String name : required) {
            Optional<Attribute> a = props.find(name);
            String canonical = schema.attribute(name).map(s -> s.name()).orElse(name);
            String why = kind.isPresent() && !schema.alwaysRequired().contains(name)
                    ? " (required for selfHelpType '" + kind.get().name() + "')" : "";
            if (a.isEmpty()) {
                context.report(out, Rules.FIELD_REQUIRED, props.position(),
                        "missing required attribute '" + canonical + "'" + why);
            } else if (a.get().value().isBlank() && !schema.attribute(name).map(s -> s.allowEmpty()).orElse(false)) {
                context.report(out, Rules.FIELD_EMPTY, a.get().valuePosition(),
                        "required attribute '" + a.get().name() + "' is empty" + why);
            }
        }
    }
}
