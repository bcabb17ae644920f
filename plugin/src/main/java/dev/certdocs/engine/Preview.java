package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.link.LinkCheck;
import dev.certdocs.load.ContentFiles;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.GitDates;
import dev.certdocs.load.Includes;
import dev.certdocs.load.Load;
import dev.certdocs.model.Article;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.model.SitePaths;
import dev.certdocs.publish.SearchIndex;
import dev.certdocs.render.Rendering;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.render.Templates;
import dev.certdocs.serve.Dependencies;
import dev.certdocs.serve.PreviewSite;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import dev.certdocs.support.QuickStart;
import dev.certdocs.validate.CheckContext;
import dev.certdocs.validate.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The site of {@code serve}, made from the pipeline's stages on demand: the articles are loaded
 * ({@link Load}) and validated ({@link Validation}) once, as {@code validate} does, each cloud
 * planned ({@link Rendering#plans}), and then a page is rendered when it is asked for
 * ({@link Rendering#article}, {@link Rendering#sitePage}) and kept in memory until a change makes
 * it stale. The search index of each
 * cloud is built in the background. A reload loads again only the articles that changed (and
 * those reaching a changed include file), checks the content again, plans again, and answers
 * which pages now differ: the changed articles' pages in every cloud, the pages whose navigation
 * or listings changed (the plans' hashes say which), the pages whose problems changed, every page
 * after a template or schema change. A broken template or schema is a global error the pages
 * show; the last good configuration stays in force meanwhile.
 */
public final class Preview implements PreviewSite, AutoCloseable {

    /** One article as loaded (its text kept) and its own problems (loading's and its own checks'). */
    private record Checked(Corpus.Entry entry, List<Diagnostic> own) {

        Article article() {
            return entry.article();
        }
    }

    /**
     * Everything a page is rendered from, replaced whole by a reload. {@code own}: the problems
     * each article's loading and own checks found, by file; {@code later}: those of the checks
     * over all articles (duplicate ids, reserved pages, include files, offline link checks), by
     * file, filled in once they ran (until then, the last state's). {@code cache}: rendered
     * pages by URL path; {@code pages}: per cloud, page path to article; {@code pageArticles}:
     * page path to article path for every article, published or not (its problems are shown).
     * {@code corpus}: the articles of {@code articles}, with the include graph and link scanner.
     * {@code listed}: a state of the start-up, made from the articles' properties alone
     * ({@link Load#properties}) so that pages are served at once: {@code articles} hold only
     * their properties and what parsing them found; an article whose page or problems are asked
     * for is loaded and checked whole then, and kept in {@code loadedNow}, until the background
     * load replaces the state ({@link #completeLoad}).
     */
    private record State(BuildConfig config, Corpus corpus, Rendering rendering, String contentPrefix,
                         Map<String, Checked> articles, Map<String, List<Diagnostic>> own,
                         java.util.concurrent.atomic.AtomicReference<Map<String, List<Diagnostic>>> later,
                         Map<String, SiteRenderer.CloudSite> sites,
                         Map<String, Map<String, Article>> pages, Map<String, String> pageArticles,
                         Map<String, Page> cache, List<String> errors, boolean listed, Map<String, Checked> loadedNow)
            implements PreviewSearch.Source {

        SiteRenderer renderer() {
            return rendering.renderer();
        }

        @Override
        public SearchEntry entry(SiteRenderer.CloudSite site, Article a) {
            return rendering.article(site, articles.get(a.path()).entry(), new SiteRenderer.ArticleMemo()).search();
        }
    }

    /** How long after a state is installed its checks across articles start. */
    private static final long ACROSS_DELAY_MS = 300;
    /**
     * How long after start-up the search entries start to be rendered in the background: the
     * first pages an author opens are rendered first, not beside five clouds' worth of entries.
     */
    private static final long SEARCH_DELAY_MS = 2000;
    /** How long after start-up the articles start to be loaded whole if no page was asked for before. */
    private static final long LOAD_DELAY_MS = 3000;

    private final Supplier<BuildConfig> configs;
    private final BuildLog log;
    /** When each file last changed, from git: read while the articles are loaded. */
    private final CompletableFuture<Map<String, String>> gitDates;
    /** Article path to the include files it reaches. */
    private final Dependencies includesOf = new Dependencies();
    /** Article path to the repository files its pages link to (images, downloads), known once a page was rendered. */
    private final Dependencies filesOf = new Dependencies();
    /** The last page an article's URL showed, kept to show with its problems while the article cannot be published. */
    private final Map<String, Page> lastGood = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "certdocs-serve-background");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** Runs the checks over all articles after a reload, one after another, so that a reload is not kept waiting for them. */
    /** Each cloud's search index, rendered on the background thread. */
    private final PreviewSearch search;
    private final java.util.concurrent.ScheduledExecutorService acrossArticles = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "certdocs-serve-checks");
        t.setDaemon(true);
        return t;
    });
    private volatile State state;
    /** Completed once a page was served: the background load starts then. */
    private final CompletableFuture<Void> firstPage = new CompletableFuture<>();
    /** Keeps HotSpot's C2 away until the articles are loaded; null in tests of the listed state. */
    private final QuickStart quickStart;
    private volatile String configError;
    private volatile java.util.function.Consumer<Set<String>> listener = pages -> { };

    private Preview(Supplier<BuildConfig> configs, BuildLog log, BuildConfig config,
                    CompletableFuture<Map<String, String>> gitDates, QuickStart quickStart) {
        this.quickStart = quickStart;
        this.configs = configs;
        this.log = log;
        this.search = new PreviewSearch(background, () -> state, log);
        this.gitDates = gitDates;
        install(listed(config));
        search.expect(state.sites().keySet());
        if (quickStart != null) background.execute(() -> {
            try {
                // The first page asked for goes first: the load waits for it to be served, a moment at most.
                firstPage.get(LOAD_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // nobody asked yet: load now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Set<String> changed = completeLoad();
                if (!changed.isEmpty()) listener.accept(changed);
            } catch (RuntimeException e) {
                // A file gone or a template error while loading: the next reload loads again.
                log.warn("certdocs serve: loading the articles in the background failed: " + e.getMessage());
            } finally {
                quickStart.close();
            }
        });
    }

    /**
     * Replaces the start-up's listed state by one of the articles loaded and checked whole (as
     * {@code validate} loads and checks them), the articles loaded on demand meanwhile taken
     * over; the plans stay when the properties read whole are the ones listed. Then the checks
     * across articles and the search index follow. Runs once, on the background thread, or on
     * the first reload if that comes first (a reload waits for it: it works on loaded articles).
     * Returns the pages that differ from the listed state's (an article's properties changed
     * between the listing and the load): its pages, and those whose navigation or listings changed.
     */
    synchronized Set<String> completeLoad() {
        State listed = state;
        if (!listed.listed()) return Set.of();
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        BuildConfig config = listed.config();
        Map<String, Checked> before = new HashMap<>(listed.loadedNow());
        Set<String> rest = new TreeSet<>(listed.articles().keySet());
        rest.removeAll(before.keySet());
        // One core is left to the pages asked for meanwhile.
        Checks checks = check(config, reading(listed.corpus(), listed.corpus().files()), before, rest,
                Math.max(1, config.threads() - 1));
        times.lap("loading and checking " + rest.size() + " article(s)");
        Set<String> changed = new TreeSet<>(listed.articles().keySet());
        changed.addAll(checks.articles().keySet());
        changed.removeIf(p -> listed.articles().containsKey(p) && checks.articles().containsKey(p)
                && listed.articles().get(p).article().properties().equals(checks.articles().get(p).article().properties()));
        State fresh = planned(config, checks, listed.errors(), Map.of(), listed, changed.isEmpty(), times);
        Set<String> urls = new TreeSet<>();
        for (String a : changed) {
            articleUrls(listed, a, urls);
            articleUrls(fresh, a, urls);
        }
        navigationChanges(listed, fresh, urls);
        keepUnchanged(listed, fresh, urls);
        install(fresh);
        log.debug("certdocs serve load stages: " + times);
        log.info(String.format(Locale.ROOT, "certdocs serve: %s loaded and checked in %.1f s; the checks across articles"
                + " and links follow", counted(fresh), (System.nanoTime() - start) / 1e9));
        search.build(fresh, SEARCH_DELAY_MS);
        return urls;
    }

    /**
     * Makes {@code s} the state pages come from, then runs its checks across articles on their
     * thread, a moment later: the pages a reload announced are fetched first, and a burst of
     * reloads runs the checks once (a state already replaced skips them).
     */
    private void install(State s) {
        state = s;
        if (s.listed()) return; // its articles are not loaded yet: the checks across them wait for the load
        acrossArticles.schedule(() -> checkAcross(s), ACROSS_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onReload(java.util.function.Consumer<Set<String>> listener) {
        this.listener = listener;
    }

    /**
     * Loads and validates the content of {@code configs.get()} and plans every cloud; pages are
     * rendered when asked for. {@code configs} is asked again when the schema file changes.
     */
    public static Preview open(Supplier<BuildConfig> configs, BuildLog log) {
        return open(configs, log, true);
    }

    /**
     * As {@link #open(Supplier, BuildLog)}; without {@code loadInBackground} the articles stay
     * listed until {@link #completeLoad} or a reload (tests of the listed state).
     */
    static Preview open(Supplier<BuildConfig> configs, BuildLog log, boolean loadInBackground) {
        // The start-up without C2 (measured: the first page takes about half the CPU); C2 comes back once all is loaded.
        QuickStart quickStart = loadInBackground ? QuickStart.begin(log) : null;
        try {
            BuildConfig config = configs.get();
            CompletableFuture<Map<String, String>> dates = CompletableFuture.supplyAsync(() -> GitDates.read(config.baseDir()));
            return new Preview(configs, log, config, dates, quickStart);
        } catch (RuntimeException e) {
            if (quickStart != null) quickStart.close();
            throw e;
        }
    }

    /**
     * The start-up line's account of the content: "N articles listed; …" while the articles load
     * in the background, "N articles, M problems loaded and checked" once they did.
     */
    String summary() {
        State s = state;
        if (!s.listed()) return counted(s) + " loaded and checked";
        return s.articles().size() + (s.articles().size() == 1 ? " article" : " articles")
                + " listed; loading and checking them in the background, problems are shown in the pages";
    }

    /** "N articles, M problems" of a loaded state. */
    private static String counted(State s) {
        int problems = s.own().values().stream().mapToInt(List::size).sum();
        return s.articles().size() + (s.articles().size() == 1 ? " article" : " articles") + ", " + problems
                + (problems == 1 ? " problem" : " problems") + (problems > 0 ? " (shown in the pages)" : "");
    }

    // ---------------------------------------------------------------- PreviewSite

    @Override
    public List<String> clouds() {
        return state.config().clouds().stream().map(Cloud::id).toList();
    }

    @Override
    public String defaultCloud() {
        List<String> clouds = clouds();
        return clouds.contains("public") ? "public" : clouds.isEmpty() ? "public" : clouds.get(0);
    }

    @Override
    public String version() {
        return state.config().site().version();
    }

    @Override
    public Path root() {
        return state.config().baseDir();
    }

    @Override
    public boolean watches(Path directory) {
        BuildConfig c = state.config();
        String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
        if (name.startsWith(".") || name.equals("node_modules")) return false;
        Path d = directory.toAbsolutePath().normalize();
        return !d.equals(c.baseDir().resolve("target")) && !d.startsWith(c.reportsDirectory())
                && !d.startsWith(c.site().outputDirectory());
    }

    @Override
    public List<String> globalErrors() {
        return state.errors();
    }

    @Override
    public List<Diagnostic> problems(String cloud, String path) {
        State s = state;
        String article = s.pageArticles().get(path);
        if (article == null) return List.of();
        List<Diagnostic> out = new ArrayList<>(problemsOf(s, article));
        for (String include : new TreeSet<>(includesOf.sourcesOf(article))) out.addAll(problemsOf(s, include));
        return out;
    }

    /** A file's problems in {@code s}: its own and those of the checks across articles, in source order. */
    private List<Diagnostic> problemsOf(State s, String file) {
        List<Diagnostic> own = s.own().getOrDefault(file, List.of());
        if (s.listed() && s.articles().containsKey(file)) {
            own = byFile(s.config(), checked(s, file).own()).getOrDefault(file, List.of());
        }
        List<Diagnostic> later = s.later().get().getOrDefault(file, List.of());
        if (later.isEmpty()) return own;
        List<Diagnostic> all = new ArrayList<>(own);
        all.addAll(later);
        return all.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }

    @Override
    public Optional<Page> page(String cloud, String path) {
        State s = state;
        SiteRenderer.CloudSite site = s.sites().get(cloud);
        if (site == null) return Optional.empty();
        String url = url(s, cloud, path);
        Page cached = s.cache().get(url);
        if (cached != null) return Optional.of(cached);
        Optional<Page> made;
        try {
            made = make(s, site, path, url);
        } catch (CertDocsException e) {
            // A template error: shown in the page, never a stopped server.
            return Optional.of(Page.failed(e.getMessage()));
        }
        made.ifPresent(p -> {
            if (p.status() == 200 && p.content() != null && p.errors().isEmpty()) s.cache().put(url, p);
        });
        firstPage.complete(null);
        return made;
    }

    private Optional<Page> make(State s, SiteRenderer.CloudSite site, String path, String url) {
        String cloud = site.cloud().id();
        Article article = s.pages().get(cloud).get(path);
        if (article != null) {
            SiteRenderer.ArticlePage p = s.rendering().article(site, checked(s, article.path()).entry(), new SiteRenderer.ArticleMemo());
            filesOf.record(article.path(), p.files());
            Page page = Page.of(p.page().utf8());
            lastGood.put(url, page);
            return Optional.of(page);
        }
        if (path.startsWith(SearchIndex.FOLDER)) return search.file(cloud, path);
        Optional<RenderedPage> own = s.rendering().sitePage(site, path);
        if (own.isPresent()) return Optional.of(Page.of(own.get().utf8()));
        if (path.startsWith("assets/")) return asset(s, path);
        String shown = s.pageArticles().get(path);
        if (shown != null) {
            // An article that its problems keep out of this cloud (broken properties): its last page, with the problems.
            boolean broken = problemsOf(s, shown).stream().anyMatch(d -> d.severity() == Severity.ERROR);
            Page before = lastGood.get(url);
            return broken && before != null ? Optional.of(new Page(200, before.content(), null, List.of())) : Optional.empty();
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(".md")) return Optional.empty();
        // A file pages link to, where generate copies it: under the content directory as there, else under _files/.
        String repoPath = path.startsWith("_files/") ? path.substring("_files/".length()) : s.contentPrefix() + path;
        Path file = s.config().baseDir().resolve(repoPath).normalize();
        return Files.isRegularFile(file) ? Optional.of(Page.file(file)) : Optional.empty();
    }

    /** A theme asset: the templates directory's {@code assets/} first, then the theme jar's. */
    private static Optional<Page> asset(State s, String path) {
        Path overrides = s.config().site().templatesDirectory();
        if (overrides != null) {
            Path file = overrides.resolve(path).normalize();
            if (file.startsWith(overrides.resolve("assets")) && Files.isRegularFile(file)) return Optional.of(Page.file(file));
        }
        try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream("certdocs-templates/" + path)) {
            return in == null ? Optional.empty() : Optional.of(Page.of(in.readAllBytes()));
        } catch (IOException e) {
            throw new CertDocsException("cannot read the theme's " + path + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- loading and checking

    /**
     * The article at {@code path} of {@code s} loaded and checked; in a listed state, loaded and
     * checked now, once, when first asked for (its page or its problems).
     */
    private Checked checked(State s, String path) {
        Checked known = s.articles().get(path);
        if (known == null || !s.listed()) return known;
        return s.loadedNow().computeIfAbsent(path, p -> {
            Corpus.Entry entry;
            try {
                entry = Load.entry(s.corpus(), p, true);
            } catch (CertDocsException gone) {
                return known; // deleted since it was listed: the reload that follows says so
            }
            includesOf.record(p, reached(s.corpus().includes(), entry.article()));
            return new Checked(entry, new Validation(new CheckContext(s.config(), s.corpus().includes())).checked(entry));
        });
    }

    /**
     * The start-up's state: the articles' properties read ({@link Load#properties}) and every
     * cloud planned from them, which is all a plan reads; each article is loaded whole when asked
     * for, all of them in the background ({@link #completeLoad}).
     */
    private State listed(BuildConfig config) {
        StageTimes times = new StageTimes();
        List<String> files = Load.articleFiles(config, log);
        times.lap("finding the articles");
        Corpus corpus = Load.properties(config, files);
        Map<String, Checked> articles = new TreeMap<>();
        for (Corpus.Entry e : corpus.articles()) articles.put(e.path(), new Checked(e, e.diagnostics()));
        times.lap("reading the properties");
        State s = planned(config, new Checks(articles, corpus), List.of(), Map.of(), null, false, times, true);
        log.debug("certdocs serve stages: " + times);
        return s;
    }

    /** Everything from scratch (start, a schema or configuration change), keeping {@code errors}. */
    private State full(BuildConfig config, List<String> errors) {
        StageTimes times = new StageTimes();
        List<String> files = Load.articleFiles(config, log);
        times.lap("finding the articles");
        Checks checks = check(config, Load.empty(config, files), Map.of(), null);
        times.lap("loading and checking");
        State s = planned(config, checks, errors, Map.of(), null, false, times);
        log.debug("certdocs serve stages: " + times);
        return s;
    }

    /**
     * Checks the articles of {@code corpus} (its files; it brings the include graph, loader and
     * link scanner): those in {@code recheck} (all when null) or not in {@code before} are loaded
     * and checked as {@code validate} loads and checks each ({@link Load#entry},
     * {@link Validation#checked}); the others are taken from {@code before}.
     */
    private Checks check(BuildConfig config, Corpus corpus, Map<String, Checked> before, Set<String> recheck) {
        return check(config, corpus, before, recheck, config.threads());
    }

    private Checks check(BuildConfig config, Corpus corpus, Map<String, Checked> before, Set<String> recheck, int threads) {
        List<String> files = corpus.files();
        Validation validation = new Validation(new CheckContext(config, corpus.includes()));
        Checked[] out = new Checked[files.size()];
        Parallel.forEach(threads, files.size(), "checking", i -> {
            String path = files.get(i);
            Checked known = before.get(path);
            if (known != null && recheck != null && !recheck.contains(path)) {
                out[i] = known;
                return;
            }
            Corpus.Entry entry;
            try {
                entry = Load.entry(corpus, path, true);
            } catch (CertDocsException gone) {
                return; // deleted or unreadable since it was listed: not an article any more
            }
            out[i] = new Checked(entry, validation.checked(entry));
            includesOf.record(path, reached(corpus.includes(), entry.article()));
        });
        Map<String, Checked> articles = new TreeMap<>();
        List<Corpus.Entry> entries = new ArrayList<>(out.length);
        for (Checked c : out) {
            if (c == null) continue;
            articles.put(c.article().path(), c);
            entries.add(c.entry());
        }
        Corpus loaded = new Corpus(files, entries, corpus.includes(), corpus.scanner(), corpus.loader());
        return new Checks(articles, loaded);
    }

    /** The articles checked and their corpus. */
    private record Checks(Map<String, Checked> articles, Corpus corpus) {
    }

    /**
     * The state of {@code checks}: each article's own problems now, those across articles
     * ({@code laterBefore} until they ran: the last state's) on the checks thread, which then
     * tells the listener which pages' problems changed. {@code same}: a state whose rendering
     * (its templates, includes and configuration unchanged) and template errors are taken over,
     * so that FreeMarker keeps its parsed templates; {@code samePlans}: whether its plans hold too
     * (no article came or went, and the changed ones kept their properties, all a plan reads:
     * an edit of an article's text plans nothing again).
     */
    private State planned(BuildConfig config, Checks checks, List<String> errors, Map<String, List<Diagnostic>> laterBefore,
                          State same, boolean samePlans, StageTimes times) {
        return planned(config, checks, errors, laterBefore, same, samePlans, times, false);
    }

    /** As above; {@code listed}: a state of the start-up, of the articles' properties only. */
    private State planned(BuildConfig config, Checks checks, List<String> errors, Map<String, List<Diagnostic>> laterBefore,
                          State same, boolean samePlans, StageTimes times, boolean listed) {
        Map<String, Checked> articles = checks.articles();
        List<Diagnostic> all = new ArrayList<>();
        for (Checked c : articles.values()) all.addAll(c.own());
        Map<String, List<Diagnostic>> problems = byFile(config, all);

        List<String> templateErrors = new ArrayList<>(same != null ? same.errors() : errors);
        Rendering rendering = same != null ? same.rendering().over(checks.corpus())
                : new Rendering(config, checks.corpus(), gitDates.join());
        if (same == null) templateErrors.addAll(templateErrors(config));
        if (same == null) times.lap("templates");
        String prefix = SitePaths.contentPrefix(config.baseDir(), config.contentDirectory());
        if (same != null && samePlans) {
            times.lap("plans kept");
            return new State(config, checks.corpus(), rendering, prefix, articles, problems,
                    new java.util.concurrent.atomic.AtomicReference<>(laterBefore), same.sites(), same.pages(),
                    same.pageArticles(), new ConcurrentHashMap<>(), List.copyOf(templateErrors), listed, new ConcurrentHashMap<>());
        }
        Map<String, SiteRenderer.CloudSite> sites = rendering.plans();
        times.lap("planning");
        SiteRenderer renderer = rendering.renderer();
        Map<String, Map<String, Article>> pages = new HashMap<>();
        sites.forEach((cloud, site) -> {
            Map<String, Article> byPage = new HashMap<>();
            for (Article a : site.articles()) byPage.put(renderer.pagePath(a), a);
            pages.put(cloud, byPage);
        });
        Map<String, String> pageArticles = new HashMap<>();
        for (Checked c : articles.values()) pageArticles.put(renderer.pagePath(c.article()), c.article().path());
        times.lap("page paths");
        return new State(config, checks.corpus(), rendering, prefix, articles, problems,
                new java.util.concurrent.atomic.AtomicReference<>(laterBefore), sites, pages, pageArticles,
                new ConcurrentHashMap<>(), List.copyOf(templateErrors), listed, new ConcurrentHashMap<>());
    }

    /** Severities of the configuration applied, those off dropped, each once, in source order, by file. */
    private static Map<String, List<Diagnostic>> byFile(BuildConfig config, List<Diagnostic> all) {
        Map<String, List<Diagnostic>> out = new HashMap<>();
        all.stream().map(d -> d.withSeverity(config.severityOf(d.ruleId(), d.severity())))
                .filter(d -> d.severity() != Severity.OFF).distinct().sorted(Diagnostic.ORDER)
                .forEach(d -> out.computeIfAbsent(d.position().path(), k -> new ArrayList<>()).add(d));
        return out;
    }

    /**
     * The checks across articles of {@code s} (duplicate ids, reserved pages, the include files,
     * the offline link checks), as {@code validate} makes them; then the pages whose problems they
     * changed are reloaded. Skipped when a later reload replaced {@code s} already: its own run
     * covers this one.
     */
    private void checkAcross(State s) {
        try {
            if (state != s) return;
            BuildConfig config = s.config();
            Corpus corpus = s.corpus();
            Validation validation = new Validation(new CheckContext(config, corpus.includes()));
            for (Corpus.Entry e : corpus.articles()) validation.record(e.article());
            List<Diagnostic> all = new ArrayList<>(validation.finish());
            all.addAll(new LinkCheck(config, corpus.includes(), corpus.scanner()).offline(CertDocs.pages(config, corpus)));
            Map<String, List<Diagnostic>> before = s.later().get();
            Map<String, List<Diagnostic>> now = byFile(config, all);
            s.later().set(now);
            Set<String> files = new TreeSet<>(before.keySet());
            files.addAll(now.keySet());
            Set<String> urls = new TreeSet<>();
            for (String f : files) {
                if (before.getOrDefault(f, List.of()).equals(now.getOrDefault(f, List.of()))) continue;
                articleUrls(s, f, urls);
                for (String a : includesOf.dependentsOf(List.of(f))) articleUrls(s, a, urls);
            }
            if (!urls.isEmpty() && state == s) listener.accept(urls);
        } catch (RuntimeException e) {
            // A file gone while checking: the next reload checks again.
            log.debug("certdocs serve: checks across articles: " + e);
        }
    }

    /** Syntax errors of the repository's templates, each as the message generate would fail with. */
    private static List<String> templateErrors(BuildConfig config) {
        Path dir = config.site().templatesDirectory();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftl")).sorted().toList();
        } catch (IOException e) {
            return List.of("cannot read the templates directory " + dir + ": " + e.getMessage());
        }
        Templates templates = new Templates(dir);
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                templates.exists(name);
            } catch (CertDocsException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** The include files an article reaches, directly or through other includes. */
    private static Set<String> reached(Includes includes, Article article) {
        try {
            return new LinkedHashSet<>(includes.reachedFrom(article.path(), article.body()));
        } catch (CertDocsException gone) {
            return Set.of(); // an include deleted while we looked: the next reload sees it
        }
    }

    // ---------------------------------------------------------------- reloading

    @Override
    public synchronized Set<String> reload(Set<Path> changed) {
        Set<String> loaded = completeLoad(); // a reload works on loaded articles
        if (loaded.isEmpty()) return reloadLoaded(changed);
        Set<String> urls = new TreeSet<>(loaded);
        Set<String> more = reloadLoaded(changed);
        if (more.contains(EVERY_PAGE)) return more;
        urls.addAll(more);
        return urls;
    }

    private Set<String> reloadLoaded(Set<Path> changed) {
        State old = state;
        BuildConfig config = old.config();
        Path base = config.baseDir();
        Set<String> paths = new TreeSet<>();
        boolean structural = false;
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(base)) continue;
            if (abs.equals(base)) {
                structural = true;
                continue;
            }
            String rel = base.relativize(abs).toString().replace('\\', '/');
            if (old.articles().keySet().stream().anyMatch(a -> a.startsWith(rel + "/"))) structural = true; // a folder
            paths.add(rel);
        }
        Path templates = config.site().templatesDirectory();
        boolean templatesChanged = templates != null && changed.stream().anyMatch(p -> p.toAbsolutePath().normalize().startsWith(templates));
        // The schema file (certdocs-schema.json, or another JSON file at the root): the configuration is made again.
        boolean configChanged = paths.stream().anyMatch(p -> p.endsWith(".json") && !p.contains("/")
                && !base.resolve(p).equals(config.baselineFile()));
        if (configChanged) {
            try {
                BuildConfig fresh = configs.get();
                configError = null;
                install(full(fresh, List.of()));
            } catch (CertDocsException e) {
                configError = "the configuration or schema cannot be used, the last good one stays in force: " + e.getMessage();
                install(full(config, List.of(configError)));
            }
            search.reset(state);
            return everyPage();
        }
        List<String> errors = configError == null ? List.of() : List.of(configError);
        if (structural) {
            install(full(config, errors));
            search.reset(state);
            return everyPage();
        }
        if (templatesChanged) {
            // Same content, new renderer (FreeMarker reads the templates again) and template check.
            install(planned(config, recheckNone(old), errors, old.later().get(), null, false, new StageTimes()));
            return everyPage();
        }
        return reloadContent(old, paths, errors);
    }

    /** The articles as they are, for a state made again around them (the cross-article checks run once more). */
    private Checks recheckNone(State old) {
        List<String> files = List.copyOf(old.articles().keySet());
        return check(old.config(), reading(old.corpus(), files), old.articles(), Set.of());
    }

    private Set<String> reloadContent(State old, Set<String> paths, List<String> errors) {
        StageTimes times = new StageTimes();
        BuildConfig config = old.config();
        String prefix = old.contentPrefix();
        Set<String> articlesChanged = new TreeSet<>();
        Set<String> markdownElsewhere = new TreeSet<>();
        Set<String> otherFiles = new TreeSet<>();
        boolean added = false;
        for (String p : paths) {
            boolean md = p.toLowerCase(Locale.ROOT).endsWith(".md");
            boolean exists = Files.isRegularFile(config.baseDir().resolve(p));
            if (md && old.articles().containsKey(p)) {
                articlesChanged.add(p);
                if (!exists) added = true; // removed: the list changes
            } else if (md && exists && isArticlePath(prefix, p)) {
                articlesChanged.add(p);
                added = true;
            } else if (md) {
                markdownElsewhere.add(p);
            } else {
                otherFiles.add(p);
            }
        }
        boolean includesChanged = !markdownElsewhere.isEmpty() || added;
        List<String> files = added ? ContentFiles.find(config.baseDir(), config.contentDirectory())
                : List.copyOf(old.articles().keySet());
        // Include files read again when any may have changed; else the include graph is kept.
        Corpus base = includesChanged ? Load.empty(config, files) : reading(old.corpus(), files);
        Set<String> recheck = new TreeSet<>(articlesChanged);
        Set<String> reaching = includesOf.dependentsOf(markdownElsewhere);
        if (includesChanged) {
            // Include files are read again: every article that includes anything is checked again with them.
            for (Checked c : old.articles().values()) {
                if (!c.article().body().includes().isEmpty()) recheck.add(c.article().path());
            }
        }
        Checks checks = check(config, base, old.articles(), recheck);
        for (String p : articlesChanged) {
            if (!checks.articles().containsKey(p)) {
                includesOf.forget(p);
                filesOf.forget(p);
            }
        }
        times.lap("loading and checking " + recheck.size() + " article(s)");
        boolean samePlans = !includesChanged && articlesChanged.stream().allMatch(p -> old.articles().containsKey(p)
                && checks.articles().containsKey(p)
                && old.articles().get(p).article().properties().equals(checks.articles().get(p).article().properties()));
        State fresh = planned(config, checks, errors, old.later().get(), includesChanged ? null : old, samePlans, times);

        // What differs now: the pages of the changed articles and of those reaching changed includes, in every cloud…
        Set<String> contentChanged = new TreeSet<>(articlesChanged);
        contentChanged.addAll(reaching);
        Set<String> urls = new TreeSet<>();
        for (String a : contentChanged) {
            articleUrls(old, a, urls);
            articleUrls(fresh, a, urls);
        }
        // …the pages showing a changed file, and the file itself where they are…
        for (String f : otherFiles) {
            String at = f.startsWith(prefix) ? f.substring(prefix.length()) : "_files/" + f;
            for (String a : filesOf.dependentsOf(List.of(f))) {
                Set<String> pages = new TreeSet<>();
                articleUrls(fresh, a, pages);
                urls.addAll(pages);
                for (String page : pages) urls.add(page.substring(0, page.indexOf('/', page.indexOf('/', 1) + 1) + 1) + at);
            }
        }
        // …the pages whose navigation or listings changed, and those whose problems changed.
        navigationChanges(old, fresh, urls);
        Set<String> files1 = new TreeSet<>(old.own().keySet());
        files1.addAll(fresh.own().keySet());
        for (String f : files1) {
            if (old.own().getOrDefault(f, List.of()).equals(fresh.own().getOrDefault(f, List.of()))) continue;
            articleUrls(old, f, urls);
            articleUrls(fresh, f, urls);
            for (String a : includesOf.dependentsOf(List.of(f))) articleUrls(fresh, a, urls);
        }
        // Pages not listed are taken over as rendered; the search index is built again when next asked for.
        keepUnchanged(old, fresh, urls);
        install(fresh);
        times.lap("affected pages");
        log.debug("certdocs serve reload stages: " + times);
        search.drop(contentChanged);
        return urls;
    }

    /** A corpus of {@code files} to load with {@code corpus}'s include graph, loader and link scanner. */
    private static Corpus reading(Corpus corpus, List<String> files) {
        return new Corpus(files, List.of(), corpus.includes(), corpus.scanner(), corpus.loader());
    }

    private static boolean isArticlePath(String prefix, String path) {
        if (!path.startsWith(prefix)) return false;
        for (String segment : path.substring(prefix.length()).split("/")) {
            if (segment.startsWith(".") || segment.equalsIgnoreCase("includes")) return false;
        }
        return true;
    }

    /** The URL paths of an article's pages in every cloud that publishes it in {@code s}. */
    private void articleUrls(State s, String articlePath, Set<String> urls) {
        Checked c = s.articles().get(articlePath);
        if (c == null) return;
        String page = s.renderer().pagePath(c.article());
        for (var e : s.pages().entrySet()) {
            if (e.getValue().containsKey(page)) urls.add(url(s, e.getKey(), page));
        }
        // Not published now (broken properties): where it was shown, its last page is still shown, with its problems.
        for (String cloud : s.sites().keySet()) {
            String url = url(s, cloud, page);
            if (lastGood.containsKey(url)) urls.add(url);
        }
    }

    /**
     * Per cloud, the pages whose navigation changed between two plans (an article page shows its
     * service's list and the list of services; {@link SiteRenderer.CloudSite#navigation}) and the
     * site pages whose listings changed.
     */
    private static void navigationChanges(State old, State fresh, Set<String> urls) {
        for (var e : fresh.sites().entrySet()) {
            String cloud = e.getKey();
            SiteRenderer.CloudSite now = e.getValue();
            SiteRenderer.CloudSite before = old.sites().get(cloud);
            if (before == null || before == now) continue; // a plan kept as it was: nothing in it changed
            Set<String> services = new TreeSet<>(now.navigation().keySet());
            services.addAll(before.navigation().keySet());
            Set<String> changedServices = new TreeSet<>();
            for (String sv : services) {
                if (!java.util.Objects.equals(now.navigation().get(sv), before.navigation().get(sv))) changedServices.add(sv);
            }
            if (changedServices.size() > 1 && changedServices.equals(services)) {
                // The list of services changed (an article came, went or moved): every page of the cloud shows it.
                // One entry says so; listing each page cost seconds on 15,000 articles, and the event megabytes.
                urls.add(url(fresh, cloud, EVERY_PAGE));
                continue;
            }
            for (SiteRenderer.CloudSite site : List.of(before, now)) {
                State s = site == now ? fresh : old;
                for (Article a : site.articles()) {
                    if (changedServices.contains(SitePaths.serviceId(a))) urls.add(url(s, cloud, s.renderer().pagePath(a)));
                }
            }
            if (!now.allListings().equals(before.allListings())) {
                for (String p : List.of("index.html", "search.html", "404.html")) urls.add(url(fresh, cloud, p));
            }
            for (String sv : services) {
                if (!java.util.Objects.equals(now.listings().get(sv), before.listings().get(sv))) {
                    urls.add(url(fresh, cloud, SitePaths.serviceIndex(sv)));
                }
            }
            if (!now.allListings().equals(before.allListings())) {
                for (String sv : services) urls.add(url(fresh, cloud, SitePaths.serviceIndex(sv)));
            }
        }
    }

    /** The pages {@code old} rendered that {@code urls} (URL paths, and {@code /<cloud>/<version>/*}) do not name, into {@code fresh}'s cache. */
    private static void keepUnchanged(State old, State fresh, Set<String> urls) {
        List<String> everyPageOf = urls.stream().filter(u -> u.endsWith("/" + EVERY_PAGE))
                .map(u -> u.substring(0, u.length() - EVERY_PAGE.length())).toList();
        for (var e : old.cache().entrySet()) {
            String url = e.getKey();
            if (urls.contains(url) || everyPageOf.stream().anyMatch(url::startsWith)) continue;
            fresh.cache().put(url, e.getValue());
        }
    }

    private static Set<String> everyPage() {
        return Set.of(EVERY_PAGE);
    }

    private static String url(State s, String cloud, String path) {
        return "/" + cloud + "/" + s.config().site().version() + "/" + path;
    }

    @Override
    public void close() {
        if (quickStart != null) quickStart.close();
        background.shutdownNow();
        acrossArticles.shutdownNow();
    }
}
