package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Article;
import dev.certdocs.model.SitePaths;
import dev.certdocs.model.SourcePosition;
import java.util.List;

/**
 * {@code page/unsafe-path}: an article whose page path has a ':' in a file or folder name
 * ({@code articles/javascript:alert(1).md}). Any segment of a page path can start the relative
 * link another page writes to it, and a first segment with a ':' is read by browsers as a URL
 * scheme: the renderer writes such links {@code ./…}, but the name is refused so that no
 * template, feed or tool that links the page can get it wrong.
 */
final class UnsafePagePath implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.PAGE_UNSAFE_PATH);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        if (article.path().indexOf(':') < 0) return; // nearly every article: no work
        String prefix = SitePaths.contentPrefix(context.config().baseDir(), context.config().contentDirectory());
        String underContent = article.path().startsWith(prefix) ? article.path().substring(prefix.length()) : article.path();
        String[] names = underContent.split("/");
        for (int i = 0; i < names.length; i++) {
            int colon = names[i].indexOf(':');
            if (colon < 0) continue;
            context.report(out, Rules.PAGE_UNSAFE_PATH, new SourcePosition(article.path(), 1, 1), "the "
                    + (i == names.length - 1 ? "file" : "folder") + " name '" + names[i] + "' holds a ':', so a relative link"
                    + " to this article's page (" + SitePaths.page(prefix, article.path()) + ") can be read as a URL with the"
                    + " scheme '" + names[i].substring(0, colon + 1) + "'; rename it");
            return;
        }
    }
}
