package dev.certdocs.incremental;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Version;
import dev.certdocs.render.Fingerprints;
import java.util.TreeMap;

/**
 * The hash of what every article's results depend on besides the article itself: the certdocs
 * code in use, its version, and the configuration (site settings, clouds, catalog, schema,
 * content directory, severity overrides). An incremental build trusts nothing it kept from a
 * run with another fingerprint.
 */
final class BuildFingerprint {

    /** The certdocs code in use, hashed once per JVM: a SNAPSHOT keeps its version while its code changes. */
    private static final String CODE = Fingerprints.ofCode(BuildFingerprint.class);

    private BuildFingerprint() {
    }

    /** The fingerprint of the code and configuration, and of {@code more} (e.g. the templates): what pages depend on. */
    static String of(BuildConfig config, String... more) {
        return content(config, config.site().toString(), more);
    }

    /**
     * What an article's own checks depend on: as {@link #of} without the site settings (version,
     * output, base URLs), so that builds of several versions share the validation cache.
     */
    static String ofChecks(BuildConfig config) {
        return content(config, "");
    }

    private static String content(BuildConfig config, String site, String... more) {
        StringBuilder sb = new StringBuilder();
        sb.append(Version.current()).append('\n').append(site).append('\n');
        config.clouds().forEach(c -> sb.append(c).append('\n'));
        config.catalog().all().forEach(c -> sb.append(c).append('\n'));
        sb.append(config.schema().alwaysRequired()).append('\n');
        config.schema().attributes().forEach(a -> sb.append(a).append('\n'));
        config.schema().kinds().forEach(k -> sb.append(k).append('\n'));
        sb.append(config.contentDirectory()).append('\n');
        sb.append(new TreeMap<>(config.severityOverrides())).append('\n');
        for (String m : more) sb.append(m).append('\n');
        return Fingerprints.of(sb.toString(), CODE);
    }
}
