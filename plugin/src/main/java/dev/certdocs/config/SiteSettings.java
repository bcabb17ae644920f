package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
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
 * @param outputTimestamp    the build's fixed time ({@code project.build.outputTimestamp}): zip entry
 *                           times, and the "last updated" date of articles git knows nothing about
 * @param bundles            where the per-cloud zip bundles go; null: no bundles
 * @param incremental        re-render only what changed since the last run of this version
 * @param stateDirectory     where the incremental manifest is kept (outside the published tree)
 * @param lockTimeout        how long a run waits for another one using the same output or state
 *                           directory to finish before it fails
 */
public record SiteSettings(String version, String title, Path outputDirectory, Path templatesDirectory,
                           String baseUrl, boolean force, java.util.Optional<java.time.Instant> outputTimestamp,
                           Path bundles, boolean incremental, Path stateDirectory,
                           java.time.Duration lockTimeout) {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches() || version.equals("latest")) {
            throw new CertDocsException("siteVersion '" + version + "' must be a simple name such as 1.2.0"
                    + " (letters, digits, '.', '_', '+', '-'; not 'latest')");
        }
        return version;
    }

    /**
     * Parses Maven's {@code project.build.outputTimestamp}: ISO-8601 ({@code 2026-01-01T00:00:00Z})
     * or seconds since the epoch; empty, unset or a single character (Maven's "disabled") give none.
     */
    public static java.util.Optional<java.time.Instant> parseTimestamp(String text) {
        if (text == null || text.strip().length() < 2 || text.contains("${")) return java.util.Optional.empty();
        String t = text.strip();
        try {
            if (t.chars().allMatch(Character::isDigit)) return java.util.Optional.of(java.time.Instant.ofEpochSecond(Long.parseLong(t)));
            return java.util.Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new CertDocsException("project.build.outputTimestamp '" + text
                    + "' is neither ISO-8601 (2026-01-01T00:00:00Z) nor seconds since 1970");
        }
    }

    /** The date part (UTC) of the output timestamp, or "". */
    public String timestampDate() {
        return outputTimestamp.map(i -> i.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()).orElse("");
    }

    /** The base URL of one cloud's site, ending in '/', or "" when none is set. */
    public String baseUrlOf(String cloudId) {
        if (baseUrl.isBlank()) return "";
        String b = baseUrl.replace("{cloud}", cloudId);
        if (!baseUrl.contains("{cloud}")) b = (b.endsWith("/") ? b : b + "/") + cloudId + "/";
        return b.endsWith("/") ? b : b + "/";
    }
}
