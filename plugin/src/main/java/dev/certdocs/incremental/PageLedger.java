package dev.certdocs.incremental;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.model.Article;
import dev.certdocs.load.Corpus;
import dev.certdocs.publish.PublishPlan;
import dev.certdocs.publish.SearchIndex;
import dev.certdocs.publish.SearchIndexFile;
import dev.certdocs.publish.SearchSpool;
import dev.certdocs.publish.SiteWriter;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The incremental bookkeeping of one generate run, kept apart from rendering: what the published
 * version's manifest lets the run reuse (a page whose input hash is unchanged, with its
 * search entry still in the entry store), what the run rendered or reused in each cloud, each
 * cloud's search index, and the manifest the run leaves. Thread-safe: article pages are recorded
 * from every worker.
 */
public final class PageLedger {

    private static final com.fasterxml.jackson.databind.ObjectReader ENTRY =
            new com.fasterxml.jackson.databind.ObjectMapper().readerFor(SearchEntry.class);

    private final Manifest previous;
    private final boolean reusable;
    private final String fingerprint;
    private final String site;
    /** Per cloud, the published search index as the manifest describes it (absent: none to copy from). */
    private final Map<String, SearchIndexFile.Previous> previousSearch = new ConcurrentHashMap<>();
    /** The new manifest's pages, per cloud. */
    private final Map<String, Map<String, Manifest.Page>> pages = new LinkedHashMap<>();
    /** Per cloud, each article's search entry, in article order. */
    private final Map<String, SearchIndexFile.Entry[]> search = new LinkedHashMap<>();
    /** Per cloud, the repository files its pages link to. */
    private final Map<String, Set<String>> files = new LinkedHashMap<>();
    /** Per cloud, the services with an article page rendered again. */
    private final Map<String, Set<String>> changed = new LinkedHashMap<>();
    private final Map<String, String> searchIndexes = new ConcurrentHashMap<>();
    /** Where the entry stores are kept; null when the build is not incremental (no store). */
    private final Path stateDirectory;
    /** Where the fresh entries wait for the index, per cloud ({@link SearchSpool}): the state directory, incremental or not. */
    private final Path spoolDirectory;
    private final Map<String, SearchSpool> spools = new ConcurrentHashMap<>();
    private final String version;
    private final AtomicInteger searchFilesWritten = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong searchNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong searchBuildNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong searchCpuNanos = new java.util.concurrent.atomic.AtomicLong();
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Each article text's weighted words, shared by the clouds' search indexes; forgotten once the last one is built. */
    private final SearchIndex.Weights searchWeights = new SearchIndex.Weights();
    private final AtomicInteger searchIndexesLeft = new AtomicInteger();
    /** The manifest keys of the search index files: the secret points a path without a previous key gets. */
    private final SearchFileKey searchKeys;
    /** The search entries as JSON, an entry equal to its thread's last one not serialised again. */
    private final SearchEntryJson searchEntryJson = new SearchEntryJson();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    /** The spare copy taken for this run (null: none), the manifest's file, and the page keys (null: not incremental). */
    private final Spare spare;
    private final Path manifestFile;
    private final PageKeys keys;
    /** Per article, the part of its pages' keys every cloud shares, computed once. */
    private final String[] articleKeys;

    /**
     * The ledger of a run over {@code sites} ({@code articles} in all), with {@code previous} the
     * published version's manifest and {@code fingerprint} what every page shares; reads the
     * published search indexes' stamps when pages can be reused.
     */
    PageLedger(BuildConfig config, Map<String, SiteRenderer.CloudSite> sites, int articles, Manifest previous,
               String fingerprint, Spare spare, Path manifestFile, PageKeys keys) {
        this.previous = previous;
        this.spare = spare;
        this.manifestFile = manifestFile;
        this.keys = keys;
        this.articleKeys = new String[articles];
        this.fingerprint = fingerprint;
        this.site = config.site().outputDirectory().toString();
        this.reusable = previous.fingerprint().equals(fingerprint) && previous.site().equals(site);
        this.stateDirectory = config.site().incremental() ? config.site().stateDirectory() : null;
        this.spoolDirectory = config.site().stateDirectory();
        this.searchKeys = stateDirectory == null ? null : SearchFileKey.fresh();
        this.version = config.site().version();
        for (var e : sites.entrySet()) {
            // Sized for every page up front: resizing a map that both workers fill is a stall for both.
            pages.put(e.getKey(), new ConcurrentHashMap<>(2 * e.getValue().articles().size() + 64));
            search.put(e.getKey(), new SearchIndexFile.Entry[articles]);
            files.put(e.getKey(), ConcurrentHashMap.newKeySet());
            changed.put(e.getKey(), ConcurrentHashMap.newKeySet());
        }
        searchIndexesLeft.set(sites.size());
        if (reusable) {
            List<String> clouds = List.copyOf(sites.keySet());
            Parallel.forEach(config.threads(), clouds.size(), "reading the search indexes", k -> {
                String cloud = clouds.get(k);
                Path file = store(config.site().stateDirectory(), config.site().version(), cloud);
                SearchIndexFile.previous(file, previous.searchIndexes().get(cloud)).ifPresent(b -> previousSearch.put(cloud, b));
            });
        }
    }

    /** The plan publishing applies: the spare copy to start from, what the published version holds. */
    public PublishPlan plan() {
        return Spare.plan(spare, previous, site);
    }

    /**
     * The input hash of article {@code i}'s page in {@code cloudSite} ({@link PageKeys}); null when
     * the build is not incremental (nothing is kept, nothing recorded). From one thread per article.
     */
    public String key(SiteRenderer.CloudSite cloudSite, int i, Corpus.Entry entry) {
        if (keys == null) return null;
        if (articleKeys[i] == null) articleKeys[i] = keys.articleKey(entry.article(), entry.hash());
        return keys.inputKey(cloudSite, entry.article(), articleKeys[i]);
    }

    /**
     * Keeps article {@code i}'s published page at {@code path} (input hash {@code key}) when it is
     * still right: true when {@code writer} staged it, false when it must be rendered.
     */
    public boolean keepArticle(SiteWriter writer, String cloud, int i, String path, String key) {
        Manifest.Page before = reusableArticle(cloud, path, key);
        if (before == null || !writer.keep(cloud, path, key)) return false;
        reusedArticle(cloud, i, path, before);
        return true;
    }

    /** The input hash of a site page ({@link PageKeys#sitePage}); null when the build is not incremental. */
    public String key(SiteRenderer.CloudSite cloudSite, SiteRenderer.SitePage page) {
        return keys == null ? null : keys.sitePage(cloudSite, page);
    }

    /** Keeps a published site page when its key is unchanged and no page it indexes was rendered again. */
    public boolean keepSitePage(SiteWriter writer, String cloud, SiteRenderer.SitePage page, String key) {
        Manifest.Page before = reusableSitePage(cloud, page, key);
        if (before == null || !writer.keep(cloud, page.path(), key)) return false;
        reusedSitePage(cloud, page.path(), before);
        return true;
    }

    /**
     * Just before the commit: from here until the new manifest is written, the old one no longer
     * describes this site (another site's is left alone); with a spare, it becomes the spare's,
     * as the version it describes is about to be.
     */
    public void beforeCommit() {
        if (spare != null && previous.site().equals(site)) spare.describe(manifestFile);
        else if (stateDirectory != null || Manifest.read(manifestFile).site().equals(site)) Manifest.forget(manifestFile);
    }

    /** After the commit: the manifest of what {@code writer} published, when the build is incremental. */
    public void afterCommit(SiteWriter writer, int threads) {
        if (stateDirectory != null) write(manifestFile, writer, threads);
    }

    /** The published article page at {@code path} to reuse for input hash {@code key}, or null when it must be rendered. */
    Manifest.Page reusableArticle(String cloud, String path, String key) {
        Manifest.Page before = reusable ? previous.page(cloud).get(path) : null;
        SearchIndexFile.Previous index = previousSearch.get(cloud);
        boolean ok = before != null && before.key().equals(key) && index != null
                && index.holds(before.searchOffset(), before.searchLength());
        return ok ? before : null;
    }

    /** Article {@code i}'s page at {@code path}, taken as it was published. */
    void reusedArticle(String cloud, int i, String path, Manifest.Page before) {
        search.get(cloud)[i] = SearchIndexFile.Entry.previous(before.searchOffset(), before.searchLength());
        files.get(cloud).addAll(before.files());
        pages.get(cloud).put(path, before);
        reused.incrementAndGet();
    }

    /** Article {@code i}'s page at {@code path} of {@code service}, rendered for input hash {@code key}. */
    public void renderedArticle(String cloud, int i, String path, String key, String service, SiteRenderer.ArticlePage page) {
        byte[] json = searchEntryJson.of(page.search());
        search.get(cloud)[i] = SearchIndexFile.Entry.spooled(spool(cloud).append(json), json.length);
        changed.get(cloud).add(service);
        files.get(cloud).addAll(page.files());
        pages.get(cloud).put(path, new Manifest.Page(key, List.copyOf(page.files()), -1, -1));
        rendered.incrementAndGet();
    }

    /**
     * The published site page to reuse, or null when it must be rendered: its key changed, or it
     * is an index of an article page rendered again (the home page, that page's service index).
     */
    Manifest.Page reusableSitePage(String cloud, SiteRenderer.SitePage page, String key) {
        Manifest.Page before = reusable ? previous.page(cloud).get(page.path()) : null;
        return before != null && before.key().equals(key) && !page.indexes(changed.get(cloud)) ? before : null;
    }

    void reusedSitePage(String cloud, String path, Manifest.Page before) {
        pages.get(cloud).put(path, before);
        reused.incrementAndGet();
    }

    public void renderedSitePage(String cloud, String path, String key) {
        pages.get(cloud).put(path, new Manifest.Page(key, List.of(), -1, -1));
        rendered.incrementAndGet();
    }

    /** The repository files a cloud's pages link to. */
    public Set<String> linkedFiles(String cloud) {
        return files.get(cloud);
    }

    public int rendered() {
        return rendered.get();
    }

    public int reused() {
        return reused.get();
    }

    /**
     * Writes a cloud's sharded search index ({@link SearchIndex}) from its articles' entries, and
     * records where each page's entry now is in the cloud's entry store. Once all article pages
     * are recorded. An incremental build keeps the entries in a store in the state directory
     * (unchanged ones copied from the previous store as bytes) and keeps every index file whose
     * bytes are those the published version has (by its {@link SearchFileKey}): a one-article
     * change rewrites only the shards and the metadata page it changed.
     */
    public void writeSearchIndex(SiteWriter writer, SiteRenderer.CloudSite cloudSite, SiteRenderer renderer) {
        long start = System.nanoTime();
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
        try {
            writeSearchIndexTimed(writer, cloudSite, renderer);
        } finally {
            searchNanos.addAndGet(System.nanoTime() - start);
            // CPU time as well: on a busy machine the wall time counts the waits for a core and for the disk.
            if (cpu >= 0) searchCpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu);
        }
    }

    private void writeSearchIndexTimed(SiteWriter writer, SiteRenderer.CloudSite cloudSite, SiteRenderer renderer) {
        String cloud = cloudSite.cloud().id();
        List<SearchIndexFile.Entry> listed = new ArrayList<>();
        for (SearchIndexFile.Entry e : search.get(cloud)) if (e != null) listed.add(e);
        java.util.Arrays.fill(search.get(cloud), null);
        // The entries are in article order, as are the cloud's articles: the k-th entry is the k-th article's.
        List<Article> here = cloudSite.articles();
        if (here.size() != listed.size()) {
            throw new IllegalStateException("search index of " + cloud + ": " + listed.size() + " entries for " + here.size() + " pages");
        }
        SearchSpool spool = spools.remove(cloud);
        java.nio.channels.FileChannel store = null;
        try {
            java.util.function.IntFunction<SearchEntry> entryAt;
            if (stateDirectory != null) {
                Path file = store(stateDirectory, version, cloud);
                Path next = file.resolveSibling(file.getFileName() + ".new");
                SearchIndexFile.Written index;
                try {
                    java.nio.file.Files.createDirectories(stateDirectory);
                    java.nio.file.Files.deleteIfExists(next);
                    index = SearchIndexFile.write(next, listed, previousSearch.get(cloud), spool);
                    // Renamed in place: the file keeps the size, time and identity its stamp names.
                    java.nio.file.Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    store = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
                }
                Map<String, Manifest.Page> own = pages.get(cloud);
                for (int k = 0; k < here.size(); k++) {
                    String path = renderer.pagePath(here.get(k));
                    Manifest.Page p = own.get(path);
                    own.put(path, new Manifest.Page(p.key(), p.files(), index.offsets()[k], index.lengths()[k]));
                }
                searchIndexes.put(cloud, index.stamp());
                // Read back one entry at a time, from the store just written: never the whole store in memory.
                java.nio.channels.FileChannel in = store;
                entryAt = k -> entry(read(in, file, index.offsets()[k], index.lengths()[k]), 0, index.lengths()[k]);
            } else {
                entryAt = k -> entry(listed.get(k).bytes(spool), 0, listed.get(k).length());
            }
            Map<String, Manifest.Page> own = pages.get(cloud);
            long build = System.nanoTime();
            SearchIndex.write(listed.size(), entryAt, searchWeights, (path, bytes) -> {
                Manifest.Page before = reusable ? previous.page(cloud).get(path) : null;
                // No key when no manifest is written (not incremental): nothing would ever compare it.
                String key = stateDirectory == null ? null : searchKeys.of(bytes, before == null ? null : before.key());
                if (before != null && key != null && before.key().equals(key) && writer.keep(cloud, path, key)) {
                    own.put(path, before);
                } else {
                    writer.write(cloud, path, bytes);
                    own.put(path, new Manifest.Page(key, List.of(), -1, -1));
                    searchFilesWritten.incrementAndGet();
                }
            });
            if (searchIndexesLeft.decrementAndGet() == 0) searchWeights.clear();
            searchBuildNanos.addAndGet(System.nanoTime() - build);
        } finally {
            if (spool != null) spool.close();
            if (store != null) {
                try {
                    store.close();
                } catch (IOException ignored) {
                    // read only
                }
            }
        }
    }

    /** The spool of a cloud's fresh search entries, opened by the first page rendered. */
    private SearchSpool spool(String cloud) {
        return spools.computeIfAbsent(cloud, c -> {
            Path file = spoolDirectory.resolve(version + "." + c + ".search.spool");
            try {
                return new SearchSpool(file);
            } catch (IOException e) {
                throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** Closes the spools a failed run leaves open (and removes their files). */
    public void closeSpools() {
        for (String cloud : List.copyOf(spools.keySet())) {
            SearchSpool spool = spools.remove(cloud);
            if (spool != null) spool.close();
        }
    }

    private static byte[] read(java.nio.channels.FileChannel in, Path file, int offset, int length) {
        byte[] bytes = new byte[length];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        try {
            while (b.hasRemaining()) {
                if (in.read(b, offset + b.position()) < 0) throw new IOException("it ends early");
            }
        } catch (IOException e) {
            throw new CertDocsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    /** The entry store of a cloud's version in the state directory. */
    static Path store(Path stateDirectory, String version, String cloud) {
        return stateDirectory.resolve(version + "." + cloud + ".search.json");
    }

    /** What the search indexes cost: the files written (the others were kept as published) and the time, summed over clouds. */
    public String searchSummary() {
        return "search index files written: " + searchFilesWritten.get() + ", search index time (summed over clouds): "
                + searchNanos.get() / 1_000_000 + " ms (building and writing the files: " + searchBuildNanos.get() / 1_000_000
                + " ms), CPU time: " + searchCpuNanos.get() / 1_000_000 + " ms";
    }

    private static SearchEntry entry(byte[] bytes, int offset, int length) {
        try {
            return ENTRY.readValue(bytes, offset, length);
        } catch (IOException e) {
            // The store's checksum was verified before any of it was copied: this is a bug, not content.
            throw new IllegalStateException("search entry at " + offset + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Writes the manifest of the version {@code writer} published: its pages, and every other file it staged. */
    void write(Path manifestFile, SiteWriter writer, int threads) {
        Map<String, List<String>> others = new TreeMap<>();
        for (String cloud : pages.keySet()) {
            List<String> list = new ArrayList<>();
            for (String f : writer.files(cloud)) if (!pages.get(cloud).containsKey(f)) list.add(f);
            list.sort(null);
            others.put(cloud, list);
        }
        new Manifest(fingerprint, site, searchIndexes, pages, others).write(manifestFile, threads);
    }
}
