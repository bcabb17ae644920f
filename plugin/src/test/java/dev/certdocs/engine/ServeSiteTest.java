package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.serve.LivePreview;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.RecordingLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview serves the site {@code generate} writes, at the same URLs: every file of every
 * cloud's version, byte for byte (HTML pages with the reload script added), so the cloud and
 * version switchers, search and navigation work as in the published site.
 */
class ServeSiteTest {

    @TempDir
    static Path dir;
    static ContentRepo repo;
    static LivePreview preview;
    static final RecordingLog log = new RecordingLog();
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void serve() {
        repo = GeneratePerCloudTest.repository(dir);
        assertFalse(repo.generate(b -> b.severities(GeneratePerCloudTest.CROSS_CLOUD_LINKS_ALLOWED).bundles(null)).failed());
        preview = CertDocs.serve(() -> config(), log, "127.0.0.1", 0);
    }

    static BuildConfig config() {
        return BuildConfig.builder(dir).reportsDirectory(dir.resolve("target/certdocs")).threads(2).siteVersion("1.0.0")
                .severities(GeneratePerCloudTest.CROSS_CLOUD_LINKS_ALLOWED).build();
    }

    @AfterAll
    static void stop() {
        if (preview != null) preview.close();
    }

    @Test
    void servesEveryFileOfEveryCloudsVersionAsGenerateWritesIt() throws Exception {
        Path site = repo.siteDirectory();
        List<String> checked = new ArrayList<>();
        for (String cloud : List.of("public", "fairfax", "mooncake", "usnat", "ussec")) {
            Path version = site.resolve(cloud).resolve("1.0.0");
            if (!Files.isDirectory(version)) continue;
            version = version.toRealPath(); // the version's name is a link to its folder
            List<Path> files;
            try (Stream<Path> walk = Files.walk(version)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String rel = version.relativize(f).toString().replace('\\', '/');
                HttpResponse<byte[]> r = get("/" + cloud + "/1.0.0/" + encode(rel));
                assertEquals(200, r.statusCode(), cloud + "/" + rel);
                byte[] expected = Files.readAllBytes(f);
                if (rel.endsWith(".html")) {
                    // What the preview adds: the problems overlay (some articles here have warnings) and the reload script.
                    String served = new String(r.body(), StandardCharsets.UTF_8)
                            .replaceAll("(?s)\n<style>#certdocs-problems.*?</aside>\n", "")
                            .replaceAll("<script src=\"/_certdocs/live.js\" data-generation=\"\\d+\" defer></script>\n", "");
                    assertEquals(new String(expected, StandardCharsets.UTF_8), served, cloud + "/" + rel);
                } else {
                    assertTrue(java.util.Arrays.equals(expected, r.body()), cloud + "/" + rel);
                }
                checked.add(cloud + "/" + rel);
            }
        }
        assertTrue(checked.contains("public/compute/everywhere.html"), checked.toString());
        assertTrue(checked.contains("public/search/index.js"), checked.toString());
        assertTrue(checked.contains("public/assets/site.js"), checked.toString());
    }

    @Test
    void theRootLeadsToTheDefaultCloudAndEachCloudListsItsVersion() throws Exception {
        HttpResponse<byte[]> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/public/1.0.0/index.html", root.headers().firstValue("Location").orElseThrow());
        String versions = new String(get("/fairfax/versions.json").body(), StandardCharsets.UTF_8);
        assertTrue(versions.contains("\"latest\": \"1.0.0\""), versions);
        assertEquals(404, get("/public/1.0.0/compute/no-such-page.html").statusCode());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[INFO] certdocs serve: ") && l.contains("serving " + preview.url())),
                log.lines().toString());
    }

    private static String encode(String rel) {
        StringBuilder sb = new StringBuilder();
        for (String seg : rel.split("/")) {
            if (sb.length() > 0) sb.append('/');
            sb.append(java.net.URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(preview.url().toString().replaceAll("/$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
