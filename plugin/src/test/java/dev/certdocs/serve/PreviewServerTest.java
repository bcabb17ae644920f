package dev.certdocs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.model.SourcePosition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server on 127.0.0.1 over a {@link FakeSite}: the layout of the published site, only
 * the site served (raw requests, so that no client tidies a path first), the overlay, the reload
 * channel, a busy port.
 */
class PreviewServerTest {

    static final String SECRET = "secret outside the repository";

    @TempDir
    Path dir;
    Path repo;
    FakeSite site;
    PreviewServer server;
    final List<String> said = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(dir.resolve("outside.txt"), SECRET);
        Files.createDirectories(repo.resolve("articles/compute/media"));
        Files.writeString(repo.resolve("articles/compute/media/inside.txt"), "inside");
        site = new FakeSite(repo).html("public/index.html", "<!DOCTYPE html><html><body><h1>Home</h1></body></html>")
                .html("public/404.html", "<!DOCTYPE html><html><body><h1>Not here</h1></body></html>")
                .html("public/compute/a.html", "<!DOCTYPE html><html><body><h1>Alpha</h1></body></html>");
        server = PreviewServer.start(site, "127.0.0.1", 0, said::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRootAndACloudLeadToTheHomePageAndLatestToTheVersionServed() throws IOException {
        assertEquals("302 /public/1.0.0/index.html", statusAndLocation("/"));
        assertEquals("302 /usnat/1.0.0/index.html", statusAndLocation("/usnat/"));
        assertEquals("302 /public/1.0.0/compute/a.html?q=x", statusAndLocation("/public/latest/compute/a.html?q=x"));
        String versions = get("/public/versions.json");
        assertTrue(versions.startsWith("HTTP/1.1 200"), versions);
        assertTrue(versions.contains("{\"name\": \"1.0.0\", \"latest\": true, \"prerelease\": false}"), versions);
    }

    @Test
    void servesPagesWithTheReloadScriptAndAnswersUnknownPathsWithThe404Page() throws IOException {
        String page = get("/public/1.0.0/compute/a.html");
        assertTrue(page.startsWith("HTTP/1.1 200"), page);
        assertTrue(page.contains("<h1>Alpha</h1><script src=\"/_certdocs/live.js\" data-generation=\"0\" defer></script>\n</body>"), page);
        assertFalse(page.contains("certdocs-problems\""), page);
        String missing = get("/public/1.0.0/compute/nothing.html");
        assertTrue(missing.startsWith("HTTP/1.1 404"), missing);
        assertTrue(missing.contains("<h1>Not here</h1>"), missing);
        assertTrue(get("/_certdocs/live.js").contains("new EventSource(\"/_certdocs/events\")"));
        assertTrue(get("/nocloud/1.0.0/index.html").startsWith("HTTP/1.1 404"));
    }

    @Test
    void refusesPathsThatLeaveTheSite() throws IOException {
        for (String path : List.of("/public/1.0.0/../../../outside.txt", "/public/1.0.0/%2e%2e/%2e%2e/%2e%2e/outside.txt",
                "/public/1.0.0/%2E%2E%2F%2E%2E%2Foutside.txt", "/public/1.0.0/%252e%252e/outside.txt",
                "/public/1.0.0/..%5c..%5coutside.txt", "//" + dir.resolve("outside.txt"), "/public/1.0.0/C:/outside.txt")) {
            String answer = get(path);
            // 400 from the path check; the JDK reads "///x" as an empty authority and "/x", which is no cloud: 404.
            assertTrue(answer.startsWith("HTTP/1.1 400") || path.startsWith("//") && answer.startsWith("HTTP/1.1 404"),
                    path + ": " + answer);
            assertFalse(answer.contains(SECRET), path);
        }
    }

    @Test
    void servesRepositoryFilesOnlyInsideTheRepositoryAndNeverThroughALinkOut() throws IOException {
        site.pages.put("public/compute/media/inside.txt", PreviewSite.Page.file(repo.resolve("articles/compute/media/inside.txt")));
        assertTrue(get("/public/1.0.0/compute/media/inside.txt").endsWith("\r\n\r\ninside"));
        Files.createSymbolicLink(repo.resolve("articles/compute/media/link.txt"), dir.resolve("outside.txt"));
        site.pages.put("public/compute/media/link.txt", PreviewSite.Page.file(repo.resolve("articles/compute/media/link.txt")));
        site.pages.put("public/compute/media/named.txt", PreviewSite.Page.file(repo.resolve("../outside.txt")));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), SECRET);
        site.pages.put("public/compute/media/git.txt", PreviewSite.Page.file(repo.resolve(".git/config")));
        for (String path : List.of("/public/1.0.0/compute/media/link.txt", "/public/1.0.0/compute/media/named.txt",
                "/public/1.0.0/compute/media/git.txt")) {
            String answer = get(path);
            assertTrue(answer.startsWith("HTTP/1.1 404"), path + ": " + answer);
            assertFalse(answer.contains(SECRET), path);
        }
    }

    @Test
    void anHtmlPageCarriesItsProblemsAndTheGlobalErrorsEscaped() throws IOException {
        site.problems.put("public/compute/a.html", List.of(new Diagnostic(Severity.ERROR, "properties/syntax",
                new SourcePosition("articles/compute/a.md", 3, 15), "expected white space after <b>'A'</b>")));
        site.errors.add("template layout.ftl:7:3: unexpected <#if>");
        String page = get("/public/1.0.0/compute/a.html");
        assertTrue(page.contains("data-count=\"2\""), page);
        assertTrue(page.contains("<code class=\"rule\">properties/syntax</code> <code class=\"position\">articles/compute/a.md:3:15</code>"
                + "<br>expected white space after &lt;b&gt;&#39;A&#39;&lt;/b&gt;</li>"), page);
        assertTrue(page.contains("<pre>template layout.ftl:7:3: unexpected &lt;#if&gt;</pre>"), page);
        site.problems.clear();
        site.errors.clear();
        assertFalse(get("/public/1.0.0/compute/a.html").contains("id=\"certdocs-problems\""));
    }

    @Test
    void onlyGetAndHead() throws IOException {
        assertTrue(request("POST /public/1.0.0/index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 405"));
        String head = request("HEAD /public/1.0.0/index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200") && !head.contains("<h1>"), head);
    }

    @Test
    @Timeout(30)
    void tellsOpenPagesWhatChangedOverServerSentEvents() throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /_certdocs/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
            readUntil(in, "event: hello");
            while (server.listeners() == 0) Thread.sleep(10);
            server.reload(Set.of("/public/1.0.0/compute/a.html"));
            readUntil(in, "event: reload");
            // chunked: the data line may come after a chunk size line
            readUntil(in, "data: [\"/public/1.0.0/compute/a.html\"]");
        }
        // A page served now knows one reload was sent before it.
        assertTrue(get("/public/1.0.0/compute/a.html").contains("data-generation=\"1\""));
    }

    @Test
    void aBusyPortMovesToTheNextFreeOneAndSaysSo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            try (PreviewServer next = PreviewServer.start(site, "127.0.0.1", port, said::add)) {
                assertNotEquals(port, next.url().getPort());
                assertTrue(said.contains("port " + port + " is in use; serving on port " + next.url().getPort() + " instead"),
                        said.toString());
            }
        }
    }

    private static void readUntil(BufferedReader in, String wanted) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(wanted)) return;
        }
        throw new AssertionError("no line " + wanted);
    }

    private String statusAndLocation(String path) throws IOException {
        String answer = get(path);
        String status = answer.substring(9, 12);
        String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location: ", 0, 10)).map(l -> l.substring(10))
                .findFirst().orElse("");
        return status + " " + location;
    }

    private String get(String rawPath) throws IOException {
        return request("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** A raw HTTP request: no client normalises the path first. */
    private String request(String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
