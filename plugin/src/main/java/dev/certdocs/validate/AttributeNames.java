package dev.certdocs.validate;

import dev.certdocs.config.ArticleSchema;
import dev.certdocs.config.AttributeSpec;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Article;
import dev.certdocs.model.Attribute;
import java.util.List;

/** {@code field/unknown} (with "did you mean") and {@code field/casing}: every attribute name is one the schema knows, spelled its way. */
final class AttributeNames implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.FIELD_UNKNOWN, Rules.FIELD_CASING);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        var schema = context.config().schema();
        for (Attribute a : article.props().attributes()) {
            var spec = schema.attribute(a.name());
            if (spec.isEmpty()) {
                context.report(out, Rules.FIELD_UNKNOWN, a.position(),
                        "unknown attribute '" + a.name() + "'" + Suggestions.didYouMean(a.name(), known(schema)));
            } else if (!spec.get().name().equals(a.name())) {
                context.report(out, Rules.FIELD_CASING, a.position(),
                        "attribute '" + a.name() + "' should be spelled '" + spec.get().name() + "'");
            }
        }
    }

    /** The names the schema knows, for "did you mean": listed only for an unknown name, not for every article. */
    private static List<String> known(ArticleSchema schema) {
        return schema.attributes().stream().map(AttributeSpec::name).toList();
    }
}
