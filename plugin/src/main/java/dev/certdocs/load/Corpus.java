package dev.certdocs.load;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.model.Article;
import dev.certdocs.model.PageLinks;
import java.util.List;

/**
 * What the load stage returns and every goal shares: the content directory's articles in path
 * order, each with what loading found (its {@link Article} record with properties, headings,
 * includes and the rest of its body's structure; the problems loading found; its links and
 * anchors; the hash of its content), and the include graph ({@link #includes}: how each include
 * directive resolves, each include file's text and body, loaded once). The articles' text is
 * kept when the corpus is made for rendering, and read again on demand ({@link #loaded})
 * otherwise.
 */
public record Corpus(List<String> files, List<Entry> articles, Includes includes, LinkScanner scanner, ArticleLoader loader) {

    public Corpus {
        files = List.copyOf(files);
        articles = List.copyOf(articles);
    }

    /**
     * One article of the corpus. {@code loaded} is null when its text was not kept; {@code hash}
     * (the SHA-256 of its file's bytes, hex) is null when whoever loaded it did not need it.
     */
    public record Entry(Article article, List<Diagnostic> diagnostics, PageLinks links, String hash,
                        ArticleLoader.Loaded loaded) {

        public String path() {
            return article.path();
        }

        /** The attribute that names an article's team. */
        public static final String OWNER = "ownershipId";

        /** Its team: the {@code ownershipId}, blank when it has none. */
        public String owner() {
            return article.props().value(OWNER).strip();
        }
    }

    /** The article of {@code entry} with its text, read again when the corpus did not keep it. */
    public ArticleLoader.Loaded loaded(Entry entry) {
        return entry.loaded() != null ? entry.loaded() : loader.load(entry.path());
    }

    /** The articles' records, in path order. */
    public List<Article> articleRecords() {
        return articles.stream().map(Entry::article).toList();
    }
}
