package dev.certdocs.link.http;

/**
 * How checking one external URL ended.
 *
 * @param url      the URL as requested (after the cloud's rewrite rules)
 * @param outcome  the result
 * @param status   the last HTTP status, or 0 when there was none
 * @param detail   a short explanation for the report ("404 Not Found", "connect timed out after 10 s",
 *                 "redirect loop: a -> b -> a", "no element with id 'x'")
 * @param requests how many HTTP requests were made for it (0 when cached, excluded or skipped)
 * @param cached   whether the result came from the cache
 */
public record UrlResult(String url, Outcome outcome, int status, String detail, int requests, boolean cached) {

    /**
     * Every URL ends in one of these (docs/design.md §5); {@link ExternalLinkChecker} says when.
     * {@code MALFORMED}: not a URL that can be requested (bad syntax, white space, no host, a
     * scheme other than http(s)), reported as {@code link/syntax}; no request is made.
     * {@code REFUSED}: the {@link AddressPolicy} refused the address of the link or of a
     * redirect, reported as {@code link/address-policy}; that request is not made.
     */
    public enum Outcome {
        OK, BROKEN, TIMEOUT, UNREACHABLE, RATE_LIMITED, BLOCKED, EXCLUDED, WARNED, MISSING_FRAGMENT, MALFORMED, REFUSED
    }
}
