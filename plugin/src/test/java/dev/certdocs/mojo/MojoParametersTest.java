package dev.certdocs.mojo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.LinkSettings;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.testing.ArticleText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.plugin.testing.MojoRule;
import org.apache.maven.project.MavenProject;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The goals as Maven configures them: each test POM under {@code src/test/resources/mojo/} is
 * read by Maven's own project builder and the Mojo is configured from it through the generated
 * plugin descriptor, so a renamed field, a wrong property or a wrong default shows here.
 * (maven-plugin-testing-harness is a JUnit 4 API; these tests run on the vintage engine.)
 */
public class MojoParametersTest {

    @Rule
    public MojoRule maven = new MojoRule();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void validateMapsItsParametersFromThePom() throws Exception {
        File basedir = project("validate-configured");
        ValidateMojo mojo = (ValidateMojo) maven.lookupConfiguredMojo(basedir, "validate");

        assertEquals(new File(basedir, "docs/articles"), mojo.contentDirectory);
        assertTrue(mojo.failOnWarning);
        assertFalse(mojo.skip);
        assertFalse(mojo.updateBaseline);
        assertEquals(List.of("image/missing-alt=error", "field/unknown=off"), mojo.severities);
        assertEquals(List.of("public", "usnat"), mojo.clouds);
        assertEquals(1, mojo.cloudCatalog.size());
        assertEquals("usnat", mojo.cloudCatalog.get(0).id);
        assertEquals("https://portal.contoso.eaglex.ic.gov", mojo.cloudCatalog.get(0).portalUrl);
        assertEquals(new File(basedir, "certdocs-baseline.json"), mojo.baseline);
        assertEquals(new File(basedir, "target/certdocs"), mojo.reportsDirectory);

        BuildConfig config = mojo.config().build();
        assertEquals(basedir.toPath().resolve("docs/articles"), config.contentDirectory());
        assertEquals(Map.of("image/missing-alt", Severity.ERROR, "field/unknown", Severity.OFF),
                config.severityOverrides());
        assertEquals(List.of("public", "usnat"), config.clouds().stream().map(Cloud::id).toList());
        assertEquals("https://portal.contoso.eaglex.ic.gov", config.catalog().find("usnat").orElseThrow().portalUrl());
        assertTrue(config.failOnWarning());
    }

    @Test
    public void validateDefaultsFollowTheProject() throws Exception {
        File basedir = project("defaults");
        ValidateMojo mojo = (ValidateMojo) maven.lookupConfiguredMojo(basedir, "validate");

        assertFalse(mojo.skip);
        assertFalse(mojo.failOnWarning);
        assertFalse(mojo.skipValidate);
        assertEquals(new File(basedir, "articles"), mojo.contentDirectory.getAbsoluteFile());
        assertEquals(new File(basedir, "certdocs-baseline.json"), mojo.baseline);
        assertEquals(basedir.getCanonicalFile(), mojo.baseDirectory.getCanonicalFile());

        BuildConfig config = mojo.config().build();
        assertEquals(Map.of(), config.severityOverrides());
        assertEquals("no link to the source unless one is configured", null, config.sourceUrl());
        assertEquals(List.of("public", "fairfax", "mooncake", "usnat", "ussec"),
                config.clouds().stream().map(Cloud::id).toList());
        assertFalse(config.failOnWarning());
    }

    @Test
    public void serveListensOnLoopbackPort8000ByDefault() throws Exception {
        File basedir = project("defaults");
        ServeMojo mojo = (ServeMojo) maven.lookupConfiguredMojo(basedir, "serve");

        assertEquals(8000, mojo.port);
        assertEquals("127.0.0.1", mojo.host);
        assertFalse(mojo.skipServe);
        assertEquals(new File(basedir, "src/site-templates"), mojo.templatesDirectory.getAbsoluteFile());
        assertEquals("1", mojo.siteVersion);
    }

    @Test
    public void newMapsItsParametersAndWritesTheArticleWhereTheyPoint() throws Exception {
        File basedir = project("new-configured");
        NewMojo mojo = (NewMojo) maven.lookupConfiguredMojo(basedir, "new");

        assertEquals("Disk throughput is throttled", mojo.title);
        assertEquals("tsg_content", mojo.type);
        assertEquals("storage", mojo.directory);
        assertEquals(List.of("public", "usnat"), mojo.clouds);

        mojo.setLog(new RecordingLog());
        mojo.execute();

        Path written = basedir.toPath().resolve("docs/articles/storage/disk-throughput-is-throttled.md");
        String text = Files.readString(written);
        assertTrue(text, text.contains("\tselfHelpType=\"tsg_content\"\n"));
        assertTrue(text, text.contains("\tcloudEnvironments=\"public, usnat\"\n"));
        assertTrue(text, text.contains("\tpageTitle=\"Disk throughput is throttled\"\n"));
    }

    @Test
    public void newDefaultsToAGenericArticle() throws Exception {
        File basedir = project("defaults");
        NewMojo mojo = (NewMojo) maven.lookupConfiguredMojo(basedir, "new");
        assertEquals(null, mojo.title);
        assertEquals(null, mojo.type); // resolved when the goal runs: -Dcertdocs.type, then -Dtype, then generic

        mojo.title = "Quota exceeded";
        mojo.setLog(new RecordingLog());
        mojo.execute();

        String text = Files.readString(basedir.toPath().resolve("articles/quota-exceeded.md"));
        assertTrue(text, text.contains("\tselfHelpType=\"generic\"\n"));
        assertTrue(text, text.contains("\tcloudEnvironments=\"public\"\n"));
    }

    @Test
    public void userPropertiesReachTheParameters() throws Exception {
        MavenProject project = maven.readMavenProject(project("defaults"));
        MavenSession session = maven.newMavenSession(project);
        session.getUserProperties().setProperty("certdocs.skip", "true");
        session.getUserProperties().setProperty("certdocs.failOnWarning", "true");
        session.getUserProperties().setProperty("certdocs.updateBaseline", "true");
        session.getUserProperties().setProperty("certdocs.clouds", "public,fairfax");
        session.getUserProperties().setProperty("certdocs.severities", "field/unknown=error");
        session.getUserProperties().setProperty("certdocs.sourceUrl", "https://git.example.com/docs/blob/main/{path}#L{line}");

        ValidateMojo mojo = (ValidateMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("validate"));

        assertTrue(mojo.skip);
        assertTrue(mojo.failOnWarning);
        assertTrue(mojo.updateBaseline);
        assertEquals(List.of("public", "fairfax"), mojo.clouds);
        assertEquals(List.of("field/unknown=error"), mojo.severities);
        assertEquals("https://git.example.com/docs/blob/main/{path}#L{line}", mojo.config().build().sourceUrl());
    }

    @Test
    public void skipMakesValidateDoNothing() throws Exception {
        File basedir = project("skipped");
        ValidateMojo mojo = (ValidateMojo) maven.lookupConfiguredMojo(basedir, "validate");
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        assertTrue(mojo.skip);
        // Without skip this would fail: the content directory does not exist.
        mojo.execute();

        assertEquals(List.of("certdocs: skipped"), log.infos);
        assertEquals(List.of("pom.xml"), filesUnder(basedir));
    }

    @Test
    public void skipMakesNewDoNothing() throws Exception {
        File basedir = project("skipped");
        NewMojo mojo = (NewMojo) maven.lookupConfiguredMojo(basedir, "new");
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(List.of("certdocs: skipped"), log.infos);
        assertEquals(List.of("pom.xml"), filesUnder(basedir));
    }

    @Test
    public void aFailingValidateNamesTheReportWhereItWasWritten() throws Exception {
        File basedir = project("defaults");
        Path article = basedir.toPath().resolve("articles/no-block.md");
        Files.createDirectories(article.getParent());
        Files.writeString(article, "# No properties block\n");
        MavenProject project = maven.readMavenProject(basedir);
        MavenSession session = maven.newMavenSession(project);
        session.getUserProperties().setProperty("certdocs.reportsDirectory", "build/reports");
        ValidateMojo mojo = (ValidateMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("validate"));
        mojo.setLog(new RecordingLog());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage(), failure.getMessage().startsWith("certdocs validate: 1 article, 1 error, 0 warnings in "));
        assertTrue(failure.getMessage(), failure.getMessage().endsWith(". See the lines above or build/reports/report.html."));
        assertTrue(Files.isRegularFile(basedir.toPath().resolve("build/reports/report.html")));
    }

    @Test
    public void checkLinksDefaultsAreTheDesignsDefaults() throws Exception {
        File basedir = project("defaults");
        CheckLinksMojo mojo = (CheckLinksMojo) maven.lookupConfiguredMojo(basedir, "check-links");

        LinkSettings links = mojo.links();
        assertFalse(links.offline());
        assertTrue(links.failOnBrokenLinks());
        assertEquals(64, links.concurrency());
        assertEquals(8, links.hostConcurrency());
        assertEquals(Duration.ofMillis(50), links.hostInterval());
        assertEquals(Duration.ofSeconds(10), links.connectTimeout());
        assertEquals(Duration.ofSeconds(30), links.timeout());
        assertEquals(3, links.retries());
        assertEquals(Duration.ofSeconds(60), links.maxRetryWait());
        assertEquals(10, links.maxRedirects());
        assertEquals(Duration.ofHours(24), links.cacheTtl());
        assertEquals(new File(basedir, "target/certdocs/link-cache.json").toPath(), links.cacheFile());
        assertFalse(links.checkExternalFragments());
        assertEquals(List.of(), links.include());
        assertEquals(List.of(), links.exclude());
        assertEquals(Map.of(), links.statusMap());
        assertEquals(Map.of(), links.headers());
        assertFalse(links.allowLinkLocal());
        assertFalse(links.followRedirectsToPrivate());
        assertEquals(links, mojo.config().links(links).build().links());
    }

    @Test
    public void checkLinksMapsItsParametersFromThePom() throws Exception {
        File basedir = project("check-links-configured");
        CheckLinksMojo mojo = (CheckLinksMojo) maven.lookupConfiguredMojo(basedir, "check-links");

        LinkSettings links = mojo.links();
        assertTrue(links.offline());
        assertFalse(links.failOnBrokenLinks());
        assertEquals(16, links.concurrency());
        assertEquals(2, links.hostConcurrency());
        assertEquals(Duration.ofMillis(250), links.hostInterval());
        assertEquals(Duration.ofSeconds(5), links.connectTimeout());
        assertEquals(Duration.ofMinutes(1), links.timeout());
        assertEquals(1, links.retries());
        assertEquals(Duration.ofSeconds(10), links.maxRetryWait());
        assertEquals(3, links.maxRedirects());
        assertEquals(Duration.ZERO, links.cacheTtl());
        assertEquals(new File(basedir, ".cache/links.json").toPath(), links.cacheFile());
        assertTrue(links.checkExternalFragments());
        assertEquals(List.of("^https://learn\\.microsoft\\.com/"), links.include());
        assertEquals(List.of("^https://portal\\.azure\\.com/", "\\.example/"), links.exclude());
        assertEquals(Map.of(403, "warn", 999, "skip"), links.statusMap());
        assertEquals(Map.of("api.github.com", Map.of("Authorization", "GITHUB_AUTH_HEADER")), links.headers());
    }

    @Test
    public void checkLinksUserPropertiesAndMavensOfflineModeReachTheSettings() throws Exception {
        MavenProject project = maven.readMavenProject(project("defaults"));
        MavenSession session = maven.newMavenSession(project);
        session.getRequest().setOffline(true);
        session.getUserProperties().setProperty("certdocs.failOnBrokenLinks", "false");
        session.getUserProperties().setProperty("certdocs.linkConcurrency", "4");
        session.getUserProperties().setProperty("certdocs.linkHostInterval", "0");
        session.getUserProperties().setProperty("certdocs.linkTimeout", "PT2M");
        session.getUserProperties().setProperty("certdocs.linkCacheTtl", "2d");
        session.getUserProperties().setProperty("certdocs.linkStatusMap", "403:warn,429:skip");
        session.getUserProperties().setProperty("certdocs.linkExclude", "^https://internal/");
        session.getUserProperties().setProperty("certdocs.checkExternalFragments", "true");
        session.getUserProperties().setProperty("certdocs.linkAllowLinkLocal", "true");
        session.getUserProperties().setProperty("certdocs.linkFollowRedirectsToPrivate", "true");
        session.getUserProperties().setProperty("certdocs.check-links.skip", "true");

        CheckLinksMojo mojo = (CheckLinksMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("check-links"));
        LinkSettings links = mojo.links();

        assertTrue("mvn -o makes the check offline", links.offline());
        assertFalse(links.failOnBrokenLinks());
        assertEquals(4, links.concurrency());
        assertEquals(Duration.ZERO, links.hostInterval());
        assertEquals(Duration.ofMinutes(2), links.timeout());
        assertEquals(Duration.ofDays(2), links.cacheTtl());
        assertEquals(Map.of(403, "warn", 429, "skip"), links.statusMap());
        assertEquals(List.of("^https://internal/"), links.exclude());
        assertTrue(links.checkExternalFragments());
        assertTrue(links.allowLinkLocal());
        assertTrue(links.followRedirectsToPrivate());
        assertTrue(mojo.skipCheckLinks);
    }

    @Test
    public void checkLinksRejectsABadDurationOrStatusMapWithAMessage() throws Exception {
        CheckLinksMojo mojo = (CheckLinksMojo) maven.lookupConfiguredMojo(project("defaults"), "check-links");
        mojo.linkTimeout = "thirty seconds";
        assertEquals("'thirty seconds' is not a duration: write PT30S, 30s, 500ms, 5m, 24h or 2d",
                assertThrows(CertDocsException.class, mojo::links).getMessage());
        mojo.linkTimeout = "30s";
        mojo.linkStatusMap = List.of("403=warn");
        assertEquals("link status map entry '403=warn': expected status:action, a status from 100 to 999 and an action of"
                + " ok, warn, skip or error (for example 403:warn or 999:skip)",
                assertThrows(CertDocsException.class, mojo::links).getMessage());
    }

    @Test
    public void aFailingCheckLinksNamesItsReport() throws Exception {
        File basedir = project("defaults");
        Path article = basedir.toPath().resolve("articles/a.md");
        Files.createDirectories(article.getParent());
        Files.writeString(article, ArticleText.generic("a1").body("\n# A\n\n[broken](nowhere.md)\n").text());
        MavenProject project = maven.readMavenProject(basedir);
        MavenSession session = maven.newMavenSession(project);
        session.getUserProperties().setProperty("certdocs.offline", "true");
        CheckLinksMojo mojo = (CheckLinksMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("check-links"));
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage(), failure.getMessage().startsWith("certdocs check-links: 1 article, 1 error, 0 warnings in "));
        assertTrue(failure.getMessage(), failure.getMessage().endsWith(". See the lines above or target/certdocs/report.html."));
        assertTrue(Files.isRegularFile(basedir.toPath().resolve("target/certdocs/certdocs.sarif")));
    }

    @Test
    public void skipMakesCheckLinksDoNothing() throws Exception {
        File basedir = project("skipped");
        CheckLinksMojo mojo = (CheckLinksMojo) maven.lookupConfiguredMojo(basedir, "check-links");
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(List.of("certdocs: skipped"), log.infos);
        assertEquals(List.of("pom.xml"), filesUnder(basedir));
    }

    /** A copy of a test project, so a goal that writes does not write into the sources. */
    private File project(String name) throws IOException {
        Path from = Path.of("src/test/resources/mojo", name);
        Path to = temp.newFolder(name).toPath();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return to.toFile();
    }

    private static List<String> filesUnder(File dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.toPath())) {
            return files.filter(p -> !p.equals(dir.toPath()))
                    .map(p -> dir.toPath().relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static final class RecordingLog extends SystemStreamLog {
        final List<String> infos = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }
    }
}
