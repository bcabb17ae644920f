package dev.certdocs.incremental;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.PageLinks;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.support.Background;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.validate.CheckContext;
import dev.certdocs.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * Incremental building, around the stages of one {@code generate}: "a full build, just faster".
 * The stages are called as they are; this memoizes them by content hash and keeps the state
 * files that make that possible (docs/incremental.md):
 * <ul>
 *   <li>{@link #load} and {@link #validate}: an article whose file (by its stamp, else the hash of
 *       its bytes) and reached includes are as they were is neither read nor checked again; its
 *       properties, include directives, links and diagnostics come from the validation cache
 *       ({@link CheckCache}, {@code checks.json});</li>
 *   <li>{@link #ledger}: which pages keep their published copy (their {@link PageKeys input hash}
 *       is the manifest's), the plan publishing applies (the spare copy to start from), the
 *       manifest the run leaves.</li>
 * </ul>
 * With {@code incremental} off, each call is the stage itself and nothing is kept.
 */
public final class IncrementalBuild {

    private final BuildConfig config;
    private final boolean on;
    private final Background background;
    private final Path manifestFile;
    private final Future<Map<String, CheckCache.Entry>> checks;
    private final Future<Manifest> published;
    private final Future<Manifest> spare;
    /** This run's validation cache, once {@link #load} opened it. */
    private CheckCache cache;
    /** Per article loaded (not known from the cache): the hash and stamp of its file, to store its results with. */
    private final Map<String, String[]> fresh = new ConcurrentHashMap<>();
    /** The articles whose diagnostics (loading and own checks) came from the cache. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private IncrementalBuild(BuildConfig config, Background background) {
        this.config = config;
        this.on = config.site().incremental();
        this.background = background;
        Path dir = config.site().stateDirectory();
        this.manifestFile = dir.resolve(config.site().version() + ".manifest");
        // Read on the background thread while the articles are found and checked; validation's cache first.
        this.checks = background.submit(() -> on ? CheckCache.stored(dir, BuildFingerprint.ofChecks(config)) : Map.of());
        this.published = background.submit(() -> on ? Manifest.read(manifestFile) : Manifest.empty());
        this.spare = background.submit(() -> on ? Spare.read(dir, config.site().version()) : Manifest.empty());
    }

    /** The incremental state of a generate run: what the last runs left, read on {@code background}. */
    public static IncrementalBuild open(BuildConfig config, Background background) {
        return new IncrementalBuild(config, background);
    }

    /**
     * The load stage, memoized: {@link Load#corpus} (texts kept, for rendering), but an article
     * known from the validation cache is not read: its entry holds its properties and include
     * directives as the cache recorded them, no body, and no text ({@link Corpus#loaded} reads
     * it when its page must be rendered).
     */
    public Corpus load(List<String> files) {
        if (!on) return Load.corpus(config, files, true);
        Corpus empty = Load.empty(config, files);
        cache = CheckCache.open(config.site().stateDirectory(), BuildFingerprint.ofChecks(config), empty.includes(),
                Background.get(checks));
        Corpus.Entry[] entries = new Corpus.Entry[files.size()];
        Parallel.forEach(config.threads(), files.size(), "loading", i -> entries[i] = load(empty, files.get(i)));
        return new Corpus(files, Arrays.asList(entries), empty.includes(), empty.scanner(), empty.loader());
    }

    private Corpus.Entry load(Corpus corpus, String path) {
        Path file = config.baseDir().resolve(path);
        String stamp = CheckCache.stamp(file);
        Optional<CheckCache.Entry> hit = cache.unchanged(path, stamp);
        String hash = null;
        if (hit.isEmpty()) {
            byte[] bytes = readAllBytes(file);
            hash = CheckCache.hash(bytes);
            hit = cache.lookup(path, hash, stamp);
            if (hit.isEmpty()) {
                ArticleLoader.Loaded loaded = corpus.loader().parse(path, file, bytes);
                fresh.put(path, new String[] {hash, stamp});
                return new Corpus.Entry(loaded.article(), loaded.diagnostics(), corpus.scanner().article(loaded), hash, loaded);
            }
        }
        CheckCache.Entry e = hit.get();
        // The corpus's include graph holds the include files its articles reach, as reading them would have.
        for (CheckCache.Reach r : e.reached()) if (r.status() == dev.certdocs.load.Includes.Status.FOUND) corpus.includes().body(r.path());
        known.add(path);
        Body body = new Body(1, List.of(), List.of(), e.includes(), List.of(), List.of(), Optional.empty());
        Article recorded = new Article(path, file, e.properties(), body);
        PageLinks links = e.links();
        ArticleLoader.Loaded loaded = null;
        if (links == null) { // an entry of an older cache, without the links: read again for them
            loaded = corpus.loader().load(path);
            links = corpus.scanner().article(loaded);
        }
        return new Corpus.Entry(recorded, e.diagnostics(), links, e.hash(), loaded);
    }

    /**
     * The validate stage, memoized: {@link Validation#validate}, but an article known from the
     * cache has its diagnostics from there, and is only recorded for the checks of all articles
     * together. What is checked is kept for the next run (written on the background thread).
     */
    public List<Diagnostic> validate(Corpus corpus) {
        if (!on) return Validation.validate(config, corpus);
        Validation validation = new Validation(new CheckContext(config, corpus.includes()));
        List<Corpus.Entry> articles = corpus.articles();
        @SuppressWarnings("unchecked")
        List<Diagnostic>[] own = new List[articles.size()];
        Parallel.forEach(config.threads(), articles.size(), "validation", i -> {
            Corpus.Entry entry = articles.get(i);
            if (known.contains(entry.path())) {
                validation.record(entry.article());
                own[i] = entry.diagnostics();
            } else {
                own[i] = validation.checked(entry);
                String[] file = fresh.get(entry.path());
                cache.store(entry.path(), file[0], file[1], own[i], entry.article(), entry.links());
            }
        });
        List<Diagnostic> all = new ArrayList<>();
        for (List<Diagnostic> list : own) all.addAll(list);
        all.addAll(validation.finish());
        CheckCache written = cache;
        background.submit(() -> {
            written.write();
            return null;
        });
        return all;
    }

    /**
     * The bookkeeping of rendering and publishing {@code sites}: page keys, what may be kept, the
     * plan publishing applies, the manifest. Takes the spare copy (its manifest is deleted now).
     */
    public PageLedger ledger(SiteRenderer renderer, Map<String, SiteRenderer.CloudSite> sites, Corpus corpus) {
        // Everything that, when it changes, changes every page.
        String fingerprint = BuildFingerprint.of(config, renderer.templatesFingerprint());
        String siteRoot = config.site().outputDirectory().toString();
        Manifest previous = Background.get(published);
        Spare taken = on ? Spare.take(config.site().stateDirectory(), config.site().version(), Background.get(spare), fingerprint,
                siteRoot) : null;
        return new PageLedger(config, sites, corpus.articles().size(), previous, fingerprint, taken, manifestFile,
                on ? new PageKeys(renderer, corpus.includes()) : null);
    }

    private static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CertDocsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
