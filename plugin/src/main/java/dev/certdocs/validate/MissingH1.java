package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Article;
import dev.certdocs.model.SourcePosition;
import java.util.List;

/** {@code body/missing-h1}: every article body has a level-1 heading, its title on the page. */
final class MissingH1 implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.BODY_MISSING_H1);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        if (article.body().headings().stream().anyMatch(h -> h.level() == 1)) return;
        context.report(out, Rules.BODY_MISSING_H1, new SourcePosition(article.path(), article.body().firstLine(), 1),
                "the body has no level-1 heading ('# Title'); the page needs one as its title");
    }
}
