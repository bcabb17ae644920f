package dev.certdocs.render;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.KindSpec;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.support.BuildLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A corpus's articles as {@code generate}'s Markdown step takes them, for the render benchmarks
 * ({@link CloudMarkdownBenchmark}, {@link HtmlPostBenchmark}): each article's path, the body it
 * hands {@link CloudMarkdown#html} and the clouds that publish it, in the order of the plans (the
 * built-in cloud catalog). Uses only what the render package had before point 26, so that a
 * benchmark's {@code against} mode can run it on an earlier revision's classes.
 */
final class CorpusArticles {

    private CorpusArticles() {
    }

    /** One article: its path, the body {@code generate} hands the Markdown step, the clouds that publish it. */
    record Article(String path, String source, List<Cloud> clouds) {
    }

    /** Adds the articles of the corpus at {@code corpusDir} to {@code out}; returns a Markdown step for them. */
    static CloudMarkdown read(Path corpusDir, List<Article> out) {
        BuildConfig config = BuildConfig.builder(corpusDir.toAbsolutePath()).siteVersion("1.0.0").threads(1)
                .baseUrl("https://support.example/").force(true).build();
        Corpus corpus = Load.corpus(config, Load.articleFiles(config, BuildLog.SILENT), false);
        Map<String, SiteRenderer.CloudSite> sites = new Rendering(config, corpus).plans();
        for (Corpus.Entry entry : corpus.articles()) {
            ArticleLoader.Loaded loaded = corpus.loaded(entry);
            KindSpec.BodyType type = config.schema().kind(loaded.article().props().value("selfHelpType").strip())
                    .map(KindSpec::body).orElse(KindSpec.BodyType.MARKDOWN);
            String source = type == KindSpec.BodyType.MARKDOWN ? loaded.bodyText() : SiteRenderer.withoutJson(loaded.bodyText());
            List<Cloud> clouds = new ArrayList<>();
            for (SiteRenderer.CloudSite site : sites.values()) {
                if (site.publishedIn().getOrDefault(entry.path(), List.of()).contains(site.cloud().id())) clouds.add(site.cloud());
            }
            out.add(new Article(entry.path(), source, List.copyOf(clouds)));
        }
        return new CloudMarkdown(new MarkdownHtml(),
                new CloudPreprocessor(corpus.includes(), corpus.includes()::text, config.catalog().variableNames()));
    }
}
