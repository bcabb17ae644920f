/**
 * Checks external URLs over HTTP, politely and once each: one {@link java.net.http.HttpClient}
 * per run, HEAD then GET, redirects with loop detection, per-host and global concurrency, a
 * minimum interval per host, retries with back-off and {@code Retry-After}, a persistent cache,
 * and an address policy that keeps the checker away from link-local and metadata addresses and
 * from private ones reached by a redirect.
 * Input: URLs; output: {@link dev.certdocs.link.http.UrlResult}s.
 */
package dev.certdocs.link.http;
