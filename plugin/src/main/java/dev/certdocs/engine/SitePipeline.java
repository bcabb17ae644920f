package dev.certdocs.engine;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.BuildLog;
import dev.certdocs.config.CertDocsException;
import dev.certdocs.config.Cloud;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.publish.SiteWriter;
import dev.certdocs.render.SearchEntry;
import dev.certdocs.render.SiteRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** render → publish for every cloud of the build: articles in parallel, then each cloud's indexes. */
final class SitePipeline {

    private SitePipeline() {
    }

    /** What a run produced: pages rendered and reused, and a bundle per cloud. */
    record Outcome(int rendered, int reused, Map<String, java.nio.file.Path> bundles) {
    }

    static Outcome run(BuildConfig config, List<Article> articles, BuildLog log) {
        Includes includes = new Includes(config.baseDir());
        SiteRenderer renderer = new SiteRenderer(config, includes, dev.certdocs.load.GitDates.read(config.baseDir()));
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        Map<String, SiteRenderer.CloudSite> sites = new LinkedHashMap<>();
        for (Cloud cloud : config.clouds()) sites.put(cloud.id(), renderer.plan(cloud, articles));
        Map<String, SearchEntry[]> search = new LinkedHashMap<>();
        sites.keySet().forEach(id -> search.put(id, new SearchEntry[articles.size()]));
        AtomicInteger pages = new AtomicInteger();
        Map<String, java.util.Set<String>> files = new LinkedHashMap<>();
        sites.keySet().forEach(id -> files.put(id, java.util.concurrent.ConcurrentHashMap.newKeySet()));
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try (SiteWriter writer = new SiteWriter(config.site().outputDirectory(), config.site().version(),
                config.site()::baseUrlOf)) {
            pool.submit(() -> IntStream.range(0, articles.size()).parallel().forEach(i -> {
                Article listed = articles.get(i);
                ArticleLoader.Loaded loaded = null;
                for (SiteRenderer.CloudSite site : sites.values()) {
                    if (!site.publishedIn().getOrDefault(listed.path(), List.of()).contains(site.cloud().id())) continue;
                    if (loaded == null) loaded = loader.load(listed.path());
                    SiteRenderer.ArticlePage page = renderer.article(site, loaded.article(), loaded.bodyText());
                    writer.write(page.page());
                    search.get(site.cloud().id())[i] = page.search();
                    files.get(site.cloud().id()).addAll(page.files());
                    pages.incrementAndGet();
                }
            })).get();
            for (SiteRenderer.CloudSite site : sites.values()) {
                List<SearchEntry> entries = new ArrayList<>();
                for (SearchEntry e : search.get(site.cloud().id())) if (e != null) entries.add(e);
                for (RenderedPage p : renderer.sitePages(site, entries)) {
                    writer.write(p);
                    if (p.path().endsWith(".html")) pages.incrementAndGet();
                }
                for (String repoPath : new java.util.TreeSet<>(files.get(site.cloud().id()))) {
                    java.nio.file.Path source = config.baseDir().resolve(repoPath);
                    // Missing files are the link checker's to report; only regular files inside the repository are copied.
                    if (java.nio.file.Files.isRegularFile(source) && inside(config, source)) {
                        writer.copyFile(site.cloud().id(), source, renderer.sitePath(repoPath));
                    }
                }
                writer.copyAssets(site.cloud().id(), SiteRenderer.class.getClassLoader(), "certdocs-templates",
                        config.site().templatesDirectory());
            }
            List<String> outside = new ArrayList<>();
            for (Cloud cloud : config.clouds()) {
                if (!cloud.airGapped()) continue;
                List<String> hosts = new ArrayList<>();
                String base = config.site().baseUrlOf(cloud.id());
                if (!base.isEmpty()) hosts.add(java.net.URI.create(base).getHost());
                for (String p : dev.certdocs.publish.Bundles.outsideReferences(writer.versionDir(cloud.id()), cloud, hosts)) {
                    outside.add(cloud.id() + "/" + config.site().version() + "/" + p);
                }
            }
            if (!outside.isEmpty()) {
                throw new CertDocsException(outside.size() + " reference(s) in air-gapped clouds reach hosts outside the"
                        + " bundle and the cloud's allowedHosts; add the host to <allowedHosts>, a rewrite rule, or a"
                        + " ::: cloud block:\n  " + String.join("\n  ", outside.subList(0, Math.min(20, outside.size())))
                        + (outside.size() > 20 ? "\n  …and " + (outside.size() - 20) + " more" : ""));
            }
            writer.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertDocsException("rendering was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new CertDocsException("rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        Map<String, java.nio.file.Path> bundles = new LinkedHashMap<>();
        if (config.site().bundles() != null) {
            for (Cloud cloud : config.clouds()) {
                String name = "certdocs-" + cloud.id() + "-" + config.site().version();
                java.nio.file.Path zip = config.site().bundles().resolve(name + ".zip");
                dev.certdocs.publish.Bundles.zip(config.site().outputDirectory().resolve(cloud.id()).resolve(config.site().version()),
                        zip, name, config.site().outputTimestamp());
                bundles.put(cloud.id(), zip);
            }
        }
        return new Outcome(pages.get(), 0, bundles);
    }

    private static boolean inside(BuildConfig config, java.nio.file.Path file) {
        try {
            return file.toRealPath().startsWith(config.baseDir().toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
