package dev.certdocs.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.BuildLog;
import dev.certdocs.config.CertDocsException;
import dev.certdocs.config.Parallel;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.Version;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.GitDates;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.Include;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.publish.Bundles;
import dev.certdocs.publish.Manifest;
import dev.certdocs.publish.SiteWriter;
import dev.certdocs.render.Fingerprints;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * render → publish for every cloud of the build: article pages in parallel (each page rendered,
 * or with {@code incremental} copied from the published site when its inputs did not change),
 * then each cloud's indexes, files and assets; the air-gapped check; the move into place; the
 * bundles.
 */
final class SitePipeline {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The certdocs code in use, hashed once per JVM. */
    private static final String CODE = Fingerprints.ofCode(SitePipeline.class);

    private SitePipeline() {
    }

    /** What a run produced: pages rendered and reused, and a bundle per cloud. */
    record Outcome(int rendered, int reused, Map<String, Path> bundles) {
    }

    static Outcome run(BuildConfig config, List<Article> articles, BuildLog log) {
        Includes includes = new Includes(config.baseDir());
        SiteRenderer renderer = new SiteRenderer(config, includes, GitDates.read(config.baseDir()));
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        Map<String, SiteRenderer.CloudSite> sites = new LinkedHashMap<>();
        for (Cloud cloud : config.clouds()) sites.put(cloud.id(), renderer.plan(cloud, articles));

        Path manifestFile = config.site().stateDirectory().resolve(config.site().version() + ".json");
        String fingerprint = fingerprint(config, renderer);
        String siteRoot = config.site().outputDirectory().toString();
        Manifest previous = config.site().incremental() ? Manifest.read(manifestFile) : Manifest.empty();
        boolean reusable = previous.fingerprint().equals(fingerprint) && previous.site().equals(siteRoot);
        Map<String, Map<String, SearchEntry>> previousSearch = new HashMap<>();
        Map<String, Manifest.Page> manifest = new ConcurrentHashMap<>();

        Map<String, SearchEntry[]> search = new LinkedHashMap<>();
        Map<String, Set<String>> files = new LinkedHashMap<>();
        for (String id : sites.keySet()) {
            search.put(id, new SearchEntry[articles.size()]);
            files.put(id, ConcurrentHashMap.newKeySet());
            if (reusable) previousSearch.put(id, readSearchIndex(config, id));
        }
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger reused = new AtomicInteger();
        try (SiteWriter writer = new SiteWriter(config.site().outputDirectory(), config.site().version(),
                config.site()::baseUrlOf)) {
            Parallel.forEach(config.threads(), articles.size(), "rendering", i -> {
                Article listed = articles.get(i);
                ArticleLoader.Loaded loaded = null;
                List<String> includeTexts = null;
                for (SiteRenderer.CloudSite site : sites.values()) {
                    String cloud = site.cloud().id();
                    if (!site.publishedIn().getOrDefault(listed.path(), List.of()).contains(cloud)) continue;
                    if (loaded == null) {
                        loaded = loader.load(listed.path());
                        includeTexts = includeTexts(includes, loaded.article());
                    }
                    String key = renderer.inputKey(site, loaded.article(), loaded.bodyText(), includeTexts);
                    String path = renderer.pagePath(loaded.article());
                    Manifest.Page before = reusable ? previous.pages().get(cloud + "/" + path) : null;
                    SearchEntry oldEntry = before == null ? null : previousSearch.get(cloud).get(path);
                    var published = before == null ? java.util.Optional.<Path>empty() : writer.published(cloud, path);
                    if (before != null && before.key().equals(key) && oldEntry != null && published.isPresent()) {
                        writer.reuse(cloud, published.get(), path);
                        search.get(cloud)[i] = oldEntry;
                        files.get(cloud).addAll(before.files());
                        manifest.put(cloud + "/" + path, before);
                        reused.incrementAndGet();
                    } else {
                        SiteRenderer.ArticlePage page = renderer.article(site, loaded.article(), loaded.bodyText());
                        writer.write(page.page());
                        search.get(cloud)[i] = page.search();
                        files.get(cloud).addAll(page.files());
                        manifest.put(cloud + "/" + path, new Manifest.Page(key, List.copyOf(page.files())));
                        rendered.incrementAndGet();
                    }
                }
            });
            for (SiteRenderer.CloudSite site : sites.values()) {
                String cloud = site.cloud().id();
                List<SearchEntry> entries = new ArrayList<>();
                for (SearchEntry e : search.get(cloud)) if (e != null) entries.add(e);
                for (RenderedPage p : renderer.sitePages(site, entries)) {
                    writer.write(p);
                    if (p.path().endsWith(".html")) rendered.incrementAndGet();
                }
                for (String repoPath : new TreeSet<>(files.get(cloud))) {
                    Path source = config.baseDir().resolve(repoPath);
                    // Missing files are the link checker's to report; only regular files inside the repository are copied.
                    if (Files.isRegularFile(source) && inside(config, source)) {
                        writer.copyFile(cloud, source, renderer.sitePath(repoPath));
                    }
                }
                writer.copyAssets(cloud, SiteRenderer.class.getClassLoader(), "certdocs-templates",
                        config.site().templatesDirectory());
            }
            checkAirGapped(config, writer);
            writer.commit();
        }
        if (config.site().incremental()) new Manifest(fingerprint, siteRoot, new TreeMap<>(manifest)).write(manifestFile);
        return new Outcome(rendered.get(), reused.get(), bundles(config));
    }

    /** Everything that, when it changes, changes every page. */
    private static String fingerprint(BuildConfig config, SiteRenderer renderer) {
        StringBuilder sb = new StringBuilder();
        sb.append(Version.current()).append('\n').append(config.site()).append('\n');
        config.clouds().forEach(c -> sb.append(c).append('\n'));
        config.catalog().all().forEach(c -> sb.append(c).append('\n'));
        sb.append(config.schema().alwaysRequired()).append('\n');
        config.schema().attributes().forEach(a -> sb.append(a).append('\n'));
        config.schema().kinds().forEach(k -> sb.append(k).append('\n'));
        sb.append(config.contentDirectory()).append('\n');
        return Fingerprints.of(sb.toString(), renderer.templatesFingerprint(), CODE);
    }

    /** The texts of every include an article reaches, in the order it reaches them. */
    private static List<String> includeTexts(Includes includes, Article article) {
        Set<String> seen = new LinkedHashSet<>();
        collect(includes, article.path(), article.body(), seen, 0);
        List<String> texts = new ArrayList<>();
        for (String p : seen) {
            texts.add(p);
            texts.add(includes.text(p));
        }
        return texts;
    }

    private static void collect(Includes includes, String from, Body body, Set<String> seen, int depth) {
        if (depth > 16) return;
        for (Include inc : body.includes()) {
            Includes.Resolution r = includes.resolve(from, inc.target());
            if (r.status() == Includes.Status.FOUND && seen.add(r.path())) {
                collect(includes, r.path(), includes.body(r.path()), seen, depth + 1);
            }
        }
    }

    /** The published search index of this version in one cloud, by page URL (empty when there is none). */
    private static Map<String, SearchEntry> readSearchIndex(BuildConfig config, String cloud) {
        Path file = config.site().outputDirectory().resolve(cloud).resolve(config.site().version()).resolve("search-index.json");
        Map<String, SearchEntry> entries = new HashMap<>();
        if (!Files.isRegularFile(file)) return entries;
        try {
            for (JsonNode n : JSON.readTree(file.toFile())) {
                SearchEntry e = JSON.treeToValue(n, SearchEntry.class);
                entries.put(e.u(), e);
            }
        } catch (IOException e) {
            entries.clear(); // an unreadable index: render everything again
        }
        return entries;
    }

    private static void checkAirGapped(BuildConfig config, SiteWriter writer) {
        List<String> outside = new ArrayList<>();
        for (Cloud cloud : config.clouds()) {
            if (!cloud.airGapped()) continue;
            // Besides what the cloud reaches (its portal, documentation host, allowedHosts), this site's own host.
            String baseUrl = config.site().baseUrlOf(cloud.id());
            String siteHost = baseUrl.isBlank() ? null : URI.create(baseUrl.strip()).getHost();
            List<String> hosts = siteHost == null ? List.of() : List.of(siteHost);
            for (String p : Bundles.outsideReferences(writer.versionDir(cloud.id()), cloud, hosts)) {
                outside.add(cloud.id() + "/" + config.site().version() + "/" + p);
            }
        }
        if (!outside.isEmpty()) {
            throw new CertDocsException(outside.size() + " reference(s) in air-gapped clouds reach hosts outside the"
                    + " bundle and the cloud's allowedHosts; add the host to <allowedHosts>, a rewrite rule, or a"
                    + " ::: cloud block:\n  " + String.join("\n  ", outside.subList(0, Math.min(20, outside.size())))
                    + (outside.size() > 20 ? "\n  …and " + (outside.size() - 20) + " more" : ""));
        }
    }

    private static Map<String, Path> bundles(BuildConfig config) {
        Map<String, Path> bundles = new LinkedHashMap<>();
        if (config.site().bundles() == null) return bundles;
        for (Cloud cloud : config.clouds()) {
            String name = "certdocs-" + cloud.id() + "-" + config.site().version();
            Path zip = config.site().bundles().resolve(name + ".zip");
            Bundles.zip(config.site().outputDirectory().resolve(cloud.id()).resolve(config.site().version()),
                    zip, name, config.site().outputTimestamp());
            bundles.put(cloud.id(), zip);
        }
        return bundles;
    }

    private static boolean inside(BuildConfig config, Path file) {
        try {
            return file.toRealPath().startsWith(config.baseDir().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
