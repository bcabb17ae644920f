package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed at any step of publishing leaves a complete, consistent site: every version that
 * versions.json lists is there, whole (as before the run or as the run built it), latest/ shows
 * one of them whole, and the next run recovers. The run is stopped by halting its JVM at the
 * k-th step ({@link PublishSteps}), for every k, not by a timing guess.
 */
class AtomicPublishingTest {

    private static final int HALTED = 77;

    @TempDir
    Path dir;

    /** The child JVM: publishes a version of a repository, its JVM halted (as by kill -9) at the k-th publishing step. */
    public static final class HaltingGenerate {
        public static void main(String[] args) {
            int haltAt = Integer.parseInt(args[2]);
            AtomicInteger steps = new AtomicInteger();
            PublishSteps.hook = step -> {
                if (steps.incrementAndGet() == haltAt) {
                    System.out.println("halted after step " + haltAt + ": " + step);
                    System.out.flush();
                    Runtime.getRuntime().halt(HALTED);
                }
            };
            CertDocs.generate(config(Path.of(args[0]), args[1]).build(), BuildLog.SILENT);
            System.out.println("ended after " + steps.get() + " steps");
        }
    }

    private static BuildConfig.Builder config(Path repo, String version) {
        return BuildConfig.builder(repo).siteVersion(version).threads(1).clouds(List.of("public"));
    }

    private static ArticleText article(int i, String title) {
        return ArticleText.generic("id-" + i).set("pageTitle", title).set("cloudEnvironments", "public");
    }

    /** A repository whose site has versions 1.0.0 and 1.1.0, and whose content then changed. */
    private ContentRepo published(String name) {
        ContentRepo repo = ContentRepo.in(dir.resolve(name));
        for (int i = 0; i < 4; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Article " + i));
        for (String v : List.of("1.0.0", "1.1.0")) assertFalse(CertDocs.generate(config(repo.root(), v).build(), BuildLog.SILENT).failed());
        repo.file("articles/compute/a1.md", article(1, "Article one, changed"));
        repo.file("articles/compute/a9.md", article(9, "Article nine, new"));
        return repo;
    }

    @Test
    void aRunKilledAtAnyStepOfRebuildingTheLatestVersionLeavesACompleteSite() throws Exception {
        killAtEveryStep("1.1.0");
    }

    @Test
    void aRunKilledAtAnyStepOfPublishingANewVersionLeavesACompleteSite() throws Exception {
        killAtEveryStep("1.2.0");
    }

    private void killAtEveryStep(String version) throws Exception {
        ContentRepo reference = published("reference");
        Path refSite = reference.root().resolve("target/certdocs/site");
        Map<String, Map<String, String>> before = versions(refSite.resolve("public"));
        assertFalse(CertDocs.generate(config(reference.root(), version).build(), BuildLog.SILENT).failed());
        Map<String, Map<String, String>> after = versions(refSite.resolve("public"));
        Map<String, String> finalSite = FileTrees.hashes(refSite);

        for (int k = 1; ; k++) {
            ContentRepo repo = published("repo-" + version + "-" + k);
            Path site = repo.root().resolve("target/certdocs/site");
            Path log = dir.resolve("child-" + version + "-" + k + ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), HaltingGenerate.class.getName(), repo.root().toString(), version,
                    Integer.toString(k)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not end");
            } finally {
                child.destroyForcibly();
            }
            String said = Files.readString(log);
            if (child.exitValue() == 0) {
                assertTrue(k > 5 && said.contains("ended after " + (k - 1) + " steps"), said);
                return; // every step was killed once
            }
            assertEquals(HALTED, child.exitValue(), said);
            assertComplete(site.resolve("public"), before, after, said.strip());

            assertFalse(CertDocs.generate(config(repo.root(), version).build(), BuildLog.SILENT).failed());
            assertEquals(finalSite, FileTrees.hashes(site), "the next run recovers: " + said);
            assertNoLeftovers(site.resolve("public"), said);
        }
    }

    /** Every version folder shown under a cloud (hidden ones aside), with its files' hashes. */
    private static Map<String, Map<String, String>> versions(Path cloud) throws IOException {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (SiteVersion v : Versions.present(cloud)) all.put(v.name(), FileTrees.hashes(cloud.resolve(v.name())));
        return all;
    }

    private static final Pattern REDIRECT = Pattern.compile("url=([^\"]+)\"");

    /** The site a killed run left: complete and consistent. */
    private static void assertComplete(Path cloud, Map<String, Map<String, String>> before, Map<String, Map<String, String>> after,
                                       String when) throws IOException {
        JsonNode json = new ObjectMapper().readTree(cloud.resolve("versions.json").toFile());
        for (JsonNode v : json.get("versions")) {
            String name = v.get("name").asText();
            Map<String, String> files = FileTrees.hashes(cloud.resolve(name));
            assertTrue(files.equals(before.get(name)) || files.equals(after.get(name)),
                    when + ": version " + name + " is listed but not there whole: " + files.keySet());
        }
        String latest = json.get("latest").asText();
        Path index = cloud.resolve("latest/index.html");
        assertTrue(Files.isRegularFile(index), when + ": no latest/index.html");
        Matcher m = REDIRECT.matcher(Files.readString(index));
        assertTrue(m.find());
        String shown = m.group(1).replaceAll("^\\.\\./([^/]+)/index\\.html$", "$1");
        Map<String, String> files = FileTrees.hashes(cloud.resolve(shown));
        assertTrue(files.equals(before.get(shown)) || files.equals(after.get(shown)), when + ": latest/ shows " + shown
                + ", which is not there whole");
        // versions.json and latest/ change one after the other (each in one rename): both name a version that is there whole.
        Map<String, String> named = FileTrees.hashes(cloud.resolve(latest));
        assertTrue(named.equals(before.get(latest)) || named.equals(after.get(latest)), when + ": versions.json's latest " + latest);
        try (Stream<Path> walk = Files.walk(cloud.resolve("latest").toRealPath())) {
            for (Path page : walk.filter(Files::isRegularFile).toList()) {
                Matcher r = REDIRECT.matcher(Files.readString(page));
                assertTrue(r.find());
                Path target = cloud.resolve("latest").resolve(cloud.resolve("latest").toRealPath().relativize(page)).getParent()
                        .resolve(r.group(1)).normalize();
                assertTrue(Files.isRegularFile(target), when + ": latest/ redirects to " + target + ", which is missing");
            }
        }
    }

    /** Nothing hidden in the cloud's folder but what its links show; no staging beside the site. */
    private static void assertNoLeftovers(Path cloud, String when) throws IOException {
        try (Stream<Path> list = Files.list(cloud)) {
            List<Path> entries = list.toList();
            long links = entries.stream().filter(Files::isSymbolicLink).count();
            long hidden = entries.stream().filter(p -> p.getFileName().toString().startsWith(".")).count();
            assertEquals(links, hidden, when + ": leftovers in " + entries);
        }
        try (Stream<Path> list = Files.list(cloud.getParent().getParent())) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().startsWith(".certdocs-staging-")), when + ": staging left");
        }
    }
}
