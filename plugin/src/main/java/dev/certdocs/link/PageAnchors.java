package dev.certdocs.link;

import dev.certdocs.config.Cloud;
import dev.certdocs.load.Includes;
import dev.certdocs.load.LinkScanner;
import dev.certdocs.model.Anchor;
import dev.certdocs.model.CloudScope;
import dev.certdocs.model.HeadingIds;
import dev.certdocs.model.PageLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids a {@code #fragment} can reach on an article's page in one cloud, as the renderer gives
 * them: the page's headings in order, those of its include files where they are inlined, and only
 * what the cloud's {@code ::: cloud} blocks keep, each heading id from {@link HeadingIds} (so a
 * repeated heading gets {@code -1}), plus the explicit ids. Computed once per page and cloud.
 * Includes are followed as the renderer inlines them: down to {@link Includes#MAX_DEPTH} levels,
 * while what they add stays within {@link Includes#MAX_INCLUDED_CHARS}.
 */
public final class PageAnchors {

    private final Map<String, PageLinks> articles;
    private final LinkScanner scanner;
    private final Includes includes;
    private final CloudVariables variables;
    /** Per article: its ids when they are the same in every cloud, else its ids per cloud id. */
    private final Map<String, Known> cache;

    /** An article's ids: {@code everywhere} when its anchors depend on no cloud, else {@code byCloud}. */
    private record Known(Set<String> everywhere, Map<String, Set<String>> byCloud) {
    }

    PageAnchors(Map<String, PageLinks> articles, LinkScanner scanner, Includes includes, CloudVariables variables) {
        this.articles = articles;
        this.scanner = scanner;
        this.includes = includes;
        this.variables = variables;
        this.cache = new ConcurrentHashMap<>(Math.max(16, articles.size() * 2));
    }

    /** The ids on the page of the article at {@code path} in {@code cloud}, in page order. */
    public Set<String> ids(String path, Cloud cloud) {
        Known known = cache.get(path);
        if (known == null) {
            known = cache.computeIfAbsent(path, p -> cloudFree(articles.get(p))
                    ? new Known(collect(p, cloud), null) : new Known(null, new ConcurrentHashMap<>()));
        }
        if (known.everywhere() != null) return known.everywhere();
        return known.byCloud().computeIfAbsent(cloud.id(), c -> collect(path, cloud));
    }

    /**
     * Whether a page's ids are the same in every cloud: no include (whose content may be in cloud
     * blocks), no anchor inside a cloud block, no anchor text with a variable in it.
     */
    private static boolean cloudFree(PageLinks page) {
        if (page == null) return true;
        if (!page.includes().isEmpty()) return false;
        for (Anchor a : page.anchors()) {
            if (!a.scope().blocks().isEmpty() || a.text().contains("{{")) return false;
        }
        return true;
    }

    private Set<String> collect(String path, Cloud cloud) {
        Set<String> ids = new LinkedHashSet<>();
        PageLinks page = articles.get(path);
        if (page != null) {
            List<String> stack = new ArrayList<>(List.of(path));
            collect(path, page, CloudScope.ALL, cloud, new HeadingIds(), ids, stack, new long[1]);
        }
        return java.util.Collections.unmodifiableSet(ids);
    }

    private void collect(String path, PageLinks page, CloudScope outer, Cloud cloud, HeadingIds headingIds,
                         Set<String> ids, List<String> stack, long[] used) {
        record Item(dev.certdocs.model.SourcePosition position, Anchor anchor, PageLinks.IncludeAt include) {
        }
        List<Item> items = new ArrayList<>();
        page.anchors().forEach(a -> items.add(new Item(a.position(), a, null)));
        page.includes().forEach(i -> items.add(new Item(i.position(), null, i)));
        items.sort(Comparator.comparing(Item::position));
        for (Item item : items) {
            if (item.anchor() != null) {
                Anchor a = item.anchor();
                if (!a.scope().within(outer).admits(cloud.id())) continue;
                String text = variables.expand(a.text(), cloud);
                ids.add(a.heading() ? headingIds.next(text) : text);
                continue;
            }
            PageLinks.IncludeAt include = item.include();
            CloudScope scope = include.scope().within(outer);
            if (!scope.admits(cloud.id())) continue;
            Includes.Resolution r = includes.resolve(path, include.target());
            if (r.status() != Includes.Status.FOUND || stack.contains(r.path()) || stack.size() > Includes.MAX_DEPTH) continue;
            long size = includes.text(r.path()).length();
            if (used[0] + size > Includes.MAX_INCLUDED_CHARS) {
                used[0] = Includes.MAX_INCLUDED_CHARS + 1;
                continue;
            }
            used[0] += size;
            stack.add(r.path());
            collect(r.path(), scanner.include(r.path()), scope, cloud, headingIds, ids, stack, used);
            stack.remove(stack.size() - 1);
        }
    }
}
