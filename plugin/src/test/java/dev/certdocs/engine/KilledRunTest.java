package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generate run killed half-way (kill -9) leaves the previous site exactly as it was. */
class KilledRunTest {

    @TempDir
    Path dir;

    /** The child JVM: renders version 1.0.0 of a repository, slowly. */
    public static final class SlowGenerate {
        public static void main(String[] args) {
            CertDocs.generate(BuildConfig.builder(Path.of(args[0])).siteVersion("1.0.0").threads(1)
                    .clouds(List.of("public")).incremental(args.length > 1).build(), BuildLog.SILENT);
        }
    }

    @Test
    void aKilledRunLeavesThePreviousSiteAsItWas() throws Exception {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 200; i++) {
            repo.file("articles/compute/a" + i + ".md", ArticleText.generic("id-" + i).set("pageTitle", "Article " + i));
        }
        GenerateResult first = CertDocs.generate(BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2)
                .clouds(List.of("public")).build(), BuildLog.SILENT);
        assertFalse(first.failed());
        Path out = repo.root().resolve("target/certdocs/site");
        Map<String, String> before = FileTrees.hashes(out);

        // The next run is slow (a template that loops) so it can be killed while it writes.
        repo.file("src/site-templates/article.ftl", "<#list 1..200000 as i></#list>${article.title} changed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowGenerate.class.getName(), repo.root().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path staged = waitForStagedPages(out.getParent(), child);
            assertTrue(staged != null, "the child never started writing: " + Files.readString(dir.resolve("child.log")));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        assertEquals(before, FileTrees.hashes(out), "the published site changed");
        assertFalse(Files.readString(out.resolve("public/1.0.0/compute/a1.html")).contains("changed"));
    }

    @Test
    void aKilledIncrementalRunLeavesThePreviousSiteAsItWasAndTheNextRunRecovers() throws Exception {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 200; i++) {
            repo.file("articles/compute/a" + i + ".md", ArticleText.generic("id-" + i).set("pageTitle", "Article " + i));
        }
        BuildConfig config = BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2).clouds(List.of("public")).build();
        assertFalse(CertDocs.generate(config, BuildLog.SILENT).failed());
        repo.file("articles/compute/a1.md", ArticleText.generic("id-1").set("pageTitle", "Article one"));
        assertFalse(CertDocs.generate(config, BuildLog.SILENT).failed());
        Path out = repo.root().resolve("target/certdocs/site");
        assertTrue(Files.isDirectory(repo.root().resolve("target/certdocs/incremental/spare/public/1.0.0")), "a spare to start from");
        Map<String, String> before = FileTrees.hashes(out);

        // The next run starts its staging from the spare, then is killed while it renders slowly.
        repo.file("src/site-templates/article.ftl", "<#list 1..200000 as i></#list>${article.title} changed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowGenerate.class.getName(), repo.root().toString(), "incremental")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            assertTrue(waitForStagedPages(out.getParent(), child) != null,
                    "the child never started writing: " + Files.readString(dir.resolve("child.log")));
            Thread.sleep(300); // well into rendering
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(before, FileTrees.hashes(out), "the published site changed");

        Files.delete(repo.root().resolve("src/site-templates/article.ftl"));
        repo.file("articles/compute/a2.md", ArticleText.generic("id-2").set("pageTitle", "Article two"));
        assertFalse(CertDocs.generate(config, BuildLog.SILENT).failed());
        assertFalse(CertDocs.generate(BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2).clouds(List.of("public"))
                .outputDirectory(dir.resolve("full")).incremental(false).build(), BuildLog.SILENT).failed());
        assertEquals(FileTrees.hashes(dir.resolve("full")), FileTrees.hashes(out), "the next run publishes what a full render does");
    }

    /** Waits until the child has staged at least one article page; null if it ended first. */
    private static Path waitForStagedPages(Path certdocs, Process child) throws IOException, InterruptedException {
        for (int i = 0; i < 1200 && child.isAlive(); i++) {
            if (Files.isDirectory(certdocs)) {
                try (Stream<Path> list = Files.list(certdocs)) {
                    for (Path p : list.filter(d -> d.getFileName().toString().startsWith(".certdocs-staging")).toList()) {
                        Path compute = p.resolve("public/1.0.0/compute");
                        if (Files.isDirectory(compute)) {
                            try (Stream<Path> pages = Files.list(compute)) {
                                if (pages.findAny().isPresent()) return p;
                            }
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

}
