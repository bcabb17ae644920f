package dev.certdocs.engine;

import dev.certdocs.model.Article;
import dev.certdocs.publish.SearchIndex;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.serve.PreviewSite.Page;
import dev.certdocs.support.BuildLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The live preview's search index, per cloud: the entries by article path, all rendered once on
 * the background thread (a changed article's entry is dropped, and rendered again when the index
 * is next asked for), and the index files built from them in memory when first asked for.
 */
final class PreviewSearch {

    /** What the index is made of: one state of the preview. */
    interface Source {

        /** Each cloud's plan: the articles it publishes. */
        Map<String, SiteRenderer.CloudSite> sites();

        /** The search entry of {@code article} in {@code site}'s cloud (its page rendered). */
        SearchEntry entry(SiteRenderer.CloudSite site, Article article);
    }

    /** One cloud's index; {@code files} is null when a change made them stale. */
    private static final class Index {
        final Map<String, SearchEntry> entries = new ConcurrentHashMap<>();
        Map<String, byte[]> files;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
    }

    private final Map<String, Index> clouds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background;
    private final Supplier<? extends Source> current;
    private final BuildLog log;

    /** {@code background}: the thread the entries are rendered on; {@code current}: the preview's state in force. */
    PreviewSearch(ScheduledExecutorService background, Supplier<? extends Source> current, BuildLog log) {
        this.background = background;
        this.current = current;
        this.log = log;
    }

    /** The clouds whose index a request waits for until it is built. */
    void expect(Collection<String> cloudIds) {
        for (String cloud : cloudIds) clouds.computeIfAbsent(cloud, c -> new Index());
    }

    /**
     * Renders every cloud's entries of {@code s} on the background thread, {@code delayMs} from
     * now (entries a change dropped meanwhile are rendered again when the index is asked for),
     * then marks each cloud's index ready; its files are built when first asked for.
     */
    void build(Source s, long delayMs) {
        expect(s.sites().keySet());
        background.schedule(() -> {
            // Clouds often show an article alike: one entry object for all of them.
            Map<SearchEntry, SearchEntry> shared = new HashMap<>();
            for (var e : s.sites().entrySet()) {
                Index index = clouds.get(e.getKey());
                try {
                    for (Article a : e.getValue().articles()) {
                        if (current.get() != s) break; // replaced whole: the next build does it
                        if (index.entries.containsKey(a.path())) continue;
                        SearchEntry entry = shared.computeIfAbsent(s.entry(e.getValue(), a), k -> k);
                        index.entries.putIfAbsent(a.path(), entry);
                    }
                } catch (RuntimeException x) {
                    // A template error while rendering for the index: the pages show it; the index is built when asked for.
                    log.debug("certdocs serve: search index of " + e.getKey() + ": " + x);
                }
                index.ready.complete(null);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** After a reload of everything: every entry and file is stale; all are built again from {@code s}. */
    void reset(Source s) {
        for (Index index : clouds.values()) {
            synchronized (index) {
                index.entries.clear();
                index.files = null;
            }
        }
        build(s, 0);
    }

    /** After a reload of {@code articles}: their entries and every file built are stale. */
    void drop(Collection<String> articles) {
        for (Index index : clouds.values()) {
            synchronized (index) {
                index.entries.keySet().removeAll(articles);
                index.files = null;
            }
        }
    }

    /** A file of a cloud's index ({@code search/…}); waits for the background build the first time. */
    Optional<Page> file(String cloud, String path) {
        Index index = clouds.get(cloud);
        if (index == null) return Optional.empty();
        try {
            index.ready.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.of(Page.failed("the search index of " + cloud + " could not be built: " + e));
        }
        byte[] file;
        synchronized (index) {
            if (index.files == null) index.files = files(current.get(), cloud, index);
            file = index.files.get(path);
        }
        return file == null ? Optional.empty() : Optional.of(Page.of(file));
    }

    /** A cloud's index files from the entries, rendering the entries a change dropped. */
    private static Map<String, byte[]> files(Source s, String cloud, Index index) {
        SiteRenderer.CloudSite site = s.sites().get(cloud);
        List<SearchEntry> entries = new ArrayList<>(site.articles().size());
        for (Article a : site.articles()) entries.add(index.entries.computeIfAbsent(a.path(), k -> s.entry(site, a)));
        return SearchIndex.files(entries);
    }
}
