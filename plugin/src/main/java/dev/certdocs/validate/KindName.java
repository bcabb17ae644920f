package dev.certdocs.validate;

import dev.certdocs.config.KindSpec;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Article;
import java.util.List;

/** {@code kind/unknown}: {@code selfHelpType} names a kind the schema defines (with "did you mean"). */
final class KindName implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.KIND_UNKNOWN);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        var schema = context.config().schema();
        article.props().find("selfHelpType").ifPresent(a -> {
            String value = a.value().strip();
            if (value.isEmpty() || schema.kind(value).isPresent()) return;
            List<String> kinds = schema.kinds().stream().map(KindSpec::name).toList();
            context.report(out, Rules.KIND_UNKNOWN, Positions.ofItem(a, value), "unknown selfHelpType '" + value + "'"
                    + Suggestions.didYouMeanOrStop(value, kinds) + " Known kinds: " + String.join(", ", kinds) + ".");
        });
    }
}
