package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.model.Article;
import java.util.List;

/** A rule family that looks at one article on its own. Implementations are stateless and thread-safe. */
public interface ArticleCheck {

    /** The rules this check reports. */
    List<Rule> rules();

    void check(Article article, CheckContext context, List<Diagnostic> out);
}
