package dev.certdocs.link.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.link.http.UrlResult.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external link checker against servers this test starts on 127.0.0.1: every answer of
 * ISSUE-5 point 8, the limits, once-per-URL, the cache and the secret headers. Timeouts are
 * short (300 ms) and back-off is 5 ms, so the class runs in seconds; nothing asserts a duration.
 */
class ExternalLinkCheckerTest {

    private static final Duration FAST_BACKOFF = Duration.ofMillis(5);
    private static final String OK_ANSWER = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

    @TempDir
    Path temp;

    private LoopbackServer server;
    private final TestSettings settings = new TestSettings();
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.http();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    // ---------------------------------------------------------------- statuses

    @Test
    void okIsOkWithOneHeadRequest() throws Exception {
        server.on("/ok", server.status(200));

        UrlResult r = checkOne(server.url("/ok"));

        assertEquals(new UrlResult(server.url("/ok"), Outcome.OK, 200, "200 OK", 1, false), r);
        assertEquals(List.of("HEAD"), server.methods("/ok"));
    }

    @Test
    void notFoundAndGoneAreBrokenAfterTheGetFallback() throws Exception {
        server.on("/missing", server.status(404)).on("/gone", server.status(410));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(new UrlResult(server.url("/missing"), Outcome.BROKEN, 404, "404 Not Found", 2, false),
                    get(checker, server.url("/missing")));
            assertEquals(new UrlResult(server.url("/gone"), Outcome.BROKEN, 410, "410 Gone", 2, false),
                    get(checker, server.url("/gone")));
        }
        assertEquals(List.of("HEAD", "GET"), server.methods("/missing"));
    }

    @Test
    void serverErrorIsRetriedThenBroken() throws Exception {
        server.on("/error", server.status(500));

        UrlResult r = checkOne(server.url("/error"));

        assertEquals(new UrlResult(server.url("/error"), Outcome.BROKEN, 500,
                "500 Internal Server Error after 3 retries", 4, false), r);
        assertEquals(List.of("HEAD", "GET", "GET", "GET"), server.methods("/error"));
    }

    @Test
    void serverErrorThatRecoversIsOk() throws Exception {
        server.on("/flaky", (exchange, n) -> server.respond(exchange, n <= 2 ? 503 : 200));

        UrlResult r = checkOne(server.url("/flaky"));

        assertEquals(Outcome.OK, r.outcome());
        assertEquals(3, server.requests("/flaky"));
    }

    // ---------------------------------------------------------------- redirects

    @Test
    void followsAChainOf301_302_307_308() throws Exception {
        server.on("/chain/301", server.redirect(301, "/chain/302"))
                .on("/chain/302", server.redirect(302, server.url("/chain/307")))
                .on("/chain/307", server.redirect(307, "308"))
                .on("/chain/308", server.redirect(308, "/chain/end#ignored"))
                .on("/chain/end", server.status(200));

        UrlResult r = checkOne(server.url("/chain/301"));

        assertEquals(new UrlResult(server.url("/chain/301"), Outcome.OK, 200,
                "200 OK at " + server.url("/chain/end"), 5, false), r);
        assertEquals(List.of("HEAD"), server.methods("/chain/end"));
    }

    @Test
    void aChainOneHopOverTheLimitIsBroken() throws Exception {
        settings.maxRedirects = 3;
        for (int i = 1; i <= 4; i++) server.on("/hop/" + i, server.redirect(301, "/hop/" + (i + 1)));
        server.on("/hop/5", server.status(200));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(Outcome.OK, get(checker, server.url("/hop/2")).outcome(), "3 redirects are allowed");
            assertEquals(new UrlResult(server.url("/hop/1"), Outcome.BROKEN, 301, "more than 3 redirects: "
                    + server.url("/hop/1") + " -> " + server.url("/hop/2") + " -> " + server.url("/hop/3") + " -> "
                    + server.url("/hop/4") + " -> " + server.url("/hop/5"), 4, false), get(checker, server.url("/hop/1")));
        }
    }

    @Test
    void aRedirectLoopIsBroken() throws Exception {
        server.on("/loop/a", server.redirect(302, "/loop/b")).on("/loop/b", server.redirect(302, "/loop/a"));

        UrlResult r = checkOne(server.url("/loop/a"));

        assertEquals(new UrlResult(server.url("/loop/a"), Outcome.BROKEN, 302, "redirect loop: " + server.url("/loop/a")
                + " -> " + server.url("/loop/b") + " -> " + server.url("/loop/a"), 2, false), r);
    }

    // ---------------------------------------------------------------- HEAD then GET

    @Test
    void methodNotAllowedToHeadIsAskedAgainWithGet() throws Exception {
        server.on("/no-head", server.byMethod(405, 200));

        UrlResult r = checkOne(server.url("/no-head"));

        assertEquals(new UrlResult(server.url("/no-head"), Outcome.OK, 200, "200 OK", 2, false), r);
        assertEquals(List.of("HEAD", "GET"), server.methods("/no-head"));
    }

    @Test
    void forbiddenToHeadButOkToGetIsOk() throws Exception {
        server.on("/head-forbidden", server.byMethod(403, 200));

        UrlResult r = checkOne(server.url("/head-forbidden"));

        assertEquals(new UrlResult(server.url("/head-forbidden"), Outcome.OK, 200, "200 OK", 2, false), r);
    }

    // ---------------------------------------------------------------- 429 and Retry-After

    @Test
    void tooManyRequestsWithRetryAfterIsWaitedForThenOk() throws Exception {
        server.on("/busy", (exchange, n) -> {
            if (n == 1) server.respond(exchange, 429, "Retry-After", "1");
            else server.respond(exchange, 200);
        });

        UrlResult r = checkOne(server.url("/busy"));

        assertEquals(new UrlResult(server.url("/busy"), Outcome.OK, 200, "200 OK", 2, false), r);
        assertEquals(List.of("info: link check: " + server.url("/busy")
                + " answered 429 with Retry-After: 1; waiting 1 s before retry 1 of 3"), log.lines());
    }

    @Test
    void tooManyRequestsForeverIsRateLimitedAndTheWaitIsCapped() throws Exception {
        settings.retries = 2;
        settings.maxRetryWait = Duration.ofMillis(50);
        server.on("/throttled", server.status(429, "Retry-After", "3600"));

        UrlResult r = checkOne(server.url("/throttled"));

        assertEquals(new UrlResult(server.url("/throttled"), Outcome.RATE_LIMITED, 429,
                "429 Too Many Requests after 2 retries", 3, false), r);
        String wait = "info: link check: " + server.url("/throttled") + " answered 429 with Retry-After: 3600; "
                + "waiting 50 ms (capped by certdocs.linkMaxRetryWait) before retry ";
        assertEquals(List.of(wait + "1 of 2", wait + "2 of 2"), log.lines());
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

        assertEquals(Duration.ofSeconds(120), HttpTerms.retryAfter(" 120 ", clock).orElseThrow());
        assertEquals(Duration.ofSeconds(60),
                HttpTerms.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", clock).orElseThrow());
        assertEquals(Duration.ZERO, HttpTerms.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", clock).orElseThrow());
        assertTrue(HttpTerms.retryAfter("soon", clock).isEmpty());
    }

    // ---------------------------------------------------------------- blocked and the status map

    @Test
    void status999IsBlocked() throws Exception {
        server.on("/linkedin", server.status(999));

        UrlResult r = checkOne(server.url("/linkedin"));

        assertEquals(new UrlResult(server.url("/linkedin"), Outcome.BLOCKED, 999,
                "999 (the server refuses automated requests)", 3, false), r);
    }

    @Test
    void aMalformedStatusLineIsUnreachableNotBlocked() throws Exception {
        // java.net.http reads the first three digits of "99999999999" and reports 999; a third request reads the line
        try (RawLoopbackServer raw = new RawLoopbackServer("HTTP/1.1 99999999999 X\r\nContent-Length: 0\r\n\r\n")) {
            UrlResult r = checkOne(raw.url("/odd"));

            assertEquals(new UrlResult(raw.url("/odd"), Outcome.UNREACHABLE, 0,
                    "malformed status line 'HTTP/1.1 99999999999 X'", 3, false), r);
        }
    }

    @Test
    void forbiddenWithABotChallengeHeaderIsBlockedAndPlainForbiddenIsBroken() throws Exception {
        server.on("/cloudflare", server.status(403, "cf-mitigated", "challenge"))
                .on("/waf", server.status(403, "x-amzn-waf-action", "captcha"))
                .on("/forbidden", server.status(403));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(new UrlResult(server.url("/cloudflare"), Outcome.BLOCKED, 403,
                    "403 Forbidden with cf-mitigated: challenge (a bot challenge; check it in a browser)", 2, false),
                    get(checker, server.url("/cloudflare")));
            assertEquals("403 Forbidden with x-amzn-waf-action: captcha (a bot challenge; check it in a browser)",
                    get(checker, server.url("/waf")).detail());
            assertEquals(new UrlResult(server.url("/forbidden"), Outcome.BROKEN, 403, "403 Forbidden", 2, false),
                    get(checker, server.url("/forbidden")));
        }
    }

    @Test
    void theStatusMapTurnsAFinalStatusIntoWarnSkipOrOk() throws Exception {
        settings.statusMap.put(403, "warn");
        settings.statusMap.put(999, "SKIP");
        settings.statusMap.put(401, "ok");
        server.on("/forbidden", server.status(403)).on("/linkedin", server.status(999)).on("/login", server.status(401));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(new UrlResult(server.url("/forbidden"), Outcome.WARNED, 403,
                    "403 Forbidden (status map: 403 -> warn)", 2, false), get(checker, server.url("/forbidden")));
            assertEquals(new UrlResult(server.url("/linkedin"), Outcome.EXCLUDED, 999,
                    "999 (status map: 999 -> skip)", 3, false), get(checker, server.url("/linkedin")));
            assertEquals(Outcome.OK, get(checker, server.url("/login")).outcome());
        }
    }

    @Test
    void theStatusMapCanMakeABlockedStatusAnError() throws Exception {
        // the words of the certdocs.linkStatusMap parameter: "error" as well as "broken"
        settings.statusMap.put(999, "error");
        server.on("/linkedin", server.status(999));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(new UrlResult(server.url("/linkedin"), Outcome.BROKEN, 999,
                    "999 (status map: 999 -> error)", 3, false), get(checker, server.url("/linkedin")));
        }
    }

    @Test
    void anUnknownStatusMapWordIsAConfigurationError() {
        settings.statusMap.put(403, "ignore");

        CertDocsException e = assertThrows(CertDocsException.class, this::checker);

        assertEquals("link status map: '403 -> ignore' is not understood; write ok, warn, skip or error", e.getMessage());
    }

    // ---------------------------------------------------------------- timeouts and unreachable hosts

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() throws Exception {
        settings.timeout = Duration.ofMillis(300);
        settings.retries = 1;
        server.on("/slow", server.slow(5_000, 200));

        UrlResult r = checkOne(server.url("/slow"));

        assertEquals(new UrlResult(server.url("/slow"), Outcome.TIMEOUT, 0, "no answer within 300 ms after 1 retry", 2, false), r);
        assertEquals(2, server.requests("/slow"));
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsATimeout() throws Exception {
        settings.timeout = Duration.ofMillis(300);
        settings.retries = 1;
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/silence";

            UrlResult r = checkOne(url);

            assertEquals(new UrlResult(url, Outcome.TIMEOUT, 0, "no answer within 300 ms after 1 retry", 2, false), r);
            assertFalse(accepted.isEmpty(), "the checker connected");
        } finally {
            for (Socket s : accepted) s.close();
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";

        UrlResult r = checkOne(url);

        assertEquals(new UrlResult(url, Outcome.UNREACHABLE, 0, "connection refused", 1, false), r);
    }

    @Test
    void aSelfSignedCertificateIsUnreachableWithTheTlsReason() throws Exception {
        try (LoopbackServer tls = LoopbackServer.https(selfSigned())) {
            tls.on("/secure", tls.status(200));

            UrlResult r = checkOne(tls.url("/secure"));

            assertEquals(Outcome.UNREACHABLE, r.outcome());
            assertEquals("TLS handshake failed: unable to find valid certification path to requested target", r.detail());
            assertEquals(0, tls.totalRequests(), "no request got through");
        }
    }

    @Test
    void aHostUnderInvalidIsUnreachableWithoutALookup() throws Exception {
        UrlResult r = checkOne("https://docs.example.invalid/page");

        assertEquals(new UrlResult("https://docs.example.invalid/page", Outcome.UNREACHABLE, 0,
                "unknown host 'docs.example.invalid' (.invalid names never resolve)", 0, false), r);
    }

    @Test
    void malformedUrlsAreReportedWithoutARequest() throws Exception {
        Map<String, String> expected = Map.of(
                "http://exa mple.com/", "malformed URL: white space at index 10",
                "https://example.com/a b", "malformed URL: white space at index 21",
                "htp://example.com/", "unsupported scheme 'htp': only http and https URLs are checked",
                "http://", "malformed URL: expected authority at index 7",
                "https:///path", "malformed URL: no host",
                "http://[::1/", "malformed URL: expected closing bracket for IPv6 address at index 11",
                "http://exa_mple.com/", "malformed URL: 'exa_mple.com' is not a valid host",
                "www.example.com/page", "malformed URL: not absolute (no scheme)");

        try (ExternalLinkChecker checker = checker()) {
            for (var e : expected.entrySet()) {
                assertEquals(new UrlResult(e.getKey(), Outcome.MALFORMED, 0, e.getValue(), 0, false),
                        get(checker, e.getKey()), e.getKey());
            }
            assertEquals(0, checker.stats().requests());
        }
    }

    // ---------------------------------------------------------------- bodies and fragments

    @Test
    void anEndlessBodyIsReadOnlyUpToTheLimit() throws Exception {
        settings.checkExternalFragments = true;
        server.on("/endless", server.endless("<html><h2 id=\"intro\">Intro</h2>"));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(new UrlResult(server.url("/endless") + "#intro", Outcome.OK, 200, "200 OK, #intro found", 1, false),
                    checker.check(server.url("/endless"), "intro").get(20, TimeUnit.SECONDS));
            assertEquals(new UrlResult(server.url("/endless") + "#missing", Outcome.MISSING_FRAGMENT, 200,
                    "no element with id or name 'missing' in the first 65536 bytes", 1, false),
                    checker.check(server.url("/endless") + "#missing", null).get(20, TimeUnit.SECONDS));
        }
        assertEquals(List.of("GET"), server.methods("/endless"), "one GET serves every fragment");
    }

    @Test
    void anEndlessBodyAfterAHeadFallbackIsDroppedAtTheLimit() throws Exception {
        server.on("/endless", server.endless("<html>"));

        UrlResult r = checkOne(server.url("/endless"));

        assertEquals(new UrlResult(server.url("/endless"), Outcome.OK, 200, "200 OK", 2, false), r);
    }

    @Test
    void fragmentsAreFoundByIdOrNameInOneGetShared() throws Exception {
        settings.checkExternalFragments = true;
        server.on("/page", (exchange, n) -> server.html(exchange, 200,
                "<h2 id=\"install\">Install</h2><a name='legacy'></a><div id=bare>x</div><p ID=\"café\">"));
        String page = server.url("/page");

        try (ExternalLinkChecker checker = checker()) {
            Map<String, UrlResult> r = checker.checkAll(List.of(page, page + "#install", page + "#legacy", page + "#bare",
                    page + "#caf%C3%A9", page + "#top", page + "#nope"));

            assertEquals(Outcome.OK, r.get(page).outcome());
            for (String f : List.of("#install", "#legacy", "#bare", "#caf%C3%A9", "#top")) {
                assertEquals(Outcome.OK, r.get(page + f).outcome(), f);
            }
            assertEquals(new UrlResult(page + "#nope", Outcome.MISSING_FRAGMENT, 200,
                    "no element with id or name 'nope' in the page", 1, false), r.get(page + "#nope"));
        }
        assertEquals(List.of("GET"), server.methods("/page"));
    }

    @Test
    void fragmentsAreIgnoredUnlessAskedFor() throws Exception {
        server.on("/page", (exchange, n) -> server.html(exchange, 200, "<p>nothing</p>"));

        UrlResult r = checkOne(server.url("/page") + "#anything");

        assertEquals(new UrlResult(server.url("/page"), Outcome.OK, 200, "200 OK", 1, false), r);
        assertEquals(List.of("HEAD"), server.methods("/page"));
    }

    // ---------------------------------------------------------------- include and exclude

    @Test
    void excludedAndNotIncludedUrlsMakeNoRequest() throws Exception {
        settings.include.add("^http://127\\.0\\.0\\.1");
        settings.exclude.add("/private/");
        server.on("/private/x", server.status(200));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(new UrlResult(server.url("/private/x"), Outcome.EXCLUDED, 0,
                    "excluded by the pattern '/private/'", 0, false), get(checker, server.url("/private/x")));
            assertEquals(new UrlResult("https://example.com/", Outcome.EXCLUDED, 0, "matches no include pattern", 0, false),
                    get(checker, "https://example.com/"));
        }
        assertEquals(0, server.totalRequests());
    }

    @Test
    void aBadPatternIsAConfigurationError() {
        settings.exclude.add("(unclosed");

        CertDocsException e = assertThrows(CertDocsException.class, this::checker);

        assertEquals("link exclude pattern '(unclosed' is not a regular expression: Unclosed group", e.getMessage());
    }

    // ---------------------------------------------------------------- limits and once per URL

    @Test
    void perHostConcurrencyIsNeverExceeded() throws Exception {
        settings.hostConcurrency = 3;
        settings.concurrency = 64;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            server.on("/slow/" + i, server.slow(100, 200));
            urls.add(server.url("/slow/" + i));
        }

        Map<String, UrlResult> r;
        try (ExternalLinkChecker checker = checker()) {
            r = checker.checkAll(urls);
        }

        assertTrue(r.values().stream().allMatch(u -> u.outcome() == Outcome.OK), r.toString());
        assertEquals(3, server.peakConcurrency(), "three in flight at most, and three used");
    }

    @Test
    void globalConcurrencyIsNeverExceeded() throws Exception {
        settings.hostConcurrency = 8;
        settings.concurrency = 2;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            server.on("/slow/" + i, server.slow(100, 200));
            urls.add(server.url("/slow/" + i));
        }

        try (ExternalLinkChecker checker = checker()) {
            checker.checkAll(urls);
        }

        assertEquals(2, server.peakConcurrency());
    }

    @Test
    void eachUrlIsRequestedOnceEvenWhenAskedForConcurrently() throws Exception {
        server.on("/popular", server.slow(300, 200)).on("/other", server.status(200));
        String url = server.url("/popular");

        try (ExternalLinkChecker checker = checker()) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<UrlResult>> asked = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        asked.add(checker.check(url, null));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) t.join();
            for (CompletableFuture<UrlResult> f : asked) assertEquals(Outcome.OK, f.get(20, TimeUnit.SECONDS).outcome());
            checker.checkAll(List.of(url, server.url("/other"), url, server.url("/other")));
            assertEquals(Outcome.OK, get(checker, url).outcome());

            assertEquals(1, server.requests("/popular"));
            assertEquals(1, server.requests("/other"));
            assertEquals(2, checker.stats().urls());
            assertEquals(2, checker.stats().requests());
        }
    }

    // ---------------------------------------------------------------- cache

    @Test
    void aRerunWithinTheTtlRequestsNoUrlThatWasOkAndRechecksFailures() throws Exception {
        settings.cacheTtl = Duration.ofHours(24);
        settings.cacheFile = temp.resolve("certdocs/link-cache.json");
        server.on("/a", server.status(200)).on("/b", server.status(200)).on("/gone", server.status(410));
        List<String> urls = List.of(server.url("/a"), server.url("/b"), server.url("/gone"));
        Instant first = Instant.parse("2025-03-01T10:00:00Z");

        try (ExternalLinkChecker checker = checker(Clock.fixed(first, ZoneOffset.UTC))) {
            checker.checkAll(urls);
        }
        assertTrue(Files.isRegularFile(settings.cacheFile));
        int goneBefore = server.requests("/gone");

        Map<String, UrlResult> rerun;
        ExternalLinkChecker.Stats stats;
        try (ExternalLinkChecker checker = checker(Clock.fixed(first.plus(Duration.ofHours(23)), ZoneOffset.UTC))) {
            rerun = checker.checkAll(urls);
            stats = checker.stats();
        }
        assertEquals(new UrlResult(server.url("/a"), Outcome.OK, 200, "200 OK (cached, checked 2025-03-01T10:00:00Z)", 0, true),
                rerun.get(server.url("/a")));
        assertEquals(1, server.requests("/a"));
        assertEquals(1, server.requests("/b"));
        assertEquals(2 * goneBefore, server.requests("/gone"), "a failure is always checked again");
        assertEquals(2, stats.cacheHits());
        assertEquals(goneBefore, stats.requests());

        try (ExternalLinkChecker checker = checker(Clock.fixed(first.plus(Duration.ofHours(25)), ZoneOffset.UTC))) {
            assertFalse(checker.checkAll(urls).get(server.url("/a")).cached());
        }
        assertEquals(2, server.requests("/a"), "the TTL has run out");
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() throws Exception {
        settings.cacheTtl = Duration.ZERO;
        settings.cacheFile = temp.resolve("link-cache.json");
        server.on("/a", server.status(200));

        for (int run = 0; run < 2; run++) {
            try (ExternalLinkChecker checker = checker()) {
                checker.checkAll(List.of(server.url("/a")));
            }
        }

        assertEquals(2, server.requests("/a"));
        assertFalse(Files.exists(settings.cacheFile));
    }

    @Test
    void aCorruptCacheIsIgnoredWithAWarningAndWrittenAnew() throws Exception {
        settings.cacheTtl = Duration.ofHours(24);
        settings.cacheFile = temp.resolve("link-cache.json");
        Files.writeString(settings.cacheFile, "{\"entries\": {\"http://x/\": ");
        server.on("/a", server.status(200));

        try (ExternalLinkChecker checker = checker()) {
            assertEquals(Outcome.OK, get(checker, server.url("/a")).outcome());
        }

        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).startsWith("warn: link cache " + settings.cacheFile + " is unreadable ("), log.lines().get(0));
        assertTrue(log.lines().get(0).endsWith("); ignoring it, every URL is checked again"), log.lines().get(0));
        var written = new ObjectMapper().readTree(settings.cacheFile.toFile());
        assertEquals(200, written.path("entries").path(server.url("/a")).path("status").asInt());
        try (var files = Files.list(temp)) {
            assertEquals(List.of(settings.cacheFile), files.toList(), "no temporary file is left behind");
        }
    }

    // ---------------------------------------------------------------- the address policy
    // Only loopback servers: a look-up table stands in for DNS, and a test policy refuses one
    // loopback server; the refused server counts the connections it accepted.

    @Test
    void aHostResolvingToALinkLocalAddressIsNeverConnectedTo() throws Exception {
        try (RawLoopbackServer metadata = new RawLoopbackServer(OK_ANSWER)) {
            // "localhost" stands for a name like metadata.google.internal: were it let through, the client would reach loopback
            String url = "http://localhost:" + metadata.port() + "/latest/meta-data/";
            AddressPolicy.Resolver dns = table("localhost", "127.0.0.1", "169.254.169.254");

            UrlResult r;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(false, false), dns)) {
                r = get(checker, url);
            }

            assertEquals(new UrlResult(url, Outcome.REFUSED, 0, "localhost resolves to the link-local address 169.254.169.254;"
                    + " certdocs.linkAllowLinkLocal=true allows it", 0, false), r);
            assertEquals(0, metadata.accepted());
        }
    }

    @Test
    void allowLinkLocalLetsTheSameLinkBeChecked() throws Exception {
        settings.allowLinkLocal = true;
        try (RawLoopbackServer metadata = new RawLoopbackServer(OK_ANSWER)) {
            String url = "http://localhost:" + metadata.port() + "/latest/meta-data/";

            UrlResult r;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(true, false), table("localhost", "169.254.169.254"))) {
                r = get(checker, url);
            }

            assertEquals(Outcome.OK, r.outcome(), r.toString());
            assertEquals(1, metadata.accepted());
        }
    }

    @Test
    void aLinkToARefusedServerIsNeverConnectedTo() throws Exception {
        try (RawLoopbackServer refused = new RawLoopbackServer(OK_ANSWER)) {
            UrlResult r;
            try (ExternalLinkChecker checker = checker(refusing(refused.port()), table())) {
                r = get(checker, refused.url("/meta"));
            }

            assertEquals(new UrlResult(refused.url("/meta"), Outcome.REFUSED, 0, "test policy: port " + refused.port(), 0,
                    false), r);
            assertEquals(0, refused.accepted());
        }
    }

    @Test
    void aRedirectToARefusedServerIsNotFollowed() throws Exception {
        try (RawLoopbackServer refused = new RawLoopbackServer(OK_ANSWER)) {
            server.on("/hop", server.redirect(302, refused.url("/meta")));

            UrlResult r;
            try (ExternalLinkChecker checker = checker(refusing(refused.port()), table())) {
                r = get(checker, server.url("/hop"));
            }

            assertEquals(new UrlResult(server.url("/hop"), Outcome.REFUSED, 302, "302 Found to " + refused.url("/meta")
                    + ": test policy: port " + refused.port(), 1, false), r);
            assertEquals(0, refused.accepted());
            assertEquals(1, server.requests("/hop"));
        }
    }

    @Test
    void aRedirectFromAPublicAddressToALoopbackOneIsNotFollowedByDefault() throws Exception {
        try (RawLoopbackServer inside = new RawLoopbackServer(OK_ANSWER)) {
            server.on("/hop", server.redirect(301, inside.url("/admin")));
            // the first hop's name "resolves" to a public address; the client itself reaches this loopback server
            String url = server.url("/hop").replace("127.0.0.1", "localhost");

            UrlResult r;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(false, false), table("localhost", "8.8.8.8"))) {
                r = get(checker, url);
            }

            assertEquals(new UrlResult(url, Outcome.REFUSED, 301, "301 Moved Permanently to " + inside.url("/admin")
                    + ": a redirect from localhost (public address 8.8.8.8) to the loopback address 127.0.0.1 is not followed;"
                    + " certdocs.linkFollowRedirectsToPrivate=true allows it", 1, false), r);
            assertEquals(0, inside.accepted());
        }
    }

    @Test
    void followRedirectsToPrivateFollowsIt() throws Exception {
        try (RawLoopbackServer inside = new RawLoopbackServer(OK_ANSWER)) {
            server.on("/hop", server.redirect(301, inside.url("/admin")));
            String url = server.url("/hop").replace("127.0.0.1", "localhost");

            UrlResult r;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(false, true), table("localhost", "8.8.8.8"))) {
                r = get(checker, url);
            }

            assertEquals(new UrlResult(url, Outcome.OK, 200, "200 OK at " + inside.url("/admin"), 2, false), r);
            assertEquals(1, inside.accepted());
        }
    }

    @Test
    void aSuccessSeenUnderALooserPolicyIsNotReusedUnderAStricterOne() throws Exception {
        settings.cacheTtl = Duration.ofHours(24);
        settings.cacheFile = temp.resolve("link-cache.json");
        try (RawLoopbackServer inside = new RawLoopbackServer(OK_ANSWER)) {
            server.on("/hop", server.redirect(301, inside.url("/admin")));
            String url = server.url("/hop").replace("127.0.0.1", "localhost");
            AddressPolicy.Resolver dns = table("localhost", "8.8.8.8");

            settings.followRedirectsToPrivate = true;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(false, true), dns)) {
                assertEquals(Outcome.OK, get(checker, url).outcome());
            }
            settings.followRedirectsToPrivate = false;
            UrlResult strict;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(false, false), dns)) {
                strict = get(checker, url);
            }
            int acceptedAfterStrict = inside.accepted();
            settings.followRedirectsToPrivate = true;
            UrlResult loose;
            try (ExternalLinkChecker checker = checker(AddressPolicy.of(false, true), dns)) {
                loose = get(checker, url);
            }

            assertEquals(Outcome.REFUSED, strict.outcome(), "the cached ok was not reused: " + strict);
            assertEquals(1, acceptedAfterStrict, "only the first run reached the inside server");
            assertEquals(2, loose.requests(), "the refusal was not cached, and it dropped the earlier ok: " + loose);
        }
    }

    @Test
    void aCachedSuccessFromBeforeTheAddressPolicyIsCheckedAgain() throws Exception {
        settings.cacheTtl = Duration.ofHours(24);
        settings.cacheFile = temp.resolve("link-cache.json");
        server.on("/a", server.status(200)).on("/b", server.status(200));
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        Files.writeString(settings.cacheFile, "{\"version\": 1, \"entries\": {"
                + "\"" + server.url("/a") + "\": {\"checkedAt\": \"2025-03-01T09:00:00Z\", \"status\": 200},"
                + "\"" + server.url("/b") + "\": {\"checkedAt\": \"2025-03-01T09:00:00Z\", \"status\": 200, \"allowed\": []}}}");

        try (ExternalLinkChecker checker = checker(Clock.fixed(now, ZoneOffset.UTC))) {
            assertFalse(get(checker, server.url("/a")).cached(), "written before the policy: it allowed everything");
            assertTrue(get(checker, server.url("/b")).cached());
        }
        assertEquals(1, server.requests("/a"));
        assertEquals(0, server.requests("/b"));
        assertTrue(Files.readString(settings.cacheFile).contains("\"allowed\" : [ ]"), Files.readString(settings.cacheFile));
    }

    // ---------------------------------------------------------------- headers and progress

    @Test
    void aHostHeaderIsSentWithItsValueFromTheEnvironmentButTheValueIsNeverLogged() throws Exception {
        settings.headers.put("127.0.0.1", Map.of("X-Api-Key", "CERTDOCS_TEST_KEY", "X-Other", "CERTDOCS_UNSET"));
        server.on("/private", (exchange, n) -> server.respond(exchange,
                "s3cret-token-value".equals(exchange.getRequestHeaders().getFirst("X-Api-Key")) ? 200 : 401));
        Function<String, String> environment = name -> name.equals("CERTDOCS_TEST_KEY") ? "s3cret-token-value" : null;

        UrlResult r;
        try (ExternalLinkChecker checker = new ExternalLinkChecker(settings.build(), log, environment, Clock.systemUTC(),
                FAST_BACKOFF)) {
            r = get(checker, server.url("/private"));
        }

        assertEquals(Outcome.OK, r.outcome());
        assertEquals(List.of("certdocs/test"), server.requestHeaders().get(0).get("User-agent"));
        assertEquals(List.of(
                "info: link check: sending header X-Api-Key to 127.0.0.1 (value from the environment variable CERTDOCS_TEST_KEY)",
                "warn: link check: the environment variable CERTDOCS_UNSET is not set; header X-Other is not sent to 127.0.0.1"),
                log.lines());
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("s3cret")));
    }

    @Test
    void statsCountUrlsRequestsAndOutcomes() throws Exception {
        server.on("/ok", server.status(200)).on("/missing", server.status(404));

        ExternalLinkChecker.Stats stats;
        try (ExternalLinkChecker checker = checker()) {
            checker.checkAll(List.of(server.url("/ok"), server.url("/missing"), "https://x.invalid/", "bad url"));
            stats = checker.stats();
        }

        assertEquals(4, stats.urls());
        assertEquals(3, stats.requests());
        assertEquals(0, stats.cacheHits());
        assertEquals(1, stats.byOutcome().get(Outcome.OK));
        assertEquals(1, stats.byOutcome().get(Outcome.BROKEN));
        assertEquals(1, stats.byOutcome().get(Outcome.UNREACHABLE));
        assertEquals(1, stats.byOutcome().get(Outcome.MALFORMED));
        assertEquals(0, stats.byOutcome().get(Outcome.TIMEOUT));
    }

    // ---------------------------------------------------------------- helpers

    private ExternalLinkChecker checker() {
        return checker(Clock.systemUTC());
    }

    private ExternalLinkChecker checker(Clock clock) {
        return new ExternalLinkChecker(settings.build(), log, name -> null, clock, FAST_BACKOFF);
    }

    private ExternalLinkChecker checker(AddressPolicy policy, AddressPolicy.Resolver resolver) {
        return new ExternalLinkChecker(settings.build(), log, name -> null, Clock.systemUTC(), FAST_BACKOFF, policy, resolver);
    }

    /** The standard policy that also refuses every address on {@code port}, as a test's stand-in for a forbidden host. */
    private static AddressPolicy refusing(int port) {
        AddressPolicy standard = AddressPolicy.of(false, false);
        return (target, previous) -> target.port() == port ? "test policy: port " + port : standard.refusal(target, previous);
    }

    /**
     * A look-up table instead of DNS: {@code name, address...}; an IP literal is parsed; any other
     * name is unknown, so no test ever asks a name server.
     */
    private static AddressPolicy.Resolver table(String... nameAndAddresses) {
        return host -> {
            if (nameAndAddresses.length > 0 && host.equalsIgnoreCase(nameAndAddresses[0])) {
                InetAddress[] out = new InetAddress[nameAndAddresses.length - 1];
                for (int i = 1; i < nameAndAddresses.length; i++) out[i - 1] = InetAddress.getByName(nameAndAddresses[i]);
                return out;
            }
            if (host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) return InetAddress.getAllByName(host);
            throw new java.net.UnknownHostException(host);
        };
    }

    private UrlResult checkOne(String url) throws Exception {
        try (ExternalLinkChecker checker = checker()) {
            return get(checker, url);
        }
    }

    private static UrlResult get(ExternalLinkChecker checker, String url) throws Exception {
        return checker.check(url, null).get(20, TimeUnit.SECONDS);
    }

    /** A TLS context with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private SSLContext selfSigned() throws Exception {
        Path store = temp.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    /** Keeps every line, "info: …", "warn: …", "error: …" (debug lines are dropped). */
    static final class RecordingLog implements BuildLog {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override public void info(String message) { lines.add("info: " + message); }
        @Override public void warn(String message) { lines.add("warn: " + message); }
        @Override public void error(String message) { lines.add("error: " + message); }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
