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
     * Every URL ends in one of these (docs/design.md §5; {@link ExternalLinkChecker} checks them):
     * <ul>
     *   <li>{@code OK}: a 2xx answer (after redirects); {@code MISSING_FRAGMENT}: a 2xx answer whose
     *       first {@code maxBodyBytes} have no element with the fragment's id or name (the fragments
     *       {@code top}, and those starting with {@code /} or {@code !}, which scripts handle, always pass).</li>
     *   <li>{@code BROKEN}: a 4xx or 5xx answer after retries; too many redirects; a redirect loop.</li>
     *   <li>{@code TIMEOUT}: no answer in time, after retries. {@code UNREACHABLE}: unknown host
     *       (every host under {@code .invalid}, without a lookup), TLS failure (a self-signed or
     *       expired certificate), connection refused or closed, a malformed status line (java.net.http
     *       reads {@code HTTP/1.1 99999999999} as 999: an answer with a status outside 100–599 is
     *       asked for once more over a socket to read its status line as sent).</li>
     *   <li>{@code REFUSED}: the address policy refused the link's address or a redirect's; the
     *       detail says which address and which parameter allows it. Reported as
     *       {@code link/address-policy}; that request is not made.</li>
     *   <li>{@code RATE_LIMITED}: still 429 after retries. {@code BLOCKED}: 999, or 403 with a bot
     *       challenge header ({@code cf-mitigated: challenge}, {@code x-amzn-waf-action}): the
     *       server refuses robots, which says nothing of the link.</li>
     *   <li>{@code EXCLUDED}: matched by an {@code exclude} pattern, or not by any {@code include}
     *       pattern when there are some (regular expressions found anywhere in the URL without its
     *       fragment): no request is made.</li>
     *   <li>{@code MALFORMED}: not a URL that can be requested (bad syntax, white space, no host, a
     *       scheme other than http and https), reported as {@code link/syntax}: no request is made.</li>
     * </ul>
     *
     * <p>The <b>status map</b> ({@code statusMap}, e.g. {@code 403 -> warn}, {@code 999 -> skip})
     * decides what the status a check ends with means, overriding the rules above: {@code warn}
     * makes it {@link #WARNED}, {@code skip} {@link #EXCLUDED}, {@code ok} {@link #OK},
     * {@code broken} {@link #BROKEN}. It applies to the final answer, after the GET fallback,
     * redirects and retries; a status in the map is still retried if it is one that is retried.
     * The words are case-insensitive; any other word is a configuration error.
     */
    public enum Outcome {
        OK, BROKEN, TIMEOUT, UNREACHABLE, RATE_LIMITED, BLOCKED, EXCLUDED, WARNED, MISSING_FRAGMENT, MALFORMED, REFUSED
    }
}
