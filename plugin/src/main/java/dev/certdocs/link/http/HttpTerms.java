package dev.certdocs.link.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What HTTP's terms mean to the link checker, and how its messages word them: the URI a link
 * is requested at, which statuses redirect or are retried, a bot challenge, a
 * {@code Retry-After} value, a status's reason phrase, a duration, an exception's own message.
 * Pure functions, no state.
 */
final class HttpTerms {

    private HttpTerms() {
    }

    /**
     * The URI to request, or why there is none. Non-ASCII characters are percent-encoded, as a
     * browser does.
     */
    static URI requestUri(String url) throws URISyntaxException {
        for (int i = 0; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i))) {
                throw new URISyntaxException(url, "malformed URL: white space at index " + i);
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            String reason = e.getReason();
            reason = reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
            throw new URISyntaxException(url, "malformed URL: " + reason + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        String scheme = uri.getScheme();
        if (scheme == null) throw new URISyntaxException(url, "malformed URL: not absolute (no scheme)");
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new URISyntaxException(url, "unsupported scheme '" + scheme + "': only http and https URLs are checked");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            throw new URISyntaxException(url, authority == null || authority.isEmpty()
                    ? "malformed URL: no host" : "malformed URL: '" + authority + "' is not a valid host");
        }
        if (uri.getPort() > 65535) throw new URISyntaxException(url, "malformed URL: port " + uri.getPort() + " is out of range");
        // "http://host" is requested as "http://host/"; it also keeps URI.resolve from gluing a relative Location to the host
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            uri = new URI(uri.getScheme(), uri.getRawAuthority(), "/", null, null);
        }
        return URI.create(uri.toASCIIString());
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean isRetried(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /** The bot-challenge header of a 403, as "name: value", or null. */
    static String challenge(HttpHeaders headers) {
        Optional<String> cf = headers.firstValue("cf-mitigated");
        if (cf.isPresent() && cf.get().strip().equalsIgnoreCase("challenge")) return "cf-mitigated: challenge";
        Optional<String> waf = headers.firstValue("x-amzn-waf-action");
        return waf.map(v -> "x-amzn-waf-action: " + v.strip()).orElse(null);
    }

    /** The wait a {@code Retry-After} value asks for: delay-seconds or an HTTP date; empty when unreadable. */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Optional.of(v.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- wording

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms >= 60_000) return ms / 60_000 + " min " + ms / 1000 % 60 + " s";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String innermostMessage(Throwable t) {
        String message = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) message = c.getMessage();
        }
        if (message == null) return t.getClass().getSimpleName();
        int colon = message.lastIndexOf(": ");
        return colon >= 0 && colon < message.length() - 2 ? message.substring(colon + 2) : message;
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(203, "Non-Authoritative Information"),
            Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(418, "I'm a teapot"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(425, "Too Early"), Map.entry(426, "Upgrade Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(508, "Loop Detected"), Map.entry(511, "Network Authentication Required"));

    /** "404 Not Found"; a status without a standard reason is just its number. */
    static String statusText(int status) {
        String reason = REASONS.get(status);
        return reason == null ? String.valueOf(status) : status + " " + reason;
    }
}
