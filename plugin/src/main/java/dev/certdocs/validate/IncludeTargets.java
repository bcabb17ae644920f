package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Body;
import dev.certdocs.model.Include;
import java.util.List;

/**
 * {@code include/missing} and {@code include/escape}: every include directive names a file inside
 * the repository. A directive in an include file is checked once, however many articles reach it.
 */
final class IncludeTargets implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.INCLUDE_MISSING, Rules.INCLUDE_ESCAPE);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        for (Include include : body.includes()) {
            Includes.Resolution r = context.includes().resolve(path, include.target());
            switch (r.status()) {
                case ESCAPES -> context.report(out, Rules.INCLUDE_ESCAPE, include.position(),
                        "include '" + include.target() + "' leaves the repository; includes must stay inside it");
                case MISSING -> context.report(out, Rules.INCLUDE_MISSING, include.position(),
                        "included file '" + include.target() + "' does not exist (looked for " + r.path() + ")"
                                + IncludeSuggestion.didYouMean(context.config().baseDir(), path, r.path()));
                case FOUND -> {
                }
            }
        }
    }
}
