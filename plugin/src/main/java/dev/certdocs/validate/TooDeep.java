package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.load.Nesting;
import dev.certdocs.model.Body;
import java.util.List;

/**
 * {@code body/too-deep}: Markdown nests at most {@link Nesting#MAX_DEPTH} levels, where loading
 * found a file crossing that limit (or a line its patterns could not read: thousands of repetitions). (Where only an include puts a file's Markdown too deep,
 * {@link IncludeGraph} reports it at the directive.)
 */
final class TooDeep implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.BODY_TOO_DEEP);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        body.tooDeep().ifPresent(at -> context.report(out, Rules.BODY_TOO_DEEP, at, "Markdown nests more than "
                + Nesting.MAX_DEPTH + " levels deep here (block quotes, list items, emphasis and link brackets count"
                + " together), or repeats one mark too often on a line; the page shows nothing from this line on"));
    }
}
