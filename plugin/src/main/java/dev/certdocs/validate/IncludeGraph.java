package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.Include;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code include/missing}, {@code include/escape} and {@code include/cycle}: follows an article's
 * includes, and theirs, depth first. A problem is reported where the faulty directive is, in
 * whichever file holds it; the same problem reached from several articles reads the same, so
 * the engine reports it once.
 */
final class IncludeGraph implements ArticleCheck {

    /** Deeper nesting than this is certainly a mistake, and stops the walk. */
    private static final int MAX_DEPTH = 32;

    @Override
    public List<Rule> rules() {
        return List.of(Rules.INCLUDE_MISSING, Rules.INCLUDE_ESCAPE, Rules.INCLUDE_CYCLE);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        if (article.body().includes().isEmpty()) return;
        List<String> stack = new ArrayList<>();
        stack.add(article.path());
        walk(article.path(), article.body(), stack, context, out);
    }

    private void walk(String path, Body body, List<String> stack, CheckContext context, List<Diagnostic> out) {
        for (Include include : body.includes()) {
            Includes.Resolution r = context.includes().resolve(path, include.target());
            switch (r.status()) {
                case ESCAPES -> context.report(out, Rules.INCLUDE_ESCAPE, include.position(),
                        "include '" + include.target() + "' leaves the repository; includes must stay inside it");
                case MISSING -> context.report(out, Rules.INCLUDE_MISSING, include.position(),
                        "included file '" + include.target() + "' does not exist (looked for " + r.path() + ")"
                                + IncludeSuggestion.didYouMean(context.config().baseDir(), path, r.path()));
                case FOUND -> {
                    int at = stack.indexOf(r.path());
                    if (at >= 0) {
                        List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
                        cycle.add(r.path());
                        // Where the article is not itself in the cycle, name it: the cycle's files alone do not say who reaches them.
                        String reached = at == 0 ? "" : " (reached from " + String.join(" -> ", stack.subList(0, at)) + ")";
                        context.report(out, Rules.INCLUDE_CYCLE, include.position(),
                                "include cycle: " + String.join(" -> ", cycle) + reached);
                    } else if (stack.size() < MAX_DEPTH) {
                        stack.add(r.path());
                        walk(r.path(), context.includes().body(r.path()), stack, context, out);
                        stack.remove(stack.size() - 1);
                    }
                }
            }
        }
    }
}
