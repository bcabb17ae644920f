package dev.certdocs.link.http;

import dev.certdocs.config.LinkSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link LinkSettings} for tests: short timeouts, no host interval, no cache unless asked; change what a test needs. */
final class TestSettings {
    int concurrency = 16;
    int hostConcurrency = 8;
    Duration hostInterval = Duration.ZERO;
    Duration connectTimeout = Duration.ofSeconds(2);
    Duration timeout = Duration.ofSeconds(3);
    int retries = 3;
    Duration maxRetryWait = Duration.ofSeconds(2);
    int maxRedirects = 10;
    long maxBodyBytes = 64 * 1024;
    Duration cacheTtl = Duration.ZERO;
    Path cacheFile;
    boolean checkExternalFragments;
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    Map<Integer, String> statusMap = new HashMap<>();
    Map<String, Map<String, String>> headers = new HashMap<>();
    String userAgent = "certdocs/test";
    boolean allowLinkLocal;
    boolean followRedirectsToPrivate;

    LinkSettings build() {
        return new LinkSettings(false, true, concurrency, hostConcurrency, hostInterval, connectTimeout, timeout, retries,
                maxRetryWait, maxRedirects, maxBodyBytes, cacheTtl, cacheFile, checkExternalFragments, include, exclude,
                statusMap, headers, userAgent, allowLinkLocal, followRedirectsToPrivate);
    }
}
