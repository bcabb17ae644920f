package dev.certdocs.validate;

import dev.certdocs.config.Cloud;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Article;
import dev.certdocs.model.SitePaths;
import dev.certdocs.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code page/reserved-path}: an article whose page would take the place of one of the site's
 * own pages (the home page, search, page-not-found, a service index) in a cloud it is published
 * in, where one of the two would silently be lost. Collects pages from many threads, then
 * reports once at the end, in path order.
 */
final class ReservedPagePaths {

    /** An article's page, clouds and service. */
    private record Page(String page, List<String> clouds, String service) {
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final String contentPrefix;

    ReservedPagePaths(CheckContext context) {
        this.contentPrefix = SitePaths.contentPrefix(context.config().baseDir(), context.config().contentDirectory());
    }

    void record(Article article) {
        String page = SitePaths.page(contentPrefix, article.path());
        pages.put(article.path(), new Page(page, article.cloudIds(), SitePaths.serviceId(article)));
    }

    void report(CheckContext context, List<Diagnostic> out) {
        Map<String, Set<String>> servicesByCloud = new TreeMap<>();
        for (Page p : pages.values()) {
            for (String cloud : p.clouds()) servicesByCloud.computeIfAbsent(cloud, c -> new HashSet<>()).add(p.service());
        }
        new TreeMap<>(pages).forEach((path, p) -> {
            List<String> clouds = new ArrayList<>();
            String taken = null;
            for (Cloud cloud : context.config().clouds()) {
                if (!p.clouds().contains(cloud.id())) continue;
                Optional<String> by = SitePaths.takenBySite(p.page(), servicesByCloud.getOrDefault(cloud.id(), Set.of()));
                if (by.isPresent()) {
                    clouds.add(cloud.id());
                    taken = by.get();
                }
            }
            if (taken == null) return;
            context.report(out, Rules.PAGE_RESERVED_PATH, new SourcePosition(path, 1, 1),
                    "this article's page would be " + p.page() + ", which is " + taken + " of the site (in "
                            + String.join(", ", clouds) + "); rename or move the file");
        });
    }
}
