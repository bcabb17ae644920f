/**
 * Checks external URLs over HTTP, politely and once each: one {@link java.net.http.HttpClient}
 * per run, HEAD then GET, redirects with loop detection, per-host and global concurrency, a
 * minimum interval per host, retries with back-off and {@code Retry-After}, a persistent cache.
 * Input: URLs; output: {@link dev.certdocs.link.http.UrlResult}s.
 */
package dev.certdocs.link.http;
