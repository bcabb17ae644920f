package dev.certdocs.engine;

import dev.certdocs.config.BuildLog;
import dev.certdocs.config.CertDocsException;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.link.ExternalUrls;

/** The HTTP checker of {@code dev.certdocs.link.http} as the link stage's {@link ExternalUrls}. */
final class HttpLinks {

    private HttpLinks() {
    }

    static ExternalUrls open(LinkSettings settings, BuildLog log) {
        // MERGE: once dev.certdocs.link.http.ExternalLinkChecker is in, this body becomes
        //   var checker = new dev.certdocs.link.http.ExternalLinkChecker(settings, log);
        //   return new ExternalUrls() {
        //       public java.util.concurrent.CompletableFuture<dev.certdocs.link.http.UrlResult> check(String url, String fragment) {
        //           return checker.check(url, fragment);
        //       }
        //       public void close() { checker.close(); }
        //   };
        throw new CertDocsException("this build of certdocs has no HTTP link checker yet;"
                + " run check-links offline (-Dcertdocs.offline or mvn -o) to check everything but external URLs");
    }
}
