package dev.certdocs.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.KindSpec;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.ContentFiles;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.Attribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Converts a content repository into one Hugo site holding a copy of it per cloud, for the
 * generate benchmark's comparison with Hugo: {@code content/<cloud>/<service>/<name>.md} for
 * every article published in that cloud, so Hugo renders as many article pages as certdocs.
 *
 * <p>Each copy is the Markdown certdocs' own renderer gets for that cloud (made by the engine's
 * {@link CloudPreprocessor}): cloud blocks kept only where they apply, includes inlined,
 * {@code {{cloud.x}}} replaced. The properties block becomes YAML front matter ({@code title},
 * {@code description}, every attribute under {@code properties}); the JSON document of a JSON kind
 * becomes a {@code json} code block. Images go to {@code static/<cloud>/media/}. The theme is in
 * {@code layouts/}: a page shell with header, services navigation (computed once per cloud with
 * {@code partialCached}), cloud switcher, breadcrumb, table of contents, body and footer; a link
 * render hook turns {@code .md} links into {@code .html} and marks external ones
 * {@code rel="noopener"}; each cloud's section page also writes a JSON search index. Lives in this
 * package to use the engine's preprocessor; not a test.
 */
public final class HugoSite {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HugoSite() {
    }

    /** What {@link #write} wrote. */
    public record Written(int pages, int clouds, long bytes) {
    }

    /** Writes the Hugo site for the repository and clouds of {@code config} into {@code site} (emptied first). */
    public static Written write(BuildConfig config, Path site) throws IOException {
        deleteTree(site);
        Files.createDirectories(site);
        Includes includes = new Includes(config.baseDir());
        CloudPreprocessor preprocessor = new CloudPreprocessor(includes, includes::text, config.catalog().variableNames());
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        List<String> files = ContentFiles.find(config.baseDir(), config.contentDirectory());
        String prefix = config.baseDir().relativize(config.contentDirectory()).toString().replace('\\', '/') + "/";
        List<String> cloudIds = config.clouds().stream().map(Cloud::id).toList();
        int pages = 0;
        long bytes = 0;
        Set<String> sections = new TreeSet<>();
        for (String file : files) {
            ArticleLoader.Loaded loaded = loader.load(file);
            Article article = loaded.article();
            KindSpec.BodyType bodyType = config.schema().kind(article.props().value("selfHelpType").strip())
                    .map(KindSpec::body).orElse(KindSpec.BodyType.MARKDOWN);
            String body = bodyType == KindSpec.BodyType.MARKDOWN ? loaded.bodyText() : SiteRenderer.withoutJson(loaded.bodyText());
            String rel = file.startsWith(prefix) ? file.substring(prefix.length()) : file;
            for (Cloud cloud : config.clouds()) {
                if (!article.cloudIds().contains(cloud.id())) continue;
                StringBuilder page = new StringBuilder(body.length() + 1024);
                frontMatter(page, article);
                page.append(preprocessor.process(article.path(), body, cloud));
                if (bodyType != KindSpec.BodyType.MARKDOWN) {
                    article.body().json().ifPresent(j -> page.append("\n```json\n").append(j.text().strip()).append("\n```\n"));
                }
                String text = page.toString();
                write(site.resolve("content").resolve(cloud.id()).resolve(rel), text);
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
                pages++;
                int slash = rel.lastIndexOf('/');
                if (slash > 0) sections.add(cloud.id() + "/" + rel.substring(0, slash));
            }
        }
        for (Cloud cloud : config.clouds()) {
            write(site.resolve("content").resolve(cloud.id()).resolve("_index.md"), "---\ntitle: " + quote(cloud.name())
                    + "\noutputs: [\"html\", \"json\"]\n---\n");
            Path media = config.contentDirectory().resolve("media");
            if (Files.isDirectory(media)) copyDirectory(media, site.resolve("static").resolve(cloud.id()).resolve("media"));
        }
        for (String section : sections) {
            String name = section.substring(section.indexOf('/') + 1);
            write(site.resolve("content").resolve(section).resolve("_index.md"), "---\ntitle: " + quote(name) + "\n---\n");
        }
        write(site.resolve("hugo.toml"), config(cloudIds, config.site().title()));
        for (String[] layout : LAYOUTS) write(site.resolve("layouts").resolve(layout[0]), layout[1]);
        write(site.resolve("static/assets/site.css"), CSS);
        return new Written(pages, config.clouds().size(), bytes);
    }

    private static void frontMatter(StringBuilder sb, Article article) {
        sb.append("---\n");
        sb.append("title: ").append(quote(article.props().value("pageTitle").strip())).append('\n');
        sb.append("description: ").append(quote(article.props().value("description").strip())).append('\n');
        sb.append("properties:\n");
        for (Attribute a : article.props().attributes()) {
            sb.append("  ").append(quote(a.name())).append(": ").append(quote(a.value())).append('\n');
        }
        sb.append("---\n");
    }

    /** A YAML double-quoted scalar: JSON string syntax is a subset of it. */
    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String config(List<String> clouds, String title) {
        return """
                # Generated by certdocs' generate benchmark: the synthetic corpus as a Hugo site, one section per cloud.
                baseURL = "https://support.example.com/"
                title = %s
                languageCode = "en"
                uglyURLs = true
                # certdocs writes no RSS feed and has no taxonomies; it does write a sitemap (kept) and a search index
                # per cloud (the cloud section's JSON output).
                disableKinds = ["taxonomy", "term", "RSS"]
                enableRobotsTXT = false
                [params]
                clouds = [%s]
                [markup.goldmark.renderer]
                # certdocs keeps raw HTML (sanitized); Hugo would drop it without this
                unsafe = true
                [markup.highlight]
                # certdocs does not highlight code
                codeFences = false
                [markup.tableOfContents]
                startLevel = 2
                endLevel = 3
                ordered = false
                [outputs]
                home = ["HTML"]
                section = ["HTML"]
                page = ["HTML"]
                """.formatted(quote(title), String.join(", ", clouds.stream().map(HugoSite::quote).toList()));
    }

    private static final String[][] LAYOUTS = {
        {"_default/baseof.html", """
                <!DOCTYPE html>
                <html lang="en" class="cloud-{{ .Section }}">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
                {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
                <link rel="canonical" href="{{ .Permalink }}">
                <link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
                </head>
                <body class="page-{{ .Kind }}">
                <a class="skip-link" href="#main">Skip to main content</a>
                <header class="site-header">
                  <a class="site-title" href="{{ printf "/%s/index.html" .Section | relURL }}">{{ site.Title }}</a>
                  {{ with .Section }}<span class="cloud-badge">{{ (site.GetPage (printf "/%s" .)).Title }}</span>{{ end }}
                  <form class="site-search" role="search" action="{{ printf "/%s/search.html" .Section | relURL }}" method="get">
                    <label for="q">Search articles</label> <input id="q" type="search" name="q"> <button type="submit">Search</button>
                  </form>
                  {{ if .IsPage }}
                  <details class="cloud-switcher"><summary>Cloud</summary><ul>
                    {{ $here := printf "/%s/" .Section }}
                    {{ range site.Params.clouds }}<li><a href="{{ replace $.RelPermalink $here (printf "/%s/" .) }}">{{ . }}</a></li>{{ end }}
                  </ul></details>
                  {{ end }}
                </header>
                <div class="page-layout">
                  <main id="main">
                  {{ block "main" . }}{{ end }}
                  </main>
                  {{ with .Section }}{{ partialCached "nav.html" (site.GetPage (printf "/%s" .)) . }}{{ end }}
                </div>
                <footer class="site-footer">
                  <p>{{ site.Title }}{{ with .Section }} · {{ . }}{{ end }}</p>
                  <p class="generator">Generated by Hugo</p>
                </footer>
                </body>
                </html>
                """},
        {"partials/nav.html", """
                <nav class="site-nav" aria-label="Services">
                  <h2>Services</h2>
                  <ul>
                  {{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="count">{{ len .RegularPages }}</span></li>
                  {{ end }}
                  </ul>
                </nav>
                """},
        {"_default/single.html", """
                {{ define "main" }}
                <nav class="breadcrumb" aria-label="Breadcrumb"><ol>
                  <li><a href="{{ .FirstSection.RelPermalink }}">{{ .FirstSection.Title }}</a></li>
                  <li><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></li>
                  <li><span aria-current="page">{{ .Title }}</span></li>
                </ol></nav>
                <article class="article">
                  {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
                  {{ with .TableOfContents }}<aside class="toc" aria-label="On this page"><h2>On this page</h2>{{ . }}</aside>{{ end }}
                  <div class="article-body">{{ .Content }}</div>
                  <dl class="details">
                    {{ with .Params.properties }}
                    <dt>Kind</dt><dd>{{ index . "selfhelptype" }}</dd>
                    <dt>Article id</dt><dd>{{ index . "articleid" }}</dd>
                    <dt>Owner</dt><dd>{{ index . "ownershipid" }}</dd>
                    {{ end }}
                  </dl>
                </article>
                {{ end }}
                """},
        {"_default/list.html", """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                {{ if .Sections }}
                <ul class="services">{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .RegularPages }})</li>{{ end }}</ul>
                {{ end }}
                <ul class="article-list">
                {{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>
                {{ end }}
                </ul>
                {{ end }}
                """},
        {"_default/list.json", """
                [{{ range $i, $p := .RegularPagesRecursive }}{{ if $i }},
                {{ end }}{{ dict "t" $p.Title "d" $p.Description "u" $p.RelPermalink "s" $p.CurrentSection.Title "b" (substr $p.Plain 0 4000) | jsonify }}{{ end }}]
                """},
        {"index.html", """
                {{ define "main" }}
                <h1>{{ site.Title }}</h1>
                <ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
                {{ end }}
                """},
        {"404.html", """
                {{ define "main" }}<h1>Page not found</h1>{{ end }}
                """},
        {"_default/_markup/render-link.html", """
                {{- $u := .Destination -}}
                {{- $external := or (hasPrefix $u "http:") (hasPrefix $u "https:") -}}
                {{- if and (not $external) (strings.Contains $u ".md") -}}{{- $u = replace $u ".md" ".html" -}}{{- end -}}
                <a href="{{ $u | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}{{ if $external }} rel="noopener"{{ end }}>{{ .Text | safeHTML }}</a>
                {{- /* keep */ -}}
                """},
    };

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 0; line-height: 1.5; }
            .site-header, .site-footer { padding: 1rem; background: #0b3d91; color: #fff; }
            .page-layout { display: flex; gap: 2rem; padding: 1rem; }
            main { flex: 1; } .site-nav { width: 16rem; } .toc { border-left: 3px solid #ccc; padding-left: 1rem; }
            """;

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** {@code HugoSite <repository> <site>}: writes the Hugo site of a repository for all active clouds. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HugoSite <repository> <site>");
            System.exit(2);
        }
        BuildConfig config = BuildConfig.builder(Path.of(args[0])).build();
        long start = System.nanoTime();
        Written w = write(config, Path.of(args[1]).toAbsolutePath());
        System.out.printf(Locale.ROOT, "Hugo site: %d article pages for %d clouds, %.1f MB of content, written in %.1f s (%s)%n",
                w.pages(), w.clouds(), w.bytes() / 1048576.0, (System.nanoTime() - start) / 1e9, args[1]);
    }
}
