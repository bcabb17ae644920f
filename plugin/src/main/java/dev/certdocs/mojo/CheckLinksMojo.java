package dev.certdocs.mojo;

import dev.certdocs.config.LinkOptions;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.LinkCheckResult;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every link of every published page, per cloud: relative paths, {@code #anchors},
 * links to articles not published in the page's cloud, mailto:, tel: and portal links, and
 * external URLs over HTTP (not offline: {@code mvn -o} or {@code certdocs.offline}). Fails the
 * build on failing links unless {@code failOnBrokenLinks} is off.
 */
@Mojo(name = "check-links", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckLinksMojo extends AbstractCertDocsMojo {

    /** Skip this goal only. */
    @Parameter(property = "certdocs.check-links.skip", defaultValue = "false")
    boolean skipCheckLinks;

    /** Check everything but external URLs; Maven's offline mode ({@code mvn -o}) does the same. */
    @Parameter(property = "certdocs.offline", defaultValue = "false")
    boolean offline;

    /** Fail the build when a link fails. */
    @Parameter(property = "certdocs.failOnBrokenLinks", defaultValue = "true")
    boolean failOnBrokenLinks;

    /** Requests in flight at most, over all hosts. */
    @Parameter(property = "certdocs.linkConcurrency", defaultValue = "64")
    int linkConcurrency;

    /** Requests in flight at most to one host. */
    @Parameter(property = "certdocs.linkHostConcurrency", defaultValue = "8")
    int linkHostConcurrency;

    /** The least time between two requests to one host ({@code 50ms}, {@code PT0.05S}). */
    @Parameter(property = "certdocs.linkHostInterval", defaultValue = "50ms")
    String linkHostInterval;

    /** Time to connect. */
    @Parameter(property = "certdocs.linkConnectTimeout", defaultValue = "10s")
    String linkConnectTimeout;

    /** Time for a whole request. */
    @Parameter(property = "certdocs.linkTimeout", defaultValue = "30s")
    String linkTimeout;

    /** Retries of timeouts, 5xx, 408 and 429. */
    @Parameter(property = "certdocs.linkRetries", defaultValue = "3")
    int linkRetries;

    /** The longest wait a {@code Retry-After} may ask for. */
    @Parameter(property = "certdocs.linkMaxRetryWait", defaultValue = "60s")
    String linkMaxRetryWait;

    /** Redirects followed at most. */
    @Parameter(property = "certdocs.linkMaxRedirects", defaultValue = "10")
    int linkMaxRedirects;

    /** How long a successful result is remembered; {@code 0} disables the cache. */
    @Parameter(property = "certdocs.linkCacheTtl", defaultValue = "24h")
    String linkCacheTtl;

    /** The result cache. */
    @Parameter(property = "certdocs.linkCache", defaultValue = "${project.build.directory}/certdocs/link-cache.json")
    File linkCache;

    /** Check the {@code #fragment} of external URLs (reads the page). */
    @Parameter(property = "certdocs.checkExternalFragments", defaultValue = "false")
    boolean checkExternalFragments;

    /** Regular expressions: only URLs matching one are checked; default: all. */
    @Parameter(property = "certdocs.linkInclude")
    List<String> linkInclude;

    /** Regular expressions: URLs matching one are not checked (result: excluded). */
    @Parameter(property = "certdocs.linkExclude")
    List<String> linkExclude;

    /** Treatment of HTTP statuses, each {@code status:action} with action ok, warn, skip or error ({@code 403:warn}). */
    @Parameter(property = "certdocs.linkStatusMap")
    List<String> linkStatusMap;

    /**
     * Also connect to link-local addresses (169.254.0.0/16, fe80::/10) and well-known cloud
     * metadata addresses. Default {@code false}: a link or redirect there is refused and reported,
     * because on a cloud CI runner it reaches the metadata service.
     */
    @Parameter(property = "certdocs.linkAllowLinkLocal", defaultValue = "false")
    boolean linkAllowLinkLocal;

    /**
     * Follow a redirect from a public address to a private or loopback one. Default {@code false}:
     * such a redirect is not followed and is reported.
     */
    @Parameter(property = "certdocs.linkFollowRedirectsToPrivate", defaultValue = "false")
    boolean linkFollowRedirectsToPrivate;

    /** Extra request headers per host, each value from an environment variable. */
    @Parameter
    List<LinkHeaderParameter> linkHeaders;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    boolean skipGoal() {
        return skipCheckLinks;
    }

    @Override
    void run() throws MojoFailureException {
        LinkCheckResult result = CertDocs.checkLinks(config().links(links()).build(), new MavenBuildLog(getLog()),
                validatedInThisBuild());
        if (result.failed()) {
            throw new MojoFailureException("certdocs check-links: " + result.summary().closingLine("article")
                    + ". See the lines above or " + baseDirectory.toPath().toAbsolutePath()
                    .relativize(reportsDirectory.toPath().toAbsolutePath().resolve("report.html")) + ".");
        }
    }

    /** The parameters as the engine's settings; durations and the status map are checked here. */
    LinkSettings links() {
        LinkSettings d = LinkSettings.defaults(reportsDirectory.toPath());
        return new LinkSettings(offline || session.isOffline(), failOnBrokenLinks, linkConcurrency,
                linkHostConcurrency, LinkSettings.parseDuration(linkHostInterval),
                LinkSettings.parseDuration(linkConnectTimeout), LinkSettings.parseDuration(linkTimeout), linkRetries,
                LinkSettings.parseDuration(linkMaxRetryWait), linkMaxRedirects, d.maxBodyBytes(),
                LinkSettings.parseDuration(linkCacheTtl), linkCache.toPath(), checkExternalFragments,
                linkInclude == null ? List.of() : linkInclude, linkExclude == null ? List.of() : linkExclude,
                LinkOptions.statusMap(linkStatusMap), LinkOptions.headers(linkHeaders == null ? List.of()
                        : linkHeaders.stream().map(LinkHeaderParameter::toHeader).toList()), d.userAgent(),
                linkAllowLinkLocal, linkFollowRedirectsToPrivate);
    }
}
