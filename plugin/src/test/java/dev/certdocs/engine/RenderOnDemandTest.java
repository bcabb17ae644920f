package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.render.Rendering;
import dev.certdocs.render.SiteRenderer;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render stage renders any one page on demand, from a corpus and a cloud, into memory (what
 * a live preview needs): the page is byte for byte the one a full generate wrote.
 */
class RenderOnDemandTest {

    @TempDir
    Path dir;

    @Test
    void everyPageRenderedOnItsOwnIsTheOneAFullBuildWrites() throws IOException {
        ContentRepo repo = GeneratePerCloudTest.repository(dir);
        repo.file("articles/storage/blob.md", ArticleText.generic("blob").set("service", "microsoft.storage")
                .set("cloudEnvironments", "public, usnat").body("\n# Blob\n\n::: cloud include=\"usnat\"\nOnly in {{cloud.name}}.\n::: cloud-end\n"));
        Path site = dir.resolve("site");
        BuildConfig config = BuildConfig.builder(repo.root()).reportsDirectory(dir.resolve("reports")).threads(2)
                .siteVersion("1.0.0").outputDirectory(site).severities(GeneratePerCloudTest.CROSS_CLOUD_LINKS_ALLOWED).build();
        GenerateResult result = CertDocs.generate(config, BuildLog.SILENT);
        assertFalse(result.failed(), result.reason());

        // A corpus that keeps no text: each article page reads its article again.
        Corpus corpus = Load.corpus(config, Load.articleFiles(config, BuildLog.SILENT), false);
        Rendering rendering = new Rendering(config, corpus);
        int compared = 0;
        for (Map.Entry<String, SiteRenderer.CloudSite> e : rendering.plans().entrySet()) {
            Path version = site.resolve(e.getKey()).resolve("1.0.0").toRealPath(); // the version's name is a link
            for (String path : pages(version)) {
                Optional<RenderedPage> page = rendering.page(e.getValue(), path);
                assertTrue(page.isPresent(), e.getKey() + "/" + path + " rendered on demand");
                assertEquals(Files.readString(version.resolve(path), StandardCharsets.UTF_8), page.get().content(),
                        e.getKey() + "/" + path);
                assertEquals(path, page.get().path());
                compared++;
            }
            // One cloud planned on its own is the same plan.
            SiteRenderer.CloudSite alone = rendering.plan(e.getValue().cloud());
            assertEquals(rendering.page(e.getValue(), "index.html").orElseThrow().content(),
                    rendering.page(alone, "index.html").orElseThrow().content());
        }
        assertTrue(compared > 20, "pages compared: " + compared);
        // An article not published in a cloud has no page there.
        SiteRenderer.CloudSite mooncake = rendering.plans().get("mooncake");
        assertEquals(Optional.empty(), rendering.page(mooncake, "storage/blob.html"));
        assertEquals(Optional.empty(), rendering.page(mooncake, "no/such/page.html"));
    }

    /** The HTML pages and the sitemap of a published version (not its assets, search index or copied files). */
    private static List<String> pages(Path version) throws IOException {
        try (Stream<Path> files = Files.walk(version)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> version.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> (p.endsWith(".html") || p.equals("sitemap.xml")) && !p.startsWith("assets/")
                            && !p.startsWith("search/") && !p.startsWith("_files/"))
                    .sorted().toList();
        }
    }
}
