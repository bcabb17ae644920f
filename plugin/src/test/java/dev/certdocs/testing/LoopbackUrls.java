package dev.certdocs.testing;

import dev.certdocs.link.ExternalUrls;
import dev.certdocs.link.http.UrlResult;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A small stand-in for the HTTP checker of {@code link.http}, for tests against servers they
 * start on loopback: HEAD, then GET when HEAD does not answer 2xx; no retries, no cache. It maps
 * answers to outcomes as docs/design.md §5 does (2xx ok; 429 rate-limited; 999, or 403 with
 * {@code cf-mitigated}, blocked; other 4xx/5xx broken; timeouts; refused connections unreachable).
 * It stands in for the address policy too: a URL whose path starts with {@code /refused} is
 * refused, with no request.
 */
public final class LoopbackUrls implements ExternalUrls {

    private final HttpClient client;
    private final Duration timeout;

    public LoopbackUrls(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Refuses, by throwing, any URL that is not on 127.0.0.1: a test must never reach the internet. */
    @Override
    public CompletableFuture<UrlResult> check(String url, String fragmentOrNull) {
        if (!URI.create(url).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("a test asked for " + url + "; tests may only reach 127.0.0.1");
        }
        if (URI.create(url).getPath().startsWith("/refused")) {
            return CompletableFuture.completedFuture(new UrlResult(url, UrlResult.Outcome.REFUSED, 0,
                    "the test's stand-in address policy refuses /refused", 0, false));
        }
        return send(url, "HEAD").thenCompose(head -> head.statusCode() / 100 == 2
                        ? CompletableFuture.completedFuture(result(url, head, 1))
                        : send(url, "GET").thenApply(get -> result(url, get, 2)))
                .exceptionally(e -> failure(url, e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e));
    }

    private CompletableFuture<HttpResponse<Void>> send(String url, String method) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private static UrlResult result(String url, HttpResponse<Void> r, int requests) {
        int s = r.statusCode();
        UrlResult.Outcome outcome;
        if (s / 100 == 2) outcome = UrlResult.Outcome.OK;
        else if (s == 429) outcome = UrlResult.Outcome.RATE_LIMITED;
        else if (s == 999 || (s == 403 && r.headers().firstValue("cf-mitigated").isPresent())) outcome = UrlResult.Outcome.BLOCKED;
        else outcome = UrlResult.Outcome.BROKEN;
        return new UrlResult(url, outcome, s, "HTTP " + s, requests, false);
    }

    private static UrlResult failure(String url, Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new UrlResult(url, UrlResult.Outcome.TIMEOUT, 0, "no connection in time", 1, false);
        }
        if (e instanceof HttpTimeoutException) return new UrlResult(url, UrlResult.Outcome.TIMEOUT, 0, "no answer in time", 1, false);
        if (e instanceof ConnectException) return new UrlResult(url, UrlResult.Outcome.UNREACHABLE, 0, "connection refused", 1, false);
        return new UrlResult(url, UrlResult.Outcome.UNREACHABLE, 0, e.getClass().getSimpleName(), 1, false);
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its threads end with the test JVM.
    }
}
