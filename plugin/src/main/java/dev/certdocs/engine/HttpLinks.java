package dev.certdocs.engine;

import dev.certdocs.support.BuildLog;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.link.ExternalUrls;
import dev.certdocs.link.http.ExternalLinkChecker;
import dev.certdocs.link.http.UrlResult;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP checker of {@code dev.certdocs.link.http} as the link stage's {@link ExternalUrls}.
 * The adapter lives here so that neither link package depends on the other's interface.
 */
final class HttpLinks implements ExternalUrls {

    private final ExternalLinkChecker checker;

    private HttpLinks(ExternalLinkChecker checker) {
        this.checker = checker;
    }

    /** One checker, and so one HTTP client and one cache, for the whole run. */
    static ExternalUrls open(LinkSettings settings, BuildLog log) {
        return new HttpLinks(new ExternalLinkChecker(settings, log));
    }

    @Override
    public CompletableFuture<UrlResult> check(String url, String fragmentOrNull) {
        return checker.check(url, fragmentOrNull);
    }

    @Override
    public void close() {
        checker.close();
    }
}
