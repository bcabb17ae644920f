package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Body;
import dev.certdocs.model.VariableUse;
import java.util.List;
import java.util.Set;

/** {@code variable/unknown}: every {@code {{cloud.x}}} names a variable some cloud of the catalog defines. */
final class CloudVariables implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.VARIABLE_UNKNOWN);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        if (body.variables().isEmpty()) return;
        Set<String> known = context.config().catalog().variableNames();
        for (VariableUse v : body.variables()) {
            if (!known.contains(v.name())) {
                context.report(out, Rules.VARIABLE_UNKNOWN, v.position(), "unknown variable '{{cloud." + v.name() + "}}'"
                        + Suggestions.didYouMeanOrStop(v.name(), known) + " Known variables: " + String.join(", ", known) + ".");
            }
        }
    }
}
