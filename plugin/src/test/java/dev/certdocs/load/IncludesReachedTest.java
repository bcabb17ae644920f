package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.SchemaLoader;
import dev.certdocs.testing.ArticleText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Includes#reachedFrom}: every include an article reaches, once each, in the order reached. */
class IncludesReachedTest {

    @TempDir
    Path repo;

    private void file(String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private List<String> reached(String body) {
        String text = ArticleText.generic("a1").body(body).text();
        var loaded = new ArticleLoader(repo, SchemaLoader.load(Optional.empty()))
                .parse("articles/a.md", repo.resolve("articles/a.md"), text);
        return new Includes(repo).reachedFrom("articles/a.md", loaded.article().body());
    }

    @Test
    void depthFirstInPageOrderEachOnceThroughCycles() throws IOException {
        file("includes/one.md", "[!INCLUDE [x](two.md)]\n\n[!INCLUDE [x](three.md)]\n");
        file("includes/two.md", "[!INCLUDE [x](one.md)]\n");
        file("includes/three.md", "text\n");
        file("includes/four.md", "[!INCLUDE [x](two.md)]\n");
        assertEquals(List.of("includes/one.md", "includes/two.md", "includes/three.md", "includes/four.md"),
                reached("\n# T\n\n[!INCLUDE [a](../includes/one.md)]\n\n[!INCLUDE [m](../includes/missing.md)]\n\n"
                        + "[!INCLUDE [b](../includes/four.md)]\n"));
    }

    @Test
    void followsNoDirectiveBelowTheDepthLimit() throws IOException {
        for (int i = 0; i < Includes.MAX_DEPTH + 5; i++) {
            file("includes/c" + i + ".md", "[!INCLUDE [x](c" + (i + 1) + ".md)]\n");
        }
        assertEquals(Includes.MAX_DEPTH + 1, reached("\n# T\n\n[!INCLUDE [a](../includes/c0.md)]\n").size());
    }
}
