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

    /** One use of an id: as written, and where. */
    private record Use(String id, SourcePosition position) {
    }

    private final Map<String, ConcurrentLinkedQueue<Use>> uses = new ConcurrentHashMap<>();

    void record(Article article) {
        article.props().find("articleId").ifPresent(a -> {
            String id = a.value().strip();
            if (id.isEmpty()) return;
            uses.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedQueue<>())
                    .add(new Use(id, Positions.ofItem(a, id)));
        });
    }

    void report(CheckContext context, List<Diagnostic> out) {
        for (var e : uses.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<Use> uses = new ArrayList<>(e.getValue());
            uses.sort(java.util.Comparator.comparing(Use::position));
            List<SourcePosition> all = uses.stream().map(Use::position).toList();
            // The id as the first file (in path order) writes it; the others may differ in case only.
            String message = "articleId '" + uses.get(0).id() + "' is shared by " + all.size() + " articles: "
                    + all.stream().map(SourcePosition::toString).collect(Collectors.joining(", "));
            for (SourcePosition p : all) context.report(out, Rules.ARTICLE_ID_DUPLICATE, p, message);
        }
    }
}
