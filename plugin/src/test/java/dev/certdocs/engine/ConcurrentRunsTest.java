package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time per site and state directory, and state from an earlier run verified before
 * it is reused: a second run says who holds the site and fails after its wait, a killed run's lock
 * and staging are taken over and removed, and a search index, manifest or checks.json changed
 * behind certdocs's back is rebuilt, never spliced into the next site.
 */
class ConcurrentRunsTest {

    @TempDir
    Path dir;

    private static ArticleText article(int i, String text) {
        return ArticleText.generic("id-" + i).set("pageTitle", "Article " + i).set("cloudEnvironments", "public, fairfax")
                .body("\n# Article " + i + "\n\n## Cause\n\n" + text + "\n");
    }

    private ContentRepo repo(int articles) {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < articles; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Text " + i + "."));
        return repo;
    }

    private static BuildConfig.Builder config(ContentRepo repo) {
        return BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2).clouds(List.of("public", "fairfax"));
    }

    /** Generates incrementally, then renders the same input from scratch elsewhere: both sites must be equal. */
    private void generateAndCompareWithAFullBuild(ContentRepo repo, String full) throws IOException {
        assertFalse(CertDocs.generate(config(repo).build(), BuildLog.SILENT).failed());
        Path site = repo.root().resolve("target/certdocs/site");
        assertFalse(CertDocs.generate(config(repo).outputDirectory(dir.resolve(full)).incremental(false).build(),
                BuildLog.SILENT).failed());
        assertEquals(FileTrees.hashes(dir.resolve(full)), FileTrees.hashes(site), "the site must equal a full render");
        for (String cloud : List.of("public", "fairfax")) {
            dev.certdocs.testing.SearchFiles.rows(site.resolve(cloud + "/1.0.0")); // valid JSON
        }
    }

    /** The child JVM: renders version 1.0.0 of a repository, slowly, on the public cloud. */
    public static final class SlowGenerate {
        public static void main(String[] args) {
            CertDocs.generate(BuildConfig.builder(Path.of(args[0])).siteVersion("1.0.0").threads(1)
                    .clouds(List.of("public")).build(), BuildLog.SILENT);
        }
    }

    @Test
    void aSecondRunSaysWhoHoldsTheSiteAndFailsAfterItsWaitThenAKilledRunsLockAndStagingAreTakenOver() throws Exception {
        ContentRepo repo = repo(100);
        assertFalse(CertDocs.generate(config(repo).build(), BuildLog.SILENT).failed());
        Path out = repo.root().resolve("target/certdocs/site");
        repo.file("src/site-templates/article.ftl", "<#list 1..200000 as i></#list>${article.title} slowly");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowGenerate.class.getName(), repo.root().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            assertTrue(waitForStaging(out.getParent(), child), "the child never started: " + Files.readString(dir.resolve("child.log")));
            CertDocsException e = assertThrows(CertDocsException.class, () -> CertDocs.generate(
                    config(repo).lockTimeout(Duration.ofMillis(300)).build(), BuildLog.SILENT));
            assertTrue(e.getMessage().startsWith("another certdocs run is using the site " + out + " (held by pid " + child.pid()
                    + " on "), e.getMessage());
            assertTrue(e.getMessage().endsWith("waited 0.3 s for it to finish. Wait until it ends, or give it longer with"
                    + " -Dcertdocs.lockTimeout=<seconds>"), e.getMessage());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(stagings(out.getParent()) > 0, "the killed run left its staging");

        Files.delete(repo.root().resolve("src/site-templates/article.ftl"));
        repo.file("articles/compute/a3.md", article(3, "Changed."));
        generateAndCompareWithAFullBuild(repo, "full"); // the killed run's lock is free: taken over, no wait
        assertEquals(0, stagings(out.getParent()), "a staging no live run holds is removed");
    }

    @Test
    void keepsTheStagingOfALiveRun() throws Exception {
        ContentRepo repo = repo(3);
        Path parent = repo.root().resolve("target/certdocs");
        Files.createDirectories(parent.resolve(".certdocs-staging-live/public"));
        Files.createDirectories(parent.resolve(".certdocs-staging-dead/public"));
        Files.createFile(parent.resolve(".certdocs-staging-dead.lock"));
        try (var live = dev.certdocs.publish.RunLock.acquire(parent.resolve(".certdocs-staging-live.lock"), "a staging",
                Duration.ZERO, m -> { })) {
            assertFalse(CertDocs.generate(config(repo).build(), BuildLog.SILENT).failed());
            assertTrue(Files.isDirectory(parent.resolve(".certdocs-staging-live/public")), "a live run's staging is kept");
            assertFalse(Files.exists(parent.resolve(".certdocs-staging-dead")), "a dead run's staging is removed");
        }
    }

    @Test
    void aSearchIndexChangedInPlaceIsNotSplicedIntoTheNextSite() throws IOException {
        ContentRepo repo = repo(6);
        assertFalse(CertDocs.generate(config(repo).build(), BuildLog.SILENT).failed());
        // Same size, same modification time, same file: only the bytes say it changed.
        Path index = repo.root().resolve("target/certdocs/incremental/1.0.0.public.search.json");
        FileTime time = Files.getLastModifiedTime(index);
        byte[] bytes = Files.readAllBytes(index);
        bytes[1] = 'X';
        try (var ch = java.nio.channels.FileChannel.open(index, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes), 0);
        }
        Files.setLastModifiedTime(index, time);

        generateAndCompareWithAFullBuild(repo.file("articles/compute/a2.md", article(2, "Changed.")), "full");
    }

    @Test
    void aManifestChangedBehindCertdocsIsNotTrusted() throws IOException {
        ContentRepo repo = repo(6);
        assertFalse(CertDocs.generate(config(repo).build(), BuildLog.SILENT).failed());
        // Two pages' places in the search index swapped: still a well-formed manifest.
        Path manifest = repo.root().resolve("target/certdocs/incremental/1.0.0.manifest");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
        List<Integer> pages = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("page\tpublic\tcompute/a")) pages.add(k);
        }
        String[] a = lines.get(pages.get(0)).split("\t", -1);
        String[] b = lines.get(pages.get(1)).split("\t", -1);
        String[] swapped = a.clone();
        swapped[4] = b[4];
        swapped[5] = b[5];
        b[4] = a[4];
        b[5] = a[5];
        lines.set(pages.get(0), String.join("\t", swapped));
        lines.set(pages.get(1), String.join("\t", b));
        Files.write(manifest, lines);

        generateAndCompareWithAFullBuild(repo.file("articles/compute/a5.md", article(5, "Changed.")), "full");
    }

    @Test
    void aValidationCacheChangedBehindCertdocsIsNotTrusted() throws IOException {
        ContentRepo repo = repo(6);
        assertFalse(CertDocs.generate(config(repo).build(), BuildLog.SILENT).failed());
        // Still valid JSON: an article's stored title differs from its file's.
        Path checks = repo.root().resolve("target/certdocs/incremental/checks.json");
        String text = Files.readString(checks);
        assertTrue(text.contains("\"Article 1\""));
        Files.writeString(checks, text.replace("\"Article 1\"", "\"Tampered 1\""), StandardCharsets.UTF_8);

        generateAndCompareWithAFullBuild(repo.file("articles/compute/a2.md", article(2, "Changed.")), "full");
    }

    private static long stagings(Path parent) throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            return list.filter(p -> p.getFileName().toString().startsWith(".certdocs-staging") && Files.isDirectory(p)).count();
        }
    }

    /** Waits until the child has staged an article page; false if it ended first. */
    private static boolean waitForStaging(Path certdocs, Process child) throws IOException, InterruptedException {
        for (int i = 0; i < 1200 && child.isAlive(); i++) {
            try (Stream<Path> list = Files.list(certdocs)) {
                for (Path p : list.filter(d -> d.getFileName().toString().startsWith(".certdocs-staging")).toList()) {
                    Path compute = p.resolve("public/1.0.0/compute");
                    if (Files.isDirectory(compute)) {
                        try (Stream<Path> pages = Files.list(compute)) {
                            if (pages.findAny().isPresent()) return true;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        return false;
    }
}
