package dev.certdocs.link.http;

import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.link.http.UrlResult.Outcome;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Checks external {@code http(s)} URLs as docs/design.md §5 describes, politely and each once per run.
 * Make one per run, ask it for every URL, then {@link #close()} it (which writes the cache).
 *
 * <p>What it guarantees:
 * <ul>
 *   <li><b>Once per URL.</b> However often a URL is asked for, and however many callers ask at
 *       the same time, it is requested at most once per run: requests in flight are shared and
 *       results remembered. (With {@code checkExternalFragments}, a URL first checked without a
 *       fragment and later with one is fetched a second time, with GET, to read its body;
 *       {@link #checkAll} asks for the fragment links first to avoid that.)</li>
 *   <li><b>Limits.</b> At most {@code concurrency} requests in flight over all hosts and
 *       {@code hostConcurrency} to one host name (ports do not count), with at least
 *       {@code hostInterval} between two request starts to one host. A request waiting for its
 *       turn holds no thread. Every hop of a redirect chain and every retry is a request and
 *       waits for its turn; a retry waits for its back-off without holding a place.</li>
 *   <li><b>Requests.</b> One {@link HttpClient} (HTTP/1.1 and 2, redirects not followed by the
 *       client). HEAD first; any answer to HEAD other than 2xx or a redirect is asked again with
 *       GET (many servers mishandle HEAD with 403, 404, 405 or 501). A body is never downloaded
 *       beyond {@code maxBodyBytes}: without a fragment to check it is dropped as it arrives and
 *       the connection is closed at the limit; with one (and {@code checkExternalFragments}) the
 *       URL is fetched with GET and the {@code id} and {@code name} attributes of the first
 *       {@code maxBodyBytes} are searched. Redirects (301, 302, 303, 307, 308) are followed up to
 *       {@code maxRedirects}, a URL seen twice in a chain is a loop. {@code connectTimeout}
 *       bounds connecting and {@code timeout} the whole request, body included.</li>
 *   <li><b>Addresses.</b> Before every request (each hop, each retry) the host is looked up and
 *       the {@link AddressPolicy} judges every address: by default no link-local or cloud
 *       metadata address is connected to, and no redirect from a public address to a private or
 *       loopback one is followed ({@code allowLinkLocal}, {@code followRedirectsToPrivate} turn
 *       each rule off). The limit of this check (the client looks the name up again) is in
 *       {@link UrlFetcher}.</li>
 *   <li><b>Retries.</b> Timeouts, 5xx, 408 and 429 are tried again up to {@code retries} times,
 *       after an exponential back-off of 1 s, 2 s, 4 s… plus up to half as much again of random
 *       jitter, or after the wait a {@code Retry-After} header asks for (seconds or an HTTP date),
 *       never longer than {@code maxRetryWait}. A {@code Retry-After} wait is logged (info), once
 *       per wait. DNS, TLS and connection failures are not retried.</li>
 *   <li><b>Headers.</b> {@code User-Agent} is {@code userAgent}. The per-host headers of
 *       {@code headers} (host name, exactly, to header name to environment variable) are sent
 *       only to that host, also on a redirect hop, never to another; their values are read from
 *       the environment once and never logged, only the header names are.</li>
 *   <li><b>Cache.</b> A URL found {@link Outcome#OK} less than {@code cacheTtl} ago (in
 *       {@code cacheFile}) is not requested: its result says {@code cached}. Only successes are
 *       stored, with the time they were really checked; anything else is checked again every
 *       run. A zero TTL turns the cache off. An unreadable cache file is ignored with a warning;
 *       {@link #close()} writes it anew, atomically. A success is reused only by a run whose
 *       address policy allows at least what the policy of its check allowed (see {@link LinkCache}).</li>
 * </ul>
 *
 * <p>Every URL ends in one {@link Outcome}; its Javadoc says which outcome when, and what the
 * status map changes. This class schedules the checks; what a URL's check ends in is decided by {@link UrlFetcher}
 * (the HTTP exchange) and {@link UrlVerdicts} (patterns, malformed URLs, cached successes, fragments).
 */
public final class ExternalLinkChecker implements AutoCloseable {

    /**
     * What a run did so far.
     *
     * @param urls      unique URLs (with their fragment, when fragments are checked) with a result
     * @param requests  HTTP requests made
     * @param cacheHits URLs answered from the cache, with no request
     * @param byOutcome how many URLs ended in each outcome (every outcome present, zero included)
     */
    public record Stats(int urls, int requests, int cacheHits, Map<Outcome, Integer> byOutcome) {
        public Stats {
            byOutcome = Collections.unmodifiableMap(new EnumMap<>(byOutcome));
        }
    }

    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

    private final LinkSettings settings;
    private final BuildLog log;
    private final UrlVerdicts verdicts;
    private final LinkCache cache;

    private final ExecutorService executor;
    private final ScheduledThreadPoolExecutor scheduler;
    private final HttpClient client;
    private final UrlFetcher fetcher;

    private final Map<String, CompletableFuture<UrlResult>> results = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<UrlFetcher.Fetched>> headFetches = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<UrlFetcher.Fetched>> bodyFetches = new ConcurrentHashMap<>();
    private final AtomicInteger cacheHits = new AtomicInteger();

    /** A checker reading header values from the process environment. */
    public ExternalLinkChecker(LinkSettings settings, BuildLog log) {
        this(settings, log, System::getenv);
    }

    /**
     * @param environment gives the value of an environment variable named in
     *                    {@code settings.headers()}, or null when it is not set
     * @throws CertDocsException when a pattern, the status map or a header is unusable
     */
    public ExternalLinkChecker(LinkSettings settings, BuildLog log, Function<String, String> environment) {
        this(settings, log, environment, Clock.systemUTC(), BACKOFF_BASE);
    }

    /** For tests: a fixed clock for the cache TTL and a short back-off. */
    ExternalLinkChecker(LinkSettings settings, BuildLog log, Function<String, String> environment, Clock clock,
            Duration backoffBase) {
        this(settings, log, environment, clock, backoffBase,
                AddressPolicy.of(settings.allowLinkLocal(), settings.followRedirectsToPrivate()), InetAddress::getAllByName);
    }

    /** For tests: also the address policy and the host look-up (a table, so no name leaves the machine). */
    ExternalLinkChecker(LinkSettings settings, BuildLog log, Function<String, String> environment, Clock clock,
            Duration backoffBase, AddressPolicy policy, AddressPolicy.Resolver resolver) {
        if (settings.concurrency() < 1 || settings.hostConcurrency() < 1) {
            throw new CertDocsException("link concurrency must be at least 1 (certdocs.linkConcurrency is "
                    + settings.concurrency() + ", certdocs.linkHostConcurrency " + settings.hostConcurrency() + ")");
        }
        this.settings = settings;
        this.log = log;
        this.verdicts = new UrlVerdicts(settings);
        Map<Integer, Outcome> statusMap = UrlVerdicts.statusMap(settings.statusMap());
        Map<String, Map<String, String>> hostHeaders = hostHeaders(settings.headers(), environment, log);
        this.cache = LinkCache.load(settings.cacheFile(), settings.cacheTtl(), clock,
                LinkCache.allowances(settings.allowLinkLocal(), settings.followRedirectsToPrivate()), log);

        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "certdocs-link-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // the client's own work and the requests' continuations; blocking is rare (name lookups)
        this.executor = Executors.newFixedThreadPool(Math.max(2, Math.min(settings.concurrency(), 64)), threads);
        this.scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(executor)
                .build();
        // a granted request starts in the thread that freed its place: sendAsync hands its work to the executor at once
        RequestGate gate = new RequestGate(settings.concurrency(), settings.hostConcurrency(), settings.hostInterval().toNanos(),
                System::nanoTime, (task, delay) -> scheduler.schedule(task, delay, TimeUnit.NANOSECONDS), Runnable::run);
        this.fetcher = new UrlFetcher(settings, log, clock, backoffBase, statusMap, hostHeaders, client, gate, scheduler,
                policy, resolver, executor);
    }

    /**
     * The result for {@code url}, requesting it unless it was asked for before in this run (or
     * is in the cache, excluded or malformed).
     *
     * @param url            an absolute URL; a {@code #fragment} in it is used when
     *                       {@code fragmentOrNull} is null
     * @param fragmentOrNull the fragment to find in the page (only with {@code checkExternalFragments};
     *                       ignored otherwise), without {@code #}
     */
    public CompletableFuture<UrlResult> check(String url, String fragmentOrNull) {
        Objects.requireNonNull(url, "url");
        String base = url;
        String fragment = fragmentOrNull;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            base = url.substring(0, hash);
            if (fragment == null) fragment = url.substring(hash + 1);
        }
        if (fragment != null && (fragment.isEmpty() || !settings.checkExternalFragments())) fragment = null;
        String key = fragment == null ? base : base + "#" + fragment;

        CompletableFuture<UrlResult> known = results.get(key);
        if (known != null) return known.copy();
        CompletableFuture<UrlResult> mine = new CompletableFuture<>();
        known = results.putIfAbsent(key, mine);
        if (known != null) return known.copy();

        // completed on the checker's threads, so a caller's continuation never runs inside the client's own
        evaluate(key, base, fragment).whenCompleteAsync((result, error) -> {
            if (error != null) {
                mine.completeExceptionally(error);
                return;
            }
            if (result.outcome() == Outcome.OK && !result.cached()) cache.putSuccess(key, result.status());
            else if (result.outcome() != Outcome.OK && result.outcome() != Outcome.EXCLUDED) cache.forget(key);
            mine.complete(result);
        }, executor);
        return mine.copy();
    }

    /**
     * Checks every URL (a {@code #fragment} in one is checked when {@code checkExternalFragments}
     * is on) and waits for all of them.
     *
     * @return each distinct URL as given to its result, in the order given
     */
    public Map<String, UrlResult> checkAll(Collection<String> urls) {
        List<String> order = new ArrayList<>(new LinkedHashSet<>(urls));
        Map<String, CompletableFuture<UrlResult>> futures = new LinkedHashMap<>();
        if (settings.checkExternalFragments()) {
            // fragment links first: a URL wanted with and without a fragment is then fetched once, with GET
            for (String u : order) {
                if (u.indexOf('#') >= 0) futures.put(u, check(u, null));
            }
        }
        for (String u : order) futures.computeIfAbsent(u, k -> check(k, null));
        Map<String, UrlResult> out = new LinkedHashMap<>();
        for (String u : order) out.put(u, futures.get(u).join());
        return out;
    }

    /** What the run did so far; counts only URLs whose check has ended. */
    public Stats stats() {
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) byOutcome.put(o, 0);
        int urls = 0;
        for (CompletableFuture<UrlResult> f : results.values()) {
            if (!f.isDone() || f.isCompletedExceptionally()) continue;
            urls++;
            byOutcome.merge(f.join().outcome(), 1, Integer::sum);
        }
        return new Stats(urls, fetcher.requests(), cacheHits.get(), byOutcome);
    }

    /** Writes the cache and stops the threads; checks still pending end with a {@link CancellationException}. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        executor.shutdownNow();
        for (CompletableFuture<UrlResult> f : results.values()) {
            f.completeExceptionally(new CancellationException("the link checker was closed"));
        }
        try {
            cache.save();
        } catch (CertDocsException e) {
            log.warn(e.getMessage() + "; the next run checks every URL again");
        }
    }

    // ---------------------------------------------------------------- one URL

    private CompletableFuture<UrlResult> evaluate(String key, String base, String fragment) {
        UrlVerdicts.Screened screened = verdicts.screen(key, base);
        if (screened.result() != null) return done(screened.result());
        LinkCache.Entry hit = cache.success(key);
        if (hit != null) {
            cacheHits.incrementAndGet();
            return done(UrlVerdicts.cached(key, hit));
        }
        return fetch(base, screened.uri(), fragment != null).thenApply(f -> UrlVerdicts.fetched(key, f, fragment));
    }

    private static CompletableFuture<UrlResult> done(UrlResult result) {
        return CompletableFuture.completedFuture(result);
    }

    private CompletableFuture<UrlFetcher.Fetched> fetch(String url, URI uri, boolean body) {
        if (!body) {
            CompletableFuture<UrlFetcher.Fetched> withBody = bodyFetches.get(url);
            if (withBody != null) return withBody;
        }
        return (body ? bodyFetches : headFetches).computeIfAbsent(url, k -> fetcher.fetch(uri, body));
    }

    // ---------------------------------------------------------------- headers

    /** Reads the header values once; only header names and variable names are ever logged. */
    private static Map<String, Map<String, String>> hostHeaders(Map<String, Map<String, String>> headers,
            Function<String, String> environment, BuildLog log) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        new TreeMap<>(headers).forEach((host, byName) -> new TreeMap<>(byName).forEach((name, variable) -> {
            String value = environment.apply(variable);
            if (value == null) {
                log.warn("link check: the environment variable " + variable + " is not set; header " + name
                        + " is not sent to " + host);
                return;
            }
            try {
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
            } catch (IllegalArgumentException e) {
                throw new CertDocsException("link header " + name + " for " + host + " cannot be sent: the name is "
                        + "restricted or not a token, or the value of " + variable + " holds characters a header cannot");
            }
            out.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new LinkedHashMap<>()).put(name, value);
            log.info("link check: sending header " + name + " to " + host + " (value from the environment variable "
                    + variable + ")");
        }));
        return Map.copyOf(out);
    }

}
