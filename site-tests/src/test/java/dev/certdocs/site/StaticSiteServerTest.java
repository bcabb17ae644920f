package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback server the browser tests use: it must behave like a plain static web host. */
class StaticSiteServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesFilesWithTheContentTypeOfTheirExtension(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site/public/1.0"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>x</title>");
        Files.writeString(site.resolve("a.css"), "body{}");
        Files.writeString(site.resolve("a.js"), "1");
        Files.writeString(site.resolve("a.json"), "{}");
        Files.writeString(site.resolve("a.svg"), "<svg/>");
        Files.write(site.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        try (StaticSiteServer server = StaticSiteServer.start(dir.resolve("site"))) {
            assertEquals("200 text/html; charset=utf-8 <!DOCTYPE html><title>x</title>", get(server, "public/1.0/index.html"));
            assertEquals("200 text/html; charset=utf-8 <!DOCTYPE html><title>x</title>", get(server, "public/1.0/"));
            assertEquals("200 text/css; charset=utf-8 body{}", get(server, "public/1.0/a.css"));
            assertEquals("200 text/javascript; charset=utf-8 1", get(server, "public/1.0/a.js"));
            assertEquals("200 application/json {}", get(server, "public/1.0/a.json"));
            assertEquals("200 image/svg+xml <svg/>", get(server, "public/1.0/a.svg"));
            assertEquals("200 image/png \uFFFDPNG", get(server, "public/1.0/a.png"));
        }
    }

    @Test
    void answers404ForMissingFilesAndPathsOutsideTheFolder(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(site.resolve("index.html"), "home");
        try (StaticSiteServer server = StaticSiteServer.start(site)) {
            assertEquals("404 text/plain; charset=utf-8 not found\n", get(server, "missing.html"));
            assertEquals("404 text/plain; charset=utf-8 not found\n", get(server, "%2e%2e/secret.txt"));
            assertEquals("404 text/plain; charset=utf-8 not found\n", get(server, "a/%2e%2e/%2e%2e/secret.txt"));
            assertEquals("404 text/plain; charset=utf-8 not found\n", get(server, "..%2fsecret.txt"));
            assertEquals(null, server.resolve("/../secret.txt"));
        }
    }

    private String get(StaticSiteServer server, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " " + r.body();
    }
}
