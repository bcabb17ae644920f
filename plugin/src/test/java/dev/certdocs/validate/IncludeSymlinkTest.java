package dev.certdocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An include may not leave the repository through a symbolic link either (docs/design.md §6). */
class IncludeSymlinkTest {

    @Test
    void reportsAnIncludeThatLeavesTheRepositoryThroughASymbolicLink(@TempDir Path dir) throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.md"), "Secret.\n");
        var repo = ContentRepo.in(dir.resolve("repo"))
                .file("articles/a.md", ArticleText.generic("a").body("\n# Title\n\n[!INCLUDE [x](../includes/link.md)]\n"))
                .file("includes/inside.md", "Inside.\n");
        Path link = repo.root().resolve("includes/link.md");
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | FileSystemException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
        assertEquals(List.of("articles/a.md:16:1: error [include/escape] include '../includes/link.md' leaves the repository; "
                + "includes must stay inside it"), ContentRepo.allProblems(repo.validate()));
    }

    @Test
    void acceptsASymbolicLinkThatStaysInsideTheRepository(@TempDir Path dir) throws IOException {
        var repo = ContentRepo.in(dir)
                .file("articles/a.md", ArticleText.generic("a").body("\n# Title\n\n[!INCLUDE [x](../includes/link.md)]\n"))
                .file("shared/inside.md", "Inside.\n");
        Files.createDirectories(dir.resolve("includes"));
        try {
            Files.createSymbolicLink(dir.resolve("includes/link.md"), Path.of("../shared/inside.md"));
        } catch (UnsupportedOperationException | FileSystemException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
        assertEquals(List.of(), ContentRepo.allProblems(repo.validate()));
    }
}
