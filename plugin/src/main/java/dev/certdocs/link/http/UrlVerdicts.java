package dev.certdocs.link.http;

import dev.certdocs.config.LinkSettings;
import dev.certdocs.link.http.UrlResult.Outcome;
import dev.certdocs.model.PercentEncoding;
import dev.certdocs.support.CertDocsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a URL's check ends in, apart from the HTTP exchange ({@link UrlFetcher}) and its
 * scheduling ({@link ExternalLinkChecker}): the results found without a request (an
 * {@code exclude} or {@code include} pattern, a malformed URL, a {@code .invalid} host, a cached
 * success), the result of a page fetched for a fragment (found or not), and the words of the
 * status map. The outcomes are listed at {@link Outcome}.
 */
final class UrlVerdicts {

    private static final Map<String, Outcome> STATUS_MAP_WORDS =
            Map.of("ok", Outcome.OK, "warn", Outcome.WARNED, "skip", Outcome.EXCLUDED, "error", Outcome.BROKEN,
                    "broken", Outcome.BROKEN);

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    /** @throws CertDocsException when an include or exclude pattern is not a regular expression */
    UrlVerdicts(LinkSettings settings) {
        this.include = patterns(settings.include(), "include");
        this.exclude = patterns(settings.exclude(), "exclude");
    }

    /**
     * A URL as it is to be requested, or its result when it is not to be requested.
     *
     * @param result the result found without a request, or null
     * @param uri    the URI to request when {@code result} is null
     */
    record Screened(UrlResult result, URI uri) {
    }

    /**
     * Judges {@code base} (the URL without its fragment) before any request: excluded, malformed,
     * a {@code .invalid} host, or the URI to request. The result names the URL {@code shown}.
     */
    Screened screen(String shown, String base) {
        for (Pattern p : exclude) {
            if (p.matcher(base).find()) {
                return found(new UrlResult(shown, Outcome.EXCLUDED, 0, "excluded by the pattern '" + p + "'", 0, false));
            }
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(base).find())) {
            return found(new UrlResult(shown, Outcome.EXCLUDED, 0, "matches no include pattern", 0, false));
        }
        URI uri;
        try {
            uri = HttpTerms.requestUri(base);
        } catch (URISyntaxException e) {
            return found(new UrlResult(shown, Outcome.MALFORMED, 0, e.getReason(), 0, false));
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("invalid") || host.endsWith(".invalid")) {
            return found(new UrlResult(shown, Outcome.UNREACHABLE, 0,
                    "unknown host '" + uri.getHost() + "' (.invalid names never resolve)", 0, false));
        }
        return new Screened(null, uri);
    }

    private static Screened found(UrlResult result) {
        return new Screened(result, null);
    }

    /** The result of a success found in the cache, with no request. */
    static UrlResult cached(String shown, LinkCache.Entry hit) {
        return new UrlResult(shown, Outcome.OK, hit.status(),
                HttpTerms.statusText(hit.status()) + " (cached, checked " + hit.checkedAt() + ")", 0, true);
    }

    /** The result of the requests for a URL; with a {@code fragment}, whether the page fetched has it. */
    static UrlResult fetched(String shown, UrlFetcher.Fetched f, String fragment) {
        if (fragment == null || f.outcome() != Outcome.OK || f.body() == null || f.body().ids() == null) {
            return new UrlResult(shown, f.outcome(), f.status(), f.detail(), f.requests(), false);
        }
        if (fragmentFound(fragment, f.body().ids())) {
            return new UrlResult(shown, Outcome.OK, f.status(), f.detail() + ", #" + fragment + " found", f.requests(), false);
        }
        String read = f.body().truncated() ? "in the first " + f.body().bytes() + " bytes" : "in the page";
        return new UrlResult(shown, Outcome.MISSING_FRAGMENT, f.status(),
                "no element with id or name '" + fragment + "' " + read, f.requests(), false);
    }

    static boolean fragmentFound(String fragment, Collection<String> ids) {
        if (fragment.equals("top") || fragment.startsWith("/") || fragment.startsWith("!")) return true;
        if (ids.contains(fragment)) return true;
        return ids.contains(PercentEncoding.decode(fragment));
    }

    /**
     * The status map's words as outcomes (case-insensitive).
     *
     * @throws CertDocsException for a word other than ok, warn, skip, error or broken
     */
    static Map<Integer, Outcome> statusMap(Map<Integer, String> map) {
        Map<Integer, Outcome> out = new TreeMap<>();
        map.forEach((status, word) -> {
            Outcome o = word == null ? null : STATUS_MAP_WORDS.get(word.strip().toLowerCase(Locale.ROOT));
            if (o == null) {
                throw new CertDocsException("link status map: '" + status + " -> " + word
                        + "' is not understood; write ok, warn, skip or error");
            }
            out.put(status, o);
        });
        return Map.copyOf(out);
    }

    private static List<Pattern> patterns(List<String> regexes, String what) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new CertDocsException("link " + what + " pattern '" + r + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        return List.copyOf(out);
    }
}
