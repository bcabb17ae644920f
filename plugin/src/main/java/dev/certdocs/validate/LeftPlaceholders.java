package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Body;
import dev.certdocs.model.Placeholder;
import java.util.List;

/**
 * {@code body/placeholder}: the texts {@code certdocs:new} writes for the author to replace
 * ("Describe the symptom…") are not published as if they were content.
 */
final class LeftPlaceholders implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.BODY_PLACEHOLDER);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        for (Placeholder placeholder : body.placeholders()) {
            context.report(out, Rules.BODY_PLACEHOLDER, placeholder.position(), "placeholder text '" + placeholder.text()
                    + "' from certdocs:new is still here; replace it with the article's own words");
        }
    }
}
