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

    static int run(BuildConfig config, List<Article> articles, BuildLog log) {
        Includes includes = new Includes(config.baseDir());
        SiteRenderer renderer = new SiteRenderer(config, includes);
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        Map<String, SiteRenderer.CloudSite> sites = new LinkedHashMap<>();
        for (Cloud cloud : config.clouds()) sites.put(cloud.id(), renderer.plan(cloud, articles));
        Map<String, SearchEntry[]> search = new LinkedHashMap<>();
        sites.keySet().forEach(id -> search.put(id, new SearchEntry[articles.size()]));
        AtomicInteger pages = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try (SiteWriter writer = new SiteWriter(config.site().outputDirectory(), config.site().version())) {
            pool.submit(() -> IntStream.range(0, articles.size()).parallel().forEach(i -> {
                Article listed = articles.get(i);
                ArticleLoader.Loaded loaded = null;
                for (SiteRenderer.CloudSite site : sites.values()) {
                    if (!site.publishedIn().getOrDefault(listed.path(), List.of()).contains(site.cloud().id())) continue;
                    if (loaded == null) loaded = loader.load(listed.path());
                    SiteRenderer.ArticlePage page = renderer.article(site, loaded.article(), loaded.bodyText());
                    writer.write(page.page());
                    search.get(site.cloud().id())[i] = page.search();
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
                writer.copyAssets(site.cloud().id(), SiteRenderer.class.getClassLoader(), "certdocs-templates",
                        config.site().templatesDirectory());
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
        return pages.get();
    }
}
