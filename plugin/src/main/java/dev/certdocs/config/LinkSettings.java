package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code check-links} (docs/design.md §5), with the design's defaults in {@link #defaults}.
 *
 * @param offline                check everything but external URLs (also under {@code mvn -o})
 * @param failOnBrokenLinks      failing links fail the build
 * @param concurrency            requests in flight at most, over all hosts
 * @param hostConcurrency        requests in flight at most to one host
 * @param hostInterval           the least time between two requests to one host
 * @param connectTimeout         time to connect
 * @param timeout                time for a whole request
 * @param retries                retries of timeouts, 5xx, 408 and 429
 * @param maxRetryWait           the longest wait a {@code Retry-After} may ask for
 * @param maxRedirects           redirects followed at most
 * @param maxBodyBytes           the most of a body read (only to check a #fragment)
 * @param cacheTtl               how long a success is remembered; zero disables the cache
 * @param cacheFile              the persistent result cache
 * @param checkExternalFragments check {@code #fragments} of external URLs (reads the body)
 * @param include                URL regular expressions to check; empty: all
 * @param exclude                URL regular expressions never checked (result: excluded)
 * @param statusMap              status code to treatment, e.g. {@code 403 -> warn}, {@code 999 -> skip}
 * @param headers                per host: header name to the environment variable holding its value
 * @param userAgent              the User-Agent sent, naming certdocs and its version
 * @param allowLinkLocal         connect to link-local and cloud metadata addresses too (off: never)
 * @param followRedirectsToPrivate follow a redirect from a public address to a private or loopback one
 */
public record LinkSettings(
        boolean offline,
        boolean failOnBrokenLinks,
        int concurrency,
        int hostConcurrency,
        Duration hostInterval,
        Duration connectTimeout,
        Duration timeout,
        int retries,
        Duration maxRetryWait,
        int maxRedirects,
        long maxBodyBytes,
        Duration cacheTtl,
        Path cacheFile,
        boolean checkExternalFragments,
        List<String> include,
        List<String> exclude,
        Map<Integer, String> statusMap,
        Map<String, Map<String, String>> headers,
        String userAgent,
        boolean allowLinkLocal,
        boolean followRedirectsToPrivate) {

    public LinkSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        statusMap = Map.copyOf(statusMap);
        headers = Map.copyOf(headers);
    }

    /** The defaults of docs/design.md §5, with the cache under {@code reportsDirectory}. */
    public static LinkSettings defaults(Path reportsDirectory) {
        return new LinkSettings(false, true, 64, 8, Duration.ofMillis(50), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(60), 10, 2L * 1024 * 1024, Duration.ofHours(24),
                reportsDirectory.resolve("link-cache.json"), false, List.of(), List.of(), Map.of(), Map.of(),
                "certdocs/" + Version.current() + " (+https://certdocs.dev/; link checker)", false, false);
    }

    /**
     * Parses a duration written as ISO-8601 ({@code PT30S}) or {@code 30s}, {@code 500ms},
     * {@code 24h}, {@code 5m}, {@code 2d}; a bare number is milliseconds.
     */
    public static Duration parseDuration(String text) {
        String t = text.strip();
        try {
            if (t.regionMatches(true, 0, "P", 0, 1)) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?").matcher(t.toLowerCase(java.util.Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            // fall through to the message below
        }
        throw new CertDocsException("'" + text + "' is not a duration: write PT30S, 30s, 500ms, 5m, 24h or 2d");
    }
}
