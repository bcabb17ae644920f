package dev.certdocs.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certdocs:new} writes under the content directory only, helps with a mistyped kind or cloud, and what it writes is checked. */
class NewArticleTest {

    @TempDir
    Path repo;

    private Path create(String kind, List<String> clouds, String directory) {
        return NewArticle.create(BuildConfig.builder(repo).build(),
                new NewArticle.Request("Disk throughput is throttled", kind, clouds, directory));
    }

    @Test
    void writesTheArticleInAFolderUnderTheContentDirectory() {
        Path file = create("generic", List.of("public"), "compute");
        assertEquals(repo.resolve("articles/compute/disk-throughput-is-throttled.md"), file);
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void refusesADirectoryOutsideTheContentDirectory() throws IOException {
        for (String outside : List.of("../outside", "../../elsewhere", "compute/../../x", repo.resolve("elsewhere").toString())) {
            CertDocsException e = assertThrows(CertDocsException.class, () -> create("generic", List.of("public"), outside));
            assertEquals("the directory '" + outside + "' is outside the content directory articles; give a folder under it,"
                    + " e.g. -Ddirectory=compute", e.getMessage());
        }
        try (Stream<Path> files = Files.walk(repo)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".md")), "nothing was written");
        }
    }

    @Test
    void suggestsTheClosestKindAndCloud() {
        CertDocsException kind = assertThrows(CertDocsException.class, () -> create("generc", List.of("public"), ""));
        assertTrue(kind.getMessage().startsWith("unknown type 'generc', did you mean 'generic'? Known types: "), kind.getMessage());
        CertDocsException cloud = assertThrows(CertDocsException.class, () -> create("generic", List.of("fairfx"), ""));
        assertTrue(cloud.getMessage().startsWith("unknown cloud 'fairfx', did you mean 'fairfax'? Known clouds: "), cloud.getMessage());
    }

    @Test
    void everyPlaceholderOfANewArticleIsAWarningAtItsPosition(@TempDir Path dir) {
        ContentRepo repo = ContentRepo.in(dir);
        NewArticle.create(BuildConfig.builder(dir).build(),
                new NewArticle.Request("VM does not start", "tsg_content", List.of("public"), ""));
        assertEquals(List.of(
                "articles/vm-does-not-start.md:14:1: warning [body/placeholder] placeholder text 'Describe the symptom in a sentence or two.' from certdocs:new is still here; replace it with the article's own words",
                "articles/vm-does-not-start.md:18:1: warning [body/placeholder] placeholder text 'What causes it.' from certdocs:new is still here; replace it with the article's own words",
                "articles/vm-does-not-start.md:22:4: warning [body/placeholder] placeholder text 'The first step.' from certdocs:new is still here; replace it with the article's own words"),
                ContentRepo.allProblems(repo.validate()).stream().filter(l -> l.contains("[body/placeholder]")).toList());
    }
}
