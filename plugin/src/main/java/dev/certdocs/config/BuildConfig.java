package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one build needs to know, validated once: where the content is, the schema and cloud
 * catalog in force, severity overrides, the baseline and where reports go. Immutable; built
 * with {@link #builder(Path)}.
 *
 * @param baseDir           the content repository's root (the Maven project's base directory);
 *                          nothing is read outside it
 * @param contentDirectory  where the articles are
 * @param schema            the article schema in force (built-in plus the schema file)
 * @param catalog           the cloud catalog in force
 * @param clouds            the clouds this build works on (active clouds only)
 * @param severityOverrides rule id to severity; the schema file's entries first, the POM's over them
 * @param failOnWarning     warnings fail the build too
 * @param baselineFile      the baseline file (read when it exists)
 * @param updateBaseline    write the baseline from this run's findings instead of failing
 * @param reportsDirectory  where SARIF, JUnit XML and the HTML report go
 * @param threads           worker threads for the stages
 * @param githubActions     print GitHub workflow annotations
 * @param jobSummary        a file to append a Markdown summary of each goal's run to (GitHub's
 *                          {@code GITHUB_STEP_SUMMARY}); null for none
 * @param sourceUrl         where the HTML report links a finding to: a URL pattern with {@code {path}}
 *                          (the repository-relative path) and {@code {line}}, such as a repository's
 *                          blob URL; null (the default) to show {@code path:line:col} without a link
 * @param site              what {@code generate} needs: version, output, templates, base URL
 * @param links             what {@code check-links} needs: offline, concurrency, timeouts, cache, patterns
 */
public record BuildConfig(
        Path baseDir,
        Path contentDirectory,
        ArticleSchema schema,
        CloudCatalog catalog,
        List<Cloud> clouds,
        Map<String, Severity> severityOverrides,
        boolean failOnWarning,
        Path baselineFile,
        boolean updateBaseline,
        Path reportsDirectory,
        int threads,
        boolean githubActions,
        Path jobSummary,
        String sourceUrl,
        SiteSettings site,
        LinkSettings links) {

    public BuildConfig {
        clouds = List.copyOf(clouds);
        severityOverrides = Map.copyOf(severityOverrides);
        if (threads < 1) throw new CertDocsException("threads must be at least 1, not " + threads);
    }

    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    /** Severity of a rule after the overrides. */
    public Severity severityOf(String ruleId, Severity defaultSeverity) {
        return severityOverrides.getOrDefault(ruleId, defaultSeverity);
    }

    /** Collects a goal's parameters and checks them; {@link #build()} throws {@link CertDocsException} on a bad one. */
    public static final class Builder {
        private final Path baseDir;
        private Path contentDirectory;
        private Path schemaFile;
        private List<CloudSettings> cloudSettings = List.of();
        private List<String> clouds = List.of();
        private List<String> severities = List.of();
        private boolean failOnWarning;
        private Path baselineFile;
        private boolean updateBaseline;
        private Path reportsDirectory;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean githubActions;
        private Path jobSummary;
        private String sourceUrl;
        private String siteVersion = "0.0.0";
        private String siteTitle = "Support";
        private Path outputDirectory;
        private Path templatesDirectory;
        private String baseUrl = "";
        private boolean force;
        private String outputTimestamp;
        private Path publishDirectory;
        private Path bundles;
        private boolean incremental = true;
        private java.time.Duration lockTimeout = java.time.Duration.ofSeconds(60);
        private LinkSettings links;

        private Builder(Path baseDir) {
            this.baseDir = baseDir.toAbsolutePath().normalize();
        }

        public Builder contentDirectory(Path v) { this.contentDirectory = v; return this; }
        public Builder schemaFile(Path v) { this.schemaFile = v; return this; }
        public Builder cloudSettings(List<CloudSettings> v) { this.cloudSettings = v == null ? List.of() : v; return this; }
        public Builder clouds(List<String> v) { this.clouds = v == null ? List.of() : v; return this; }
        /** Overrides written {@code rule-id=severity}. */
        public Builder severities(List<String> v) { this.severities = v == null ? List.of() : v; return this; }
        public Builder failOnWarning(boolean v) { this.failOnWarning = v; return this; }
        public Builder baselineFile(Path v) { this.baselineFile = v; return this; }
        public Builder updateBaseline(boolean v) { this.updateBaseline = v; return this; }
        public Builder reportsDirectory(Path v) { this.reportsDirectory = v; return this; }
        public Builder threads(int v) { this.threads = v; return this; }
        public Builder githubActions(boolean v) { this.githubActions = v; return this; }
        /** The file each goal appends its Markdown summary to; null (the default) for none. */
        public Builder jobSummary(Path v) { this.jobSummary = v; return this; }
        /** The report's link pattern for a finding's source line, with {@code {path}} and {@code {line}}; null (the default) for none. */
        public Builder sourceUrl(String v) { this.sourceUrl = v; return this; }
        public Builder siteVersion(String v) { this.siteVersion = v; return this; }
        public Builder siteTitle(String v) { this.siteTitle = v; return this; }
        public Builder outputDirectory(Path v) { this.outputDirectory = v; return this; }
        public Builder templatesDirectory(Path v) { this.templatesDirectory = v; return this; }
        public Builder baseUrl(String v) { this.baseUrl = v == null ? "" : v; return this; }
        public Builder force(boolean v) { this.force = v; return this; }
        /** Maven's {@code project.build.outputTimestamp} as written. */
        public Builder outputTimestamp(String v) { this.outputTimestamp = v; return this; }
        /** An existing site tree (a gh-pages checkout) to add the version to, instead of the output directory. */
        public Builder publishDirectory(Path v) { this.publishDirectory = v; return this; }
        /** Where per-cloud zip bundles go; null for none. */
        public Builder bundles(Path v) { this.bundles = v; return this; }
        public Builder incremental(boolean v) { this.incremental = v; return this; }
        /** How long generate waits for another run using the same output or state directory (default 60 s). */
        public Builder lockTimeout(java.time.Duration v) { this.lockTimeout = v; return this; }
        /** The settings of {@code check-links}; default: {@link LinkSettings#defaults} with the cache in the reports directory. */
        public Builder links(LinkSettings v) { this.links = v; return this; }

        public BuildConfig build() {
            Path content = resolve(contentDirectory, "articles");
            Optional<Path> schemaPath = Optional.ofNullable(schemaFile).map(this::resolve);
            if (schemaPath.isPresent() && !Files.isRegularFile(schemaPath.get())) {
                throw new CertDocsException("the schema file " + schemaPath.get() + " does not exist");
            }
            if (schemaPath.isEmpty() && Files.isRegularFile(baseDir.resolve("certdocs-schema.json"))) {
                schemaPath = Optional.of(baseDir.resolve("certdocs-schema.json"));
            }
            ArticleSchema schema = SchemaLoader.load(schemaPath);
            CloudCatalog catalog = CloudCatalog.of(cloudSettings);
            List<Cloud> selected = selectClouds(catalog);
            Map<String, Severity> overrides = new LinkedHashMap<>(schema.severities());
            for (String entry : severities) {
                if (entry == null || entry.isBlank()) continue;
                int eq = entry.indexOf('=');
                String rule = eq < 0 ? "" : entry.substring(0, eq).strip();
                String level = eq < 0 ? "" : entry.substring(eq + 1).strip();
                if (Rules.byId(rule).isEmpty()) {
                    throw new CertDocsException("severity override '" + entry
                            + "': expected rule-id=severity with a known rule id (see the README's rule list)");
                }
                overrides.put(rule, Severity.parse(level).orElseThrow(() -> new CertDocsException(
                        "severity override '" + entry + "': '" + level + "' is not one of error, warning, note, off")));
            }
            return new BuildConfig(baseDir, content, schema, catalog, selected, overrides, failOnWarning,
                    resolve(baselineFile, "certdocs-baseline.json"), updateBaseline,
                    resolve(reportsDirectory, "target/certdocs"), threads, githubActions, jobSummary,
                    checkSourceUrl(),
                    new SiteSettings(SiteSettings.checkVersion(siteVersion), siteTitle, siteRoot(),
                            resolve(templatesDirectory, "src/site-templates"), baseUrl, force,
                            SiteSettings.parseTimestamp(outputTimestamp), bundles == null ? null : resolve(bundles),
                            incremental, resolve(reportsDirectory, "target/certdocs").resolve("incremental"),
                            checkLockTimeout()),
                    linkSettings(resolve(reportsDirectory, "target/certdocs")));
        }

        /**
         * The source URL pattern, or null for none. It is written into the report's links, so it
         * passes the page URL allow-list: a {@code javascript:} pattern would run in the reader's
         * browser when a finding is clicked.
         */
        private String checkSourceUrl() {
            if (sourceUrl == null || sourceUrl.isBlank()) return null;
            String pattern = sourceUrl.strip();
            if (!pattern.contains("{path}")) {
                throw new CertDocsException("sourceUrl '" + pattern + "' has no {path}: give a URL pattern such as"
                        + " https://git.example.com/docs/blob/main/{path}#L{line}");
            }
            String why = UrlPolicy.refusal(pattern.replace("{path}", "a.md").replace("{line}", "1"), false);
            if (why != null) {
                throw new CertDocsException("sourceUrl '" + pattern + "' is refused (" + why
                        + "): give an http(s) or relative URL pattern with {path} and {line}");
            }
            return pattern;
        }

        private java.time.Duration checkLockTimeout() {
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw new CertDocsException("lockTimeout may not be negative: " + lockTimeout);
            }
            return lockTimeout;
        }

        private Path siteRoot() {
            if (publishDirectory == null) return resolve(outputDirectory, "target/certdocs/site");
            Path p = resolve(publishDirectory);
            if (!Files.isDirectory(p)) {
                throw new CertDocsException("the publishDirectory " + p + " does not exist; point it at an existing"
                        + " site tree (such as a gh-pages checkout) or leave it unset to use outputDirectory");
            }
            return p;
        }

        private LinkSettings linkSettings(Path reports) {
            LinkSettings l = links == null ? LinkSettings.defaults(reports) : links;
            if (l.concurrency() < 1) throw new CertDocsException("linkConcurrency must be at least 1, not " + l.concurrency());
            if (l.hostConcurrency() < 1) {
                throw new CertDocsException("linkHostConcurrency must be at least 1, not " + l.hostConcurrency());
            }
            if (l.retries() < 0) throw new CertDocsException("linkRetries may not be negative: " + l.retries());
            if (l.maxRedirects() < 0) throw new CertDocsException("linkMaxRedirects may not be negative: " + l.maxRedirects());
            for (String pattern : concat(l.include(), l.exclude())) {
                try {
                    java.util.regex.Pattern.compile(pattern);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new CertDocsException("link pattern '" + pattern + "' is not a regular expression: "
                            + e.getDescription());
                }
            }
            if (l.cacheFile().isAbsolute()) return l;
            return new LinkSettings(l.offline(), l.failOnBrokenLinks(), l.concurrency(), l.hostConcurrency(),
                    l.hostInterval(), l.connectTimeout(), l.timeout(), l.retries(), l.maxRetryWait(), l.maxRedirects(),
                    l.maxBodyBytes(), l.cacheTtl(), resolve(l.cacheFile()), l.checkExternalFragments(), l.include(),
                    l.exclude(), l.statusMap(), l.headers(), l.userAgent(), l.allowLinkLocal(), l.followRedirectsToPrivate());
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private List<Cloud> selectClouds(CloudCatalog catalog) {
            List<String> wanted = clouds.stream().flatMap(c -> java.util.Arrays.stream(c.split(",")))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (wanted.isEmpty()) return catalog.active();
            return wanted.stream().map(id -> {
                Cloud c = catalog.find(id).orElseThrow(() -> new CertDocsException(
                        "unknown cloud '" + id + "' in clouds; known clouds: " + String.join(", ", catalog.ids())));
                if (c.retired()) throw new CertDocsException("cloud '" + id + "' is retired and cannot be built");
                return c;
            }).distinct().toList();
        }

        private Path resolve(Path p) {
            return baseDir.resolve(p).normalize();
        }

        private Path resolve(Path p, String fallback) {
            return resolve(p == null ? Path.of(fallback) : p);
        }
    }
}
