package dev.certdocs.link;

import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Progress;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.link.http.UrlResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The external URLs of a run: every use (where, in which cloud) gathered by unique URL, then each
 * unique URL checked once, and its result turned into a diagnostic at every place that uses it.
 */
final class ExternalLinks {

    /** A URL as requested: without its fragment, and the fragment when fragments are checked. */
    private record UrlKey(String url, String fragment) implements Comparable<UrlKey> {
        @Override
        public int compareTo(UrlKey o) {
            int c = url.compareTo(o.url);
            return c != 0 ? c : String.valueOf(fragment).compareTo(String.valueOf(o.fragment));
        }

        String display() {
            return fragment == null ? url : url + "#" + fragment;
        }
    }

    /** One place a URL is used: the link, the cloud, and the URL as written there (before the cloud's rewrite). */
    private record Use(Findings.LinkKey key, String cloud, String written) {
    }

    /** The counts by result, and how many unique URLs were left unchecked offline. */
    record Outcome(Map<UrlResult.Outcome, Integer> counts, int notChecked) {
    }

    /** How often a long run says how far it has got. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final boolean checkFragments;
    private final Duration progressEvery;
    private final Map<UrlKey, List<Use>> uses = new ConcurrentHashMap<>();

    ExternalLinks(boolean checkFragments) {
        this(checkFragments, PROGRESS_EVERY);
    }

    ExternalLinks(boolean checkFragments, Duration progressEvery) {
        this.checkFragments = checkFragments;
        this.progressEvery = progressEvery;
    }

    /** Records that the link {@code key} reaches {@code url} (after rewrites) in {@code cloud}. */
    void use(String url, String written, Findings.LinkKey key, String cloud) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = checkFragments && hash >= 0 && hash + 1 < url.length() ? url.substring(hash + 1) : null;
        uses.computeIfAbsent(new UrlKey(base, fragment), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Use(key, cloud, written));
    }

    /** Checks every unique URL once, or none when {@code checker} is null (offline). */
    Outcome check(Supplier<ExternalUrls> checker, Findings findings, BuildLog log) {
        Map<UrlResult.Outcome, Integer> counts = new EnumMap<>(UrlResult.Outcome.class);
        if (uses.isEmpty()) return new Outcome(counts, 0);
        Map<UrlKey, List<Use>> sorted = new TreeMap<>(uses);
        if (checker == null) {
            log.info("offline: " + sorted.size() + " external URL" + (sorted.size() == 1 ? "" : "s") + " not checked");
            return new Outcome(counts, sorted.size());
        }
        Map<UrlKey, CompletableFuture<UrlResult>> futures = new LinkedHashMap<>();
        AtomicInteger done = new AtomicInteger();
        try (ExternalUrls urls = checker.get()) {
            sorted.keySet().forEach(k -> futures.put(k, urls.check(k.url(), k.fragment())));
            futures.values().forEach(f -> f.whenComplete((r, e) -> done.incrementAndGet()));
            await(CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)), done, futures.size(), log);
        }
        int cached = 0;
        for (var e : futures.entrySet()) {
            UrlResult result = result(e.getKey(), e.getValue());
            counts.merge(result.outcome(), 1, Integer::sum);
            if (result.cached()) cached++;
            for (Use use : sorted.get(e.getKey())) report(e.getKey(), result, use, findings);
        }
        if (cached > 0) {
            log.info(cached + " of " + futures.size() + " external URL" + (futures.size() == 1 ? "" : "s")
                    + " ok from the link cache, not requested again");
        }
        return new Outcome(counts, 0);
    }

    /** Waits for every answer, saying every {@link #progressEvery} how many there are, how fast, and how long is left. */
    private void await(CompletableFuture<Void> all, AtomicInteger done, int total, BuildLog log) {
        long start = System.nanoTime();
        while (true) {
            try {
                all.get(progressEvery.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                log.info(progress(done.get(), total, Duration.ofNanos(System.nanoTime() - start)));
            } catch (ExecutionException e) {
                return; // each URL's failure is read from its own future
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CertDocsException("link checking was interrupted", e);
            }
        }
    }

    /** {@code external URLs: 1200/20000 checked, 350.0/s, about 54 s left}. */
    static String progress(int done, int total, Duration elapsed) {
        return Progress.line("external URLs", "checked", done, total, elapsed);
    }

    private static UrlResult result(UrlKey k, CompletableFuture<UrlResult> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            // The checker promises results, not exceptions; should one slip through, it is this URL's problem only.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new UrlResult(k.display(), UrlResult.Outcome.UNREACHABLE, 0, "the checker failed: " + cause, 0, false);
        }
    }

    private static void report(UrlKey k, UrlResult r, Use use, Findings findings) {
        String url = k.display();
        String detail = r.detail() == null || r.detail().isBlank() ? "" : ": " + r.detail();
        String rewritten = use.written().equals(url) || use.written().startsWith(url + "#") ? ""
                : " (rewritten from " + use.written() + ")";
        Rule rule;
        Severity severity = null;
        String message;
        switch (r.outcome()) {
            case OK, EXCLUDED -> {
                return;
            }
            case BROKEN -> {
                rule = Rules.LINK_BROKEN_EXTERNAL;
                message = url + " is broken" + detail;
            }
            case WARNED -> {
                rule = Rules.LINK_BROKEN_EXTERNAL;
                severity = Severity.WARNING;
                message = url + " answered" + (detail.isEmpty() ? " with a status the status map makes a warning" : detail);
            }
            case TIMEOUT -> {
                rule = Rules.LINK_TIMEOUT;
                message = url + " timed out" + detail;
            }
            case UNREACHABLE -> {
                rule = Rules.LINK_UNREACHABLE;
                message = url + " is unreachable" + detail;
            }
            case RATE_LIMITED -> {
                rule = Rules.LINK_RATE_LIMITED;
                message = url + " is rate-limited" + detail;
            }
            case BLOCKED -> {
                rule = Rules.LINK_BLOCKED;
                message = url + " blocked the link checker" + detail;
            }
            case REFUSED -> {
                rule = Rules.LINK_ADDRESS_POLICY;
                message = url + " is refused by the address policy" + detail;
            }
            case MISSING_FRAGMENT -> {
                rule = Rules.LINK_MISSING_ANCHOR;
                message = url + " has no anchor '#" + k.fragment() + "'" + detail;
            }
            default -> throw new IllegalStateException("unknown outcome " + r.outcome());
        }
        findings.external(rule, severity, use.key(), message + rewritten, use.cloud());
    }
}
