package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.FileTrees;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing release after release: versions kept, latest, atomic, reproducible, incremental. */
class PublishingTest {

    @TempDir
    Path dir;

    private ContentRepo repo(int articles) {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < articles; i++) {
            repo.file("articles/compute/a" + i + ".md", ArticleText.generic("id-" + i)
                    .set("pageTitle", "Article " + i)
                    .set("cloudEnvironments", "public, fairfax")
                    .body("\n# Article " + i + "\n\n## Cause\n\nText " + i + ".\n"));
        }
        return repo;
    }

    private GenerateResult generate(ContentRepo repo, String version, UnaryOperator<BuildConfig.Builder> tune) {
        BuildConfig.Builder b = BuildConfig.builder(repo.root()).siteVersion(version).threads(2)
                .clouds(List.of("public", "fairfax"));
        GenerateResult r = CertDocs.generate(tune.apply(b).build(), BuildLog.SILENT);
        assertFalse(r.failed(), r.reason());
        return r;
    }


    @Test
    void keepsEarlierVersionsWhenPublishingANewOne() throws IOException {
        ContentRepo repo = repo(3);
        generate(repo, "1.0.0", b -> b);
        Path site = repo.root().resolve("target/certdocs/site/public");
        Map<String, String> first = FileTrees.hashes(site.resolve("1.0.0"));
        generate(repo, "1.1.0", b -> b);
        generate(repo, "1.2.0-SNAPSHOT", b -> b);

        assertEquals(first, FileTrees.hashes(site.resolve("1.0.0")), "1.0.0 must stay untouched");
        String json = Files.readString(site.resolve("versions.json"));
        String versions = json.substring(json.indexOf("\"versions\""));
        assertTrue(json.contains("\"latest\": \"1.1.0\""), json);
        assertTrue(versions.indexOf("\"1.2.0-SNAPSHOT\"") < versions.indexOf("\"1.1.0\"")
                && versions.indexOf("\"1.1.0\"") < versions.indexOf("\"1.0.0\""), versions);
        assertTrue(versions.contains("{\"name\": \"1.1.0\", \"latest\": true"), versions);
        String redirect = Files.readString(site.resolve("latest/compute/a1.html"));
        assertTrue(redirect.contains("url=../../1.1.0/compute/a1.html"), redirect);
        assertTrue(redirect.contains("<link rel=\"canonical\" href=\"../../1.1.0/compute/a1.html\">"), redirect);
        assertTrue(Files.isRegularFile(site.resolve("latest/index.html")));
    }

    @Test
    void publishedFilesAndFoldersFollowTheUmaskSoAnotherUserCanServeThem() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        // What the umask gives a plain new file and folder, as the shell or any program would make them.
        Path probe = Files.createDirectories(dir.resolve("probe"));
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(probe.resolve("file")));
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(Files.createDirectory(probe.resolve("folder")));
        ContentRepo repo = repo(3);
        generate(repo, "1.0.0", b -> b.bundles(dir.resolve("zips")));
        generate(repo, "1.1.0", b -> b.bundles(dir.resolve("zips")));
        repo.file("articles/compute/a1.md", ArticleText.generic("id-1").set("pageTitle", "Changed")
                .set("cloudEnvironments", "public, fairfax"));
        generate(repo, "1.1.0", b -> b.bundles(dir.resolve("zips"))); // a rebuild: latest/ updated in place

        List<String> wrong = new ArrayList<>();
        for (Path root : List.of(repo.root().resolve("target/certdocs/site"), dir.resolve("zips"))) {
            try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                for (Path p : walk.toList()) {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
                    if (!mode.equals(Files.isDirectory(p) ? folderMode : fileMode)) {
                        wrong.add(root.relativize(p) + " " + PosixFilePermissions.toString(mode));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void reportFilesAndTheBaselineFollowTheUmaskSoCiCanPublishThem() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path probe = Files.createDirectories(dir.resolve("probe"));
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(probe.resolve("file")));
        ContentRepo repo = repo(2);
        repo.file("articles/compute/broken.md", ArticleText.generic("id-b").set("cloudEnvironments", "public")
                .body("\n# Broken\n\n[x](missing.md)\n"));
        CertDocs.validate(BuildConfig.builder(repo.root()).threads(2).updateBaseline(true).build(), BuildLog.SILENT);
        CertDocs.checkLinks(BuildConfig.builder(repo.root()).threads(2).clouds(List.of("public")).build(), BuildLog.SILENT);

        List<String> wrong = new ArrayList<>();
        for (String name : List.of("target/certdocs/report.html", "target/certdocs/certdocs.sarif",
                "target/certdocs/certdocs-junit.xml", "certdocs-baseline.json")) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(repo.root().resolve(name));
            if (!mode.equals(fileMode)) wrong.add(name + " " + PosixFilePermissions.toString(mode));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void addsTheVersionToAnExistingPublishDirectoryAndLeavesItsOtherFilesAlone() throws IOException {
        ContentRepo repo = repo(2);
        Path pages = Files.createDirectories(dir.resolve("gh-pages"));
        Files.createDirectories(pages.resolve("public/0.9.0"));
        Files.writeString(pages.resolve("public/0.9.0/index.html"), "<p>old</p>");
        Files.writeString(pages.resolve("CNAME"), "support.contoso.com");
        generate(repo, "1.0.0", b -> b.publishDirectory(pages));

        assertEquals("<p>old</p>", Files.readString(pages.resolve("public/0.9.0/index.html")));
        assertEquals("support.contoso.com", Files.readString(pages.resolve("CNAME")));
        assertTrue(Files.isRegularFile(pages.resolve("public/1.0.0/compute/a0.html")));
        assertTrue(Files.readString(pages.resolve("public/versions.json")).contains("\"0.9.0\""));
    }

    @Test
    void aRunThatFailsPartWayLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        ContentRepo repo = repo(60);
        generate(repo, "1.0.0", b -> b);
        Path out = repo.root().resolve("target/certdocs/site");
        Map<String, String> before = FileTrees.hashes(out);
        // A template that fails for one article only, in the middle of the run.
        repo.file("src/site-templates/article.ftl",
                "<#if article.title == \"Article 31\">${article.noSuchThing}</#if>${article.title}");

        CertDocsException e = assertThrows(CertDocsException.class, () -> CertDocs.generate(BuildConfig.builder(repo.root())
                .siteVersion("1.0.0").threads(2).clouds(List.of("public", "fairfax")).build(), BuildLog.SILENT));

        assertTrue(e.getMessage().contains("article.ftl:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("articles/compute/a31.md"), e.getMessage());
        assertEquals(before, FileTrees.hashes(out));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".certdocs-staging")), "staging left behind");
        }
    }

    @Test
    void twoRunsOnTheSameInputGiveByteIdenticalSitesAndBundles() throws IOException {
        ContentRepo repo = repo(5);
        generate(repo, "1.0.0", b -> b.outputDirectory(dir.resolve("one")).bundles(dir.resolve("zips-one"))
                .outputTimestamp("2026-01-02T03:04:05Z").incremental(false));
        generate(repo, "1.0.0", b -> b.outputDirectory(dir.resolve("two")).bundles(dir.resolve("zips-two"))
                .outputTimestamp("2026-01-02T03:04:05Z").incremental(false));

        Map<String, String> one = FileTrees.hashes(dir.resolve("one"));
        assertFalse(one.isEmpty());
        assertEquals(one, FileTrees.hashes(dir.resolve("two")));
        assertEquals(FileTrees.hashes(dir.resolve("zips-one")), FileTrees.hashes(dir.resolve("zips-two")));
        assertEquals(List.of("certdocs-fairfax-1.0.0.zip", "certdocs-public-1.0.0.zip"),
                new ArrayList<>(FileTrees.hashes(dir.resolve("zips-one")).keySet()));
    }

    @Test
    void anIncrementalRunRendersOnlyWhatChangedAndGivesTheSameSiteAsAFullRun() throws IOException {
        ContentRepo repo = repo(10);
        GenerateResult full = generate(repo, "1.0.0", b -> b);
        Path out = repo.root().resolve("target/certdocs/site");

        GenerateResult again = generate(repo, "1.0.0", b -> b);
        assertEquals(full.pages(), again.pages());

        repo.file("articles/compute/a4.md", ArticleText.generic("id-4").set("pageTitle", "Article 4")
                .set("cloudEnvironments", "public, fairfax").body("\n# Article 4\n\n## Cause\n\nChanged text.\n"));
        generate(repo, "1.0.0", b -> b);
        Map<String, String> incremental = FileTrees.hashes(out);
        assertTrue(Files.readString(out.resolve("public/1.0.0/compute/a4.html")).contains("Changed text."));

        generate(repo, "1.0.0", b -> b.outputDirectory(dir.resolve("full")).incremental(false));
        assertEquals(FileTrees.hashes(dir.resolve("full")), incremental, "an incremental site must equal a full render");
    }

    @Test
    void anIncrementalRunGivesTheSameBundlesAsAFullRunAndLeavesNoSpool() throws IOException {
        ContentRepo repo = repo(12);
        UnaryOperator<BuildConfig.Builder> zips = b -> b.bundles(dir.resolve("zips")).outputTimestamp("2026-01-02T03:04:05Z");
        generate(repo, "1.0.0", zips);
        repo.file("articles/compute/a4.md", ArticleText.generic("id-4").set("pageTitle", "Article 4")
                .set("cloudEnvironments", "public, fairfax").body("\n# Article 4\n\n## Cause\n\nChanged text.\n"));
        repo.file("articles/compute/a12.md", ArticleText.generic("id-12").set("pageTitle", "Article 12")
                .set("cloudEnvironments", "public").body("\n# Article 12\n\n## Cause\n\nNew.\n"));
        List<String> debug = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override public void info(String m) { }
            @Override public void warn(String m) { }
            @Override public void error(String m) { }
            @Override public void debug(String m) { debug.add(m); }
        };
        GenerateResult incremental = CertDocs.generate(zips.apply(BuildConfig.builder(repo.root()).siteVersion("1.0.0")
                .threads(2).clouds(List.of("public", "fairfax"))).build(), log);
        assertFalse(incremental.failed(), incremental.reason());
        // Both sources at work: the pages written in this run from the spool, the kept ones from the previous bundle.
        String line = debug.stream().filter(m -> m.startsWith("bundle certdocs-public-1.0.0.zip:")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) entries compressed as they were written, (\\d+) copied")
                .matcher(line);
        assertTrue(m.find(), line);
        assertTrue(Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(2)) > 0, line);

        generate(repo, "1.0.0", b -> b.outputDirectory(dir.resolve("full")).bundles(dir.resolve("full-zips"))
                .outputTimestamp("2026-01-02T03:04:05Z").incremental(false));
        Map<String, String> full = FileTrees.hashes(dir.resolve("full-zips"));
        assertEquals(2, full.size());
        assertEquals(full, FileTrees.hashes(dir.resolve("zips")), "an incremental run's bundles must equal a full run's");
        try (Stream<Path> state = Files.walk(repo.root().resolve("target/certdocs/incremental"))) {
            assertEquals(List.of(), state.filter(p -> p.toString().endsWith(".bundle.spool")).toList(), "spool left behind");
        }
    }

    @Test
    void aRunThatFailsPartWayLeavesNoCompressedPagesBehind() throws IOException {
        ContentRepo repo = repo(60);
        repo.file("src/site-templates/article.ftl",
                "<#if article.title == \"Article 31\">${article.noSuchThing}</#if>${article.title}");
        assertThrows(CertDocsException.class, () -> CertDocs.generate(BuildConfig.builder(repo.root())
                .siteVersion("1.0.0").threads(2).clouds(List.of("public", "fairfax")).bundles(dir.resolve("zips")).build(),
                BuildLog.SILENT));
        try (Stream<Path> state = Files.walk(repo.root().resolve("target/certdocs/incremental"))) {
            assertEquals(List.of(), state.filter(p -> p.toString().endsWith(".bundle.spool")).toList(), "spool left behind");
        }
        assertFalse(Files.exists(dir.resolve("zips/certdocs-public-1.0.0.zip")));
    }

    @Test
    void countsRenderedAndReusedPages() {
        ContentRepo repo = repo(10);
        List<String> lines = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override public void info(String m) { lines.add(m); }
            @Override public void warn(String m) { lines.add(m); }
            @Override public void error(String m) { lines.add(m); }
        };
        BuildConfig config = BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2)
                .clouds(List.of("public", "fairfax")).build();
        CertDocs.generate(config, log);
        CertDocs.generate(config, log);
        repo.file("articles/compute/a4.md", ArticleText.generic("id-4").set("pageTitle", "Article 4")
                .set("cloudEnvironments", "public, fairfax").body("\n# Article 4\n\nChanged.\n"));
        CertDocs.generate(config, log);
        repo.file("src/site-templates/404.ftl", "<p>gone</p>");
        CertDocs.generate(config, log);

        List<String> counts = lines.stream().filter(l -> l.startsWith("certdocs generate:"))
                .map(l -> l.replaceAll(".*\\((\\d+) rendered, (\\d+) reused\\).*", "$1/$2")).toList();
        // 20 article pages + per cloud: home, one service page, search, 404 = 8 site pages; a changed body
        // re-renders the article's pages and their indexes (home and service page; search and 404 are reused)
        assertEquals(List.of("28/0", "0/28", "6/22", "28/0"), counts);
    }

    @Test
    void aRebuildOfTheLatestVersionWritesOnlyTheRedirectsOfAddedPagesAndDeletesThoseOfRemovedOnes() throws IOException {
        ContentRepo repo = repo(3);
        generate(repo, "1.0.0", b -> b);
        Path latest = repo.root().resolve("target/certdocs/site/public/latest");
        Object untouched = Files.readAttributes(latest.resolve("compute/a0.html"), BasicFileAttributes.class).fileKey();
        Files.delete(repo.root().resolve("articles/compute/a2.md"));
        repo.file("articles/compute/a3.md", ArticleText.generic("id-3").set("pageTitle", "Article 3")
                .set("cloudEnvironments", "public, fairfax").body("\n# Article 3\n\nNew.\n"));

        generate(repo, "1.0.0", b -> b);

        assertTrue(Files.isRegularFile(latest.resolve("compute/a3.html")));
        assertFalse(Files.exists(latest.resolve("compute/a2.html")));
        assertEquals(untouched, Files.readAttributes(latest.resolve("compute/a0.html"), BasicFileAttributes.class).fileKey(),
                "an unchanged redirect is left as it is");
        generate(repo, "1.0.0", b -> b.outputDirectory(dir.resolve("fresh")));
        assertEquals(FileTrees.hashes(dir.resolve("fresh/public/latest")), FileTrees.hashes(latest));
    }

    @Test
    void anAirGappedSiteWhoseTemplateReachesAnOutsideHostFailsBeforeAnythingIsPublished() throws IOException {
        ContentRepo repo = repo(1);
        repo.file("articles/compute/outside.md", ArticleText.generic("outside").set("cloudEnvironments", "usnat")
                .body("\n# Outside\n\nNothing outside.\n"));
        repo.file("src/site-templates/article.ftl", """
                <#ftl output_format="HTML">
                <#import "layout.ftl" as layout>
                <@layout.articlePage>
                <link rel="stylesheet" href="https://learn.microsoft.com/azure/x.css">
                </@layout.articlePage>
                """);
        CertDocsException e = assertThrows(CertDocsException.class, () -> CertDocs.generate(BuildConfig.builder(repo.root())
                .siteVersion("1.0.0").threads(2).build(), BuildLog.SILENT));
        assertTrue(e.getMessage().contains("usnat/1.0.0/compute/outside.html: https://learn.microsoft.com/azure/x.css"),
                e.getMessage());
        assertFalse(Files.exists(repo.root().resolve("target/certdocs/site/usnat/1.0.0")));
    }

    @Test
    void showsTheDateGitLastChangedAnArticle() throws Exception {
        ContentRepo repo = repo(1);
        Path root = repo.root();
        git(root, Map.of(), "init", "-q");
        git(root, Map.of(), "add", ".");
        git(root, Map.of("GIT_COMMITTER_DATE", "2024-03-05T10:00:00Z", "GIT_AUTHOR_DATE", "2024-03-05T10:00:00Z"),
                "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        generate(repo, "1.0.0", b -> b);
        String page = Files.readString(root.resolve("target/certdocs/site/public/1.0.0/compute/a0.html"));
        assertTrue(page.contains("2024-03-05"), "the page shows the commit date");
        assertNotEquals(-1, page.indexOf("2024-03-05"));
    }

    private static void git(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
