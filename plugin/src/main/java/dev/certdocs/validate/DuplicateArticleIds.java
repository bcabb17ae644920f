package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Article;
import dev.certdocs.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * {@code article-id/duplicate}: no two articles share an {@code articleId} (compared ignoring
 * case, since GUIDs are). Every article that shares one gets the same message naming all of
 * them with their positions. Collects ids from many threads, then reports once at the end.
 */
final class DuplicateArticleIds {

    private final Map<String, ConcurrentLinkedQueue<SourcePosition>> uses = new ConcurrentHashMap<>();

    void record(Article article) {
        article.props().find("articleId").ifPresent(a -> {
            String id = a.value().strip();
            if (id.isEmpty()) return;
            uses.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedQueue<>())
                    .add(Positions.ofItem(a, id));
        });
    }

    void report(CheckContext context, List<Diagnostic> out) {
        for (var e : uses.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<SourcePosition> all = new ArrayList<>(e.getValue());
            all.sort(null);
            String message = "articleId '" + e.getKey() + "' is shared by " + all.size() + " articles: "
                    + all.stream().map(SourcePosition::toString).collect(Collectors.joining(", "));
            for (SourcePosition p : all) context.report(out, Rules.ARTICLE_ID_DUPLICATE, p, message);
        }
    }
}
