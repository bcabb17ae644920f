package dev.certdocs.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The settings of {@code generate}.
 *
 * @param version            the site version, a directory name under each cloud
 * @param title              the site's title in every page header
 * @param outputDirectory    the site root: {@code <cloud>/<version>/…} below it
 * @param templatesDirectory the repository's template overrides (may not exist)
 * @param baseUrl            the public URL of the site root, {@code {cloud}} replaced by the cloud id;
 *                           empty: no canonical links, relative sitemap entries
 * @param force              render even when validation has errors
 */
public record SiteSettings(String version, String title, Path outputDirectory, Path templatesDirectory,
                           String baseUrl, boolean force) {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches() || version.equals("latest")) {
            throw new CertDocsException("siteVersion '" + version + "' must be a simple name such as 1.2.0"
                    + " (letters, digits, '.', '_', '+', '-'; not 'latest')");
        }
        return version;
    }

    /** The base URL of one cloud's site, ending in '/', or "" when none is set. */
    public String baseUrlOf(String cloudId) {
        if (baseUrl.isBlank()) return "";
        String b = baseUrl.replace("{cloud}", cloudId);
        if (!baseUrl.contains("{cloud}")) b = (b.endsWith("/") ? b : b + "/") + cloudId + "/";
        return b.endsWith("/") ? b : b + "/";
    }
}
