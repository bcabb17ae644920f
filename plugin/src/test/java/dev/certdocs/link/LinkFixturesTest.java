package dev.certdocs.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.LinkCheckResult;
import dev.certdocs.testing.LoopbackUrls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture repository per link rule that needs the network, under {@code src/test/resources/fixtures/links/<rule id with
 * '/' as '_'>/} (the rules of the checks made without it are {@code validate}'s, and their fixtures
 * are with the validation rules'), with {@code expected.txt} holding the exact log lines check-links must print, in
 * order. External URLs point at a server this test starts on 127.0.0.1: {@code @PORT@} in a fixture
 * is its port, {@code @CLOSED_PORT@} a port where nothing listens; the expected files keep the
 * placeholders. Nothing leaves the machine.
 *
 * <p>Run with {@code -Dcertdocs.regenerate=true} to rewrite the expected files, then read every
 * changed line before committing it.
 */
class LinkFixturesTest {

    private static final Path FIXTURES = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/fixtures/links");
    private static final boolean REGENERATE = Boolean.getBoolean("certdocs.regenerate");
    /** Longer than the checker's timeout, so /slow times out. */
    private static final Duration SLOW = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static HttpServer server;
    private static ExecutorService threads;
    private static int closedPort;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/ok", e -> answer(e, 200, Map.of()));
        server.createContext("/gone", e -> answer(e, 404, Map.of()));
        server.createContext("/removed", e -> answer(e, 410, Map.of()));
        server.createContext("/error", e -> answer(e, 500, Map.of()));
        server.createContext("/busy", e -> answer(e, 429, Map.of("Retry-After", "1")));
        server.createContext("/blocked", e -> answer(e, 999, Map.of()));
        server.createContext("/challenge", e -> answer(e, 403, Map.of("cf-mitigated", "challenge")));
        server.createContext("/slow", e -> {
            try {
                Thread.sleep(SLOW.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            answer(e, 200, Map.of());
        });
        server.start();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // The JVM's first HTTP exchange loads and starts java.net.http, which on a busy machine takes
        // longer than TIMEOUT: the first fixture that makes requests (link_blocked) then timed out.
        String warmUp = new LoopbackUrls(Duration.ofSeconds(30))
                .check("http://127.0.0.1:" + server.getAddress().getPort() + "/ok", null).join().outcome().toString();
        assertEquals("OK", warmUp, "the loopback server answers");
    }

    private static void answer(HttpExchange e, int status, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> e.getResponseHeaders().add(k, v));
        e.sendResponseHeaders(status, -1);
        e.close();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        threads.shutdownNow();
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedDiagnostics(String fixture, @TempDir Path repo) throws IOException {
        String port = String.valueOf(server.getAddress().getPort());
        copy(FIXTURES.resolve(fixture), repo, port);
        LinkSettings d = LinkSettings.defaults(repo.resolve("target/certdocs"));
        LinkSettings settings = new LinkSettings(false, true, 8, 4, Duration.ZERO, TIMEOUT, TIMEOUT, 0, d.maxRetryWait(),
                d.maxRedirects(), d.maxBodyBytes(), Duration.ZERO, d.cacheFile(), false, List.of(), List.of(), Map.of(),
                Map.of(), d.userAgent(), false, false);
        BuildConfig config = BuildConfig.builder(repo).reportsDirectory(repo.resolve("target/certdocs")).threads(2)
                .links(settings).build();

        LinkCheckResult result = CertDocs.checkLinks(config, BuildLog.SILENT, () -> new LoopbackUrls(TIMEOUT));
        List<String> actual = result.summary().findings().stream().map(f -> f.diagnostic().format()
                .replace("127.0.0.1:" + port, "127.0.0.1:@PORT@")
                .replace("127.0.0.1:" + closedPort, "127.0.0.1:@CLOSED_PORT@")).toList();

        Path expectedFile = FIXTURES.resolve(fixture).resolve("expected.txt");
        if (REGENERATE) {
            Files.writeString(expectedFile, actual.stream().map(l -> l + "\n").collect(Collectors.joining()),
                    StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected), String.join("\n", actual), fixture);
        String rule = fixture.replaceFirst("_", "/");
        assertTrue(actual.stream().anyMatch(l -> l.contains(" [" + rule + "] ")), fixture + " must make " + rule + " fire");
    }

    private static void copy(Path from, Path to, String port) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.createDirectories(target.getParent());
                if (source.getFileName().toString().endsWith(".md")) {
                    Files.writeString(target, Files.readString(source, StandardCharsets.UTF_8)
                            .replace("@PORT@", port).replace("@CLOSED_PORT@", String.valueOf(closedPort)), StandardCharsets.UTF_8);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static List<Rule> networkRules() {
        return LinkCheck.rules().stream().filter(r -> !LinkCheck.offline(r.id())).toList();
    }

    @Test
    void everyLinkRuleHasAFixture() throws IOException {
        Set<String> fixtures = fixtures().collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = new ArrayList<>();
        for (Rule rule : networkRules()) {
            String folder = rule.id().replace('/', '_');
            if (!fixtures.contains(folder) || !Files.isRegularFile(FIXTURES.resolve(folder).resolve("expected.txt"))) {
                missing.add(rule.id());
            }
        }
        assertEquals(List.of(), missing, "link rules without a fixture folder holding expected.txt");
    }

    @Test
    void everyFixtureIsNamedAfterALinkRule() throws IOException {
        Set<String> folders = networkRules().stream().map(r -> r.id().replace('/', '_')).collect(Collectors.toSet());
        assertEquals(List.of(), fixtures().filter(f -> !folders.contains(f)).toList());
    }
}
