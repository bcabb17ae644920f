package dev.certdocs.link.http;

import dev.certdocs.support.BuildLog;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.link.http.UrlResult.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * The HTTP exchange for one URL, as docs/design.md §5 sets it: HEAD, then GET on any answer that is not
 * 2xx (GET at once when the body is needed), redirects followed with loop detection, retries of
 * timeouts, 5xx, 408 and 429 with back-off and jitter, {@code Retry-After} honoured up to its cap,
 * the status map, bounded body reads. Each request waits for its place at the {@link RequestGate}
 * and then for the {@link AddressPolicy}: the host is looked up and every address judged right
 * before the request is handed to the client, each hop and each retry again. An answer with an
 * unusual status is asked for again to read its {@link StatusLine}.
 * {@link ExternalLinkChecker} decides which URLs reach here (once each, after {@link UrlVerdicts} has
 * screened them); {@link UrlVerdicts} also says what a page fetched for a fragment means.
 *
 * <p>The limit of the address check: java.net.http offers no hook on the connection it opens, so
 * the client looks the host up a second time. Java's address cache ({@code networkaddress.cache.ttl},
 * 30 s by default) gives it the answer that was judged, so a name that changes its answer (DNS
 * rebinding) cannot slip another address in, unless that cache is turned off or its entry expires
 * in the instant between the two look-ups. Pinning the judged address instead would break the TLS
 * host name check. Through a proxy (the JVM's {@code http(s).proxyHost}), the proxy connects: the
 * policy judges this machine's answer for the host, and unusual statuses are not asked again.
 */
final class UrlFetcher {

    private final LinkSettings settings;
    private final BuildLog log;
    private final Clock clock;
    private final Duration backoffBase;
    private final Map<Integer, Outcome> statusMap;
    private final Map<String, Map<String, String>> hostHeaders;
    private final HttpClient client;
    private final RequestGate gate;
    private final ScheduledThreadPoolExecutor scheduler;
    private final AddressPolicy policy;
    private final AddressPolicy.Resolver resolver;
    private final Executor lookups;
    private final AtomicInteger requests = new AtomicInteger();

    /** @param lookups runs the host look-ups, which may block, and the status line reads */
    UrlFetcher(LinkSettings settings, BuildLog log, Clock clock, Duration backoffBase, Map<Integer, Outcome> statusMap,
            Map<String, Map<String, String>> hostHeaders, HttpClient client, RequestGate gate,
            ScheduledThreadPoolExecutor scheduler, AddressPolicy policy, AddressPolicy.Resolver resolver, Executor lookups) {
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        this.backoffBase = backoffBase;
        this.statusMap = statusMap;
        this.hostHeaders = hostHeaders;
        this.client = client;
        this.gate = gate;
        this.scheduler = scheduler;
        this.policy = policy;
        this.resolver = resolver;
        this.lookups = lookups;
    }

    /** Starts the requests for {@code uri}; {@code body}: GET at once and read the body (for a fragment). */
    CompletableFuture<Fetched> fetch(URI uri, boolean body) {
        return new Fetch(uri, body).start();
    }

    /** HTTP requests made so far. */
    int requests() {
        return requests.get();
    }

    /** How the requests for one URL ended, before its fragment is looked at. */
    record Fetched(Outcome outcome, int status, String detail, int requests, BoundedBody.Read body) {
    }

    /** The requests for one URL: HEAD then GET, redirects, retries. Each request waits for the gate. */
    private final class Fetch {
        private final URI start;
        private final boolean body;
        private final CompletableFuture<Fetched> done = new CompletableFuture<>();
        private final List<URI> chain = new ArrayList<>();
        private URI current;
        /** Where the current hop goes, once the policy admitted it; the hop before it, and the status that redirected. */
        private AddressPolicy.Endpoint target;
        private AddressPolicy.Endpoint previous;
        private int redirectStatus;
        private String method;
        private int retriesUsed;
        private int count;

        Fetch(URI start, boolean body) {
            this.start = start;
            this.body = body;
        }

        CompletableFuture<Fetched> start() {
            current = start;
            chain.add(start);
            method = body ? "GET" : "HEAD";
            send();
            return done;
        }

        private void send() {
            gate.acquire(current.getHost().toLowerCase(Locale.ROOT))
                    .thenAccept(permit -> lookups.execute(() -> guarded(permit, this::admit)))
                    .exceptionally(this::fail);
        }

        /** Runs a step on the look-up threads; a bug in it fails the URL's future instead of vanishing there. */
        private void guarded(RequestGate.Permit permit, java.util.function.Consumer<RequestGate.Permit> step) {
            try {
                step.accept(permit);
            } catch (RuntimeException | Error e) {
                permit.release();
                done.completeExceptionally(e);
                throw e;
            }
        }

        /**
         * Looks the host up and asks the policy, as late as can be (after the wait for the gate),
         * so the client's own look-up comes a moment later and finds the same answer in Java's cache.
         */
        private void admit(RequestGate.Permit permit) {
            AddressPolicy.Endpoint endpoint;
            try {
                endpoint = AddressPolicy.endpoint(current, resolver);
            } catch (UnknownHostException e) {
                permit.release();
                finish(Outcome.UNREACHABLE, 0, "unknown host '" + current.getHost() + "'" + at());
                return;
            }
            String refusal = policy.refusal(endpoint, previous);
            if (refusal != null) {
                permit.release();
                finish(Outcome.REFUSED, redirectStatus,
                        previous == null ? refusal : HttpTerms.statusText(redirectStatus) + " to " + current + ": " + refusal);
                return;
            }
            target = endpoint;
            sendWith(permit);
        }

        private void sendWith(RequestGate.Permit permit) {
            count++;
            requests.incrementAndGet();
            Attempt attempt = new Attempt(permit, body);
            attempt.deadline = scheduler.schedule(attempt::expire, settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            CompletableFuture<HttpResponse<BoundedBody.Read>> exchange;
            try {
                exchange = client.sendAsync(request(current, method), attempt::reader);
            } catch (IllegalArgumentException e) {
                attempt.deadline.cancel(false);
                permit.release();
                finish(Outcome.MALFORMED, 0, "cannot be requested: " + e.getMessage());
                return;
            }
            attempt.exchange = exchange;
            // The client runs this future's dependents on CompletableFuture's default pool, which
            // starts a thread per task on a machine with two cores or fewer; so the answer is taken
            // from the body reader, and this future only reports failures before there is a body.
            exchange.whenComplete((response, error) -> {
                if (error != null) attempt.settle(null, error);
            });
        }

        /**
         * One request: its permit, its deadline, and the one way it ends, the answer (its head
         * and the bounded body read) or a failure, whichever comes first.
         */
        private final class Attempt {
            private final RequestGate.Permit permit;
            private final boolean wantIds;
            private final AtomicBoolean settled = new AtomicBoolean();
            private final AtomicBoolean timedOut = new AtomicBoolean();
            private volatile HttpResponse.ResponseInfo head;
            private volatile BoundedBody reader;
            private volatile CompletableFuture<?> exchange;
            private volatile ScheduledFuture<?> deadline;

            Attempt(RequestGate.Permit permit, boolean wantIds) {
                this.permit = permit;
                this.wantIds = wantIds;
            }

            /** The body handler: ids are collected only from a 2xx page whose fragments are checked. */
            HttpResponse.BodySubscriber<BoundedBody.Read> reader(HttpResponse.ResponseInfo info) {
                head = info;
                BoundedBody b = new BoundedBody(settings.maxBodyBytes(), wantIds && info.statusCode() / 100 == 2);
                reader = b;
                b.getBody().whenComplete(this::settle);
                return b;
            }

            /** HttpRequest.timeout ends only the wait for the answer's head; this also bounds the body. */
            void expire() {
                timedOut.set(true);
                BoundedBody b = reader;
                if (b != null) b.abort(new HttpTimeoutException("request timed out"));
                CompletableFuture<?> x = exchange;
                if (x != null) x.cancel(true);
            }

            void settle(BoundedBody.Read read, Throwable error) {
                if (!settled.compareAndSet(false, true)) return;
                ScheduledFuture<?> d = deadline;
                if (d != null) d.cancel(false);
                permit.release();
                try {
                    if (error == null) answered(head, read);
                    else failed(error, timedOut.get());
                } catch (RuntimeException | Error e) {
                    // a bug: fail the URL's future rather than lose the exception in a callback
                    done.completeExceptionally(e);
                    throw e;
                }
            }
        }

        private Void fail(Throwable t) {
            // a bug in this class (the gate and the requests never fail otherwise): the URL's future says so
            done.completeExceptionally(t);
            return null;
        }

        private void answered(HttpResponse.ResponseInfo response, BoundedBody.Read read) {
            int status = response.statusCode();
            if (HttpTerms.isRedirect(status)) {
                Optional<String> location = response.headers().firstValue("location");
                if (location.isPresent()) {
                    follow(status, location.get());
                    return;
                }
            }
            if (status / 100 == 2) {
                finish(status, response, read);
                return;
            }
            boolean retry = HttpTerms.isRetried(status) && retriesUsed < settings.retries();
            if (method.equals("HEAD")) {
                // servers that mishandle HEAD answer 403, 404, 405, 501…: GET decides
                method = "GET";
                if (retry) retryLater(status, response.headers());
                else send();
                return;
            }
            if (retry) retryLater(status, response.headers());
            else finish(status, response, read);
        }

        private void failed(Throwable error, boolean timedOut) {
            Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (timedOut || t instanceof HttpTimeoutException) {
                if (retriesUsed < settings.retries()) {
                    retryLater(0, null);
                    return;
                }
                String what = t instanceof HttpConnectTimeoutException
                        ? "could not connect within " + HttpTerms.format(settings.connectTimeout())
                        : "no answer within " + HttpTerms.format(settings.timeout());
                finish(Outcome.TIMEOUT, 0, what + attempts() + at());
                return;
            }
            if (!(t instanceof IOException)) {
                done.completeExceptionally(t);
                return;
            }
            finish(Outcome.UNREACHABLE, 0, unreachable(t) + at());
        }

        private String unreachable(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                    return "unknown host '" + current.getHost() + "'";
                }
                if (c instanceof SSLException) return "TLS handshake failed: " + HttpTerms.innermostMessage(c);
            }
            if (t instanceof ConnectException) {
                return t.getMessage() == null || t.getMessage().toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused" : "cannot connect: " + t.getMessage();
            }
            return "connection failed: " + HttpTerms.innermostMessage(t);
        }

        private void follow(int status, String location) {
            URI next;
            try {
                String resolved = current.resolve(new URI(location.strip())).toString();
                int hash = resolved.indexOf('#');
                next = HttpTerms.requestUri(hash < 0 ? resolved : resolved.substring(0, hash));
            } catch (URISyntaxException | IllegalArgumentException e) {
                finish(Outcome.BROKEN, status, HttpTerms.statusText(status) + " to a Location that cannot be followed: '" + location + "'"
                        + at());
                return;
            }
            if (chain.contains(next)) {
                chain.add(next);
                finish(Outcome.BROKEN, status, "redirect loop: " + chainText());
                return;
            }
            if (chain.size() > settings.maxRedirects()) {
                chain.add(next);
                finish(Outcome.BROKEN, status, "more than " + settings.maxRedirects() + " redirects: " + chainText());
                return;
            }
            chain.add(next);
            previous = target;
            redirectStatus = status;
            current = next;
            retriesUsed = 0;
            send();
        }

        private void retryLater(int status, HttpHeaders headers) {
            retriesUsed++;
            Duration wait = backoff(retriesUsed);
            Optional<String> header = headers == null ? Optional.empty() : headers.firstValue("retry-after");
            Optional<Duration> asked = header.flatMap(v -> HttpTerms.retryAfter(v, clock));
            if (asked.isPresent()) {
                boolean capped = asked.get().compareTo(settings.maxRetryWait()) > 0;
                wait = capped ? settings.maxRetryWait() : asked.get();
                log.info("link check: " + current + " answered " + status + " with Retry-After: " + header.get().strip()
                        + "; waiting " + HttpTerms.format(wait) + (capped ? " (capped by certdocs.linkMaxRetryWait)" : "")
                        + " before retry " + retriesUsed + " of " + settings.retries());
            } else {
                log.debug("link check: " + current + (status == 0 ? " timed out" : " answered " + status)
                        + "; retry " + retriesUsed + " of " + settings.retries() + " in " + HttpTerms.format(wait));
            }
            scheduler.schedule(this::send, wait.toNanos(), TimeUnit.NANOSECONDS);
        }

        private Duration backoff(int retry) {
            long base = backoffBase.toNanos() << Math.min(retry - 1, 20);
            long jitter = (long) (ThreadLocalRandom.current().nextDouble() * base / 2);
            Duration d = Duration.ofNanos(base + jitter);
            return d.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : d;
        }

        private void finish(int status, HttpResponse.ResponseInfo response, BoundedBody.Read read) {
            if (StatusLine.unusual(status) && response.version() == HttpClient.Version.HTTP_1_1 && direct(current)) {
                gate.acquire(current.getHost().toLowerCase(Locale.ROOT))
                        .thenAccept(permit -> lookups.execute(() -> guarded(permit, p -> verify(p, status, response, read))))
                        .exceptionally(this::fail);
                return;
            }
            classify(status, response, read);
        }

        /** Reads the status line again, from the address the policy admitted: a malformed one is a protocol error. */
        private void verify(RequestGate.Permit permit, int status, HttpResponse.ResponseInfo response, BoundedBody.Read read) {
            count++;
            requests.incrementAndGet();
            String line;
            try {
                line = StatusLine.read(target.addresses().get(0), current, target.port(), method, settings.userAgent(),
                        settings.connectTimeout(), settings.timeout());
            } catch (IOException e) {
                line = null; // it cannot be read again: the status the client read stands
            } finally {
                permit.release();
            }
            if (line != null && !StatusLine.wellFormed(line)) {
                finish(Outcome.UNREACHABLE, 0, "malformed status line '" + StatusLine.shown(line) + "'" + at());
            } else {
                classify(status, response, read);
            }
        }

        private void classify(int status, HttpResponse.ResponseInfo response, BoundedBody.Read read) {
            String text = HttpTerms.statusText(status) + at();
            Outcome mapped = statusMap.get(status);
            if (mapped != null) {
                finish(mapped, status, text + attempts() + " (status map: " + status + " -> "
                        + settings.statusMap().get(status).strip().toLowerCase(Locale.ROOT) + ")", read);
            } else if (status / 100 == 2) {
                finish(Outcome.OK, status, text, read);
            } else if (status == 999) {
                finish(Outcome.BLOCKED, status, text + " (the server refuses automated requests)", null);
            } else if (status == 403 && HttpTerms.challenge(response.headers()) != null) {
                finish(Outcome.BLOCKED, status, text + " with " + HttpTerms.challenge(response.headers())
                        + " (a bot challenge; check it in a browser)", null);
            } else if (status == 429) {
                finish(Outcome.RATE_LIMITED, status, text + attempts(), null);
            } else {
                finish(Outcome.BROKEN, status, text + attempts(), null);
            }
        }

        private void finish(Outcome outcome, int status, String detail) {
            finish(outcome, status, detail, null);
        }

        private void finish(Outcome outcome, int status, String detail, BoundedBody.Read read) {
            done.complete(new Fetched(outcome, status, detail, count, read));
        }

        private String at() {
            return chain.size() > 1 ? " at " + current : "";
        }

        private String attempts() {
            return retriesUsed == 0 ? "" : " after " + retriesUsed + (retriesUsed == 1 ? " retry" : " retries");
        }

        private String chainText() {
            return String.join(" -> ", chain.stream().map(URI::toString).toList());
        }
    }

    // ---------------------------------------------------------------- requests

    private HttpRequest request(URI uri, String method) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        hostHeaders.getOrDefault(uri.getHost().toLowerCase(Locale.ROOT), Map.of()).forEach(b::header);
        return b.build();
    }

    /** Whether the client connects to the host itself, with no proxy between. */
    private static boolean direct(URI uri) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) return true;
        try {
            return selector.select(uri).stream().allMatch(p -> p.type() == Proxy.Type.DIRECT);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
