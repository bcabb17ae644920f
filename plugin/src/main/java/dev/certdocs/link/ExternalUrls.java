package dev.certdocs.link;

import dev.certdocs.link.http.UrlResult;
import java.util.concurrent.CompletableFuture;

/**
 * Checks external URLs for the link stage. The stage asks once per unique URL (and fragment,
 * when external fragments are checked) and waits for every answer; an implementation may
 * request concurrently and must end every future, with a {@link UrlResult} rather than an
 * exception. The HTTP implementation is {@code dev.certdocs.link.http.ExternalLinkChecker},
 * which the engine adapts to this interface; tests give their own.
 */
public interface ExternalUrls extends AutoCloseable {

    /**
     * The result for {@code url} (without its fragment); {@code fragmentOrNull} is the fragment
     * to find in the page, or {@code null} when it is not to be checked.
     */
    CompletableFuture<UrlResult> check(String url, String fragmentOrNull);

    /** Releases what the checker holds (connections, threads) and saves its cache. */
    @Override
    void close();
}
