package dev.certdocs.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.config.Cloud;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.load.Includes;
import dev.certdocs.load.LinkScanner;
import dev.certdocs.model.HeadingIds;
import dev.certdocs.model.PageLinks;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link checker's anchors are the renderer's: articles with awkward headings (inline code,
 * emphasis, links, entities, punctuation, unicode, raw HTML, duplicates, {@code {#id}}, cloud
 * blocks, includes, cloud variables) go through the real {@code generate}, and every id in each
 * rendered page's body must be one {@link PageAnchors} gives for that page and cloud, and the
 * other way round, but for the H1's (the template shows the title without it).
 */
class RendererAnchorsTest {

    @TempDir
    Path root;

    @Test
    void anchorsAreTheIdsOfTheRenderedPages() throws IOException {
        ContentRepo repo = ContentRepo.in(root);
        repo.file("includes/steps.md", "<properties pageTitle=\"Steps\" />\n\n## Shared steps\n\n## Cause\n");
        repo.file("articles/compute/bastion.md", ArticleText.generic("a1").set("cloudEnvironments", "public, fairfax").body("""

                # Connect with *Bastion* fails

                ## Use `az network bastion` &amp; the portal

                ## What [the docs](https://learn.microsoft.com) say: 5 steps!

                ## Cause

                ## Cause

                ## Résumé & next steps — ünïcödé

                ## Custom {#custom-id}

                <h2>HTML heading</h2>

                <h3 id="explicit">HTML with id</h3>

                ## Keys <kbd>Ctrl</kbd>+<kbd>C</kbd>

                ## In {{cloud.name}}

                ::: cloud include="fairfax"
                ## Fairfax only

                ## Cause
                ::: cloud-end

                [!INCLUDE [steps](../../includes/steps.md)]

                ## After the include

                Setext _heading_ here
                ---

                > ## Quoted heading

                ## Ends with punctuation?!... (really)

                ## 1. Numbered: step_one / step-two ~~old~~

                Text with <a id="anchor-in-text"></a> and <a name="named"></a>.
                """));
        repo.file("articles/compute/plain.md", ArticleText.generic("a2").set("cloudEnvironments", "public").body("""

                # Plain

                ## Cause

                Setext
                ======
                """));

        BuildConfig config = BuildConfig.builder(root).reportsDirectory(root.resolve("target/certdocs")).threads(2)
                .clouds(List.of("public", "fairfax")).siteVersion("1.0.0").build();
        GenerateResult generated = CertDocs.generate(config, BuildLog.SILENT);
        assertEquals(false, generated.failed(), generated.reason());

        Includes includes = new Includes(config.baseDir());
        LinkScanner scanner = new LinkScanner(includes);
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        Map<String, PageLinks> pages = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (String path : List.of("articles/compute/bastion.md", "articles/compute/plain.md")) {
            ArticleLoader.Loaded loaded = loader.load(path);
            pages.put(path, scanner.article(loaded));
            titles.put(path, loaded.article().body().headings().get(0).text());
        }
        PageAnchors anchors = new PageAnchors(pages, scanner, includes, new CloudVariables(config.catalog().variableNames()));

        int compared = 0;
        for (Cloud cloud : config.clouds()) {
            for (String path : pages.keySet()) {
                Path html = root.resolve("target/certdocs/site/" + cloud.id() + "/1.0.0/"
                        + path.substring("articles/".length()).replace(".md", ".html"));
                if (!Files.exists(html)) continue;
                Document doc = Jsoup.parse(html.toFile());
                Set<String> rendered = new LinkedHashSet<>();
                for (Element e : doc.select(".article-body [id]")) rendered.add(e.id());
                for (Element e : doc.select(".article-body a[name]")) rendered.add(e.attr("name"));
                Set<String> checked = new LinkedHashSet<>(anchors.ids(path, cloud));
                assertTrue(checked.remove(HeadingIds.slug(titles.get(path))), "the H1's id is among the anchors");
                assertEquals(rendered, checked, path + " in " + cloud.id());
                compared++;
            }
        }
        assertEquals(3, compared);
        assertEquals(List.of("connect-with-bastion-fails", "use-az-network-bastion--the-portal",
                "what-the-docs-say-5-steps", "cause", "cause-1", "résumé--next-steps--ünïcödé", "custom-id", "html-heading",
                "explicit", "keys-ctrlc", "in-azure-government", "fairfax-only", "cause-2", "shared-steps", "cause-3",
                "after-the-include", "setext-heading-here", "quoted-heading", "ends-with-punctuation-really",
                "1-numbered-step_one--step-two-old", "anchor-in-text", "named"),
                List.copyOf(anchors.ids("articles/compute/bastion.md", config.catalog().find("fairfax").orElseThrow())));
    }
}
