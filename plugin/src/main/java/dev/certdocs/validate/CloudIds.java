package dev.certdocs.validate;

import dev.certdocs.config.AttributeSpec;
import dev.certdocs.config.Cloud;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Article;
import dev.certdocs.model.Attribute;
import dev.certdocs.model.Properties;
import java.util.List;
import java.util.Optional;

/**
 * {@code cloud/unknown} (with "did you mean") and {@code cloud/retired}: every id in a cloud-list
 * attribute ({@code cloudEnvironments}, {@code disableClouds}) is in the cloud catalog.
 */
final class CloudIds implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.CLOUD_UNKNOWN, Rules.CLOUD_RETIRED);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        var config = context.config();
        for (Attribute a : article.props().attributes()) {
            boolean cloudList = config.schema().attribute(a.name())
                    .map(s -> s.type() == AttributeSpec.Type.CLOUDS).orElse(false);
            if (!cloudList) continue;
            for (String id : Properties.splitList(a.value())) {
                Optional<Cloud> cloud = config.catalog().find(id);
                if (cloud.isEmpty()) {
                    context.report(out, Rules.CLOUD_UNKNOWN, Positions.ofItem(a, id), "unknown cloud '" + id + "' in "
                            + a.name() + Suggestions.didYouMeanOrStop(id, config.catalog().ids())
                            + " Known clouds: " + String.join(", ", config.catalog().ids()) + ".");
                } else if (cloud.get().retired() && a.name().equalsIgnoreCase("cloudEnvironments")) {
                    context.report(out, Rules.CLOUD_RETIRED, Positions.ofItem(a, id), "cloud '" + id + "' ("
                            + cloud.get().name() + ") is retired: the article is never rendered there");
                }
            }
        }
    }
}
