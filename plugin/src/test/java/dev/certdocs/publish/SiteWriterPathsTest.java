package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SiteWriter#plain}: a page path taken as it is only where normalizing and relativizing it would give it back. */
class SiteWriterPathsTest {

    private static final Path VERSION = Path.of("/site/public/1.0.0");

    @Test
    void aPlainPathIsItsOwnRelativePath() {
        for (String path : List.of("index.html", "compute/vm-start-fails.html", "a/b/c/d.html", "...", "a/.b/c..html",
                "search/t/ab.js", "é/ü.html")) {
            assertTrue(SiteWriter.plain(path), path);
            Path file = VERSION.resolve(path).normalize();
            assertTrue(file.startsWith(VERSION), path);
            assertEquals(path, VERSION.relativize(file).toString(), path);
        }
    }

    @Test
    void anythingNormalizingCouldChangeIsNotPlain() {
        for (String path : List.of("", "/index.html", "a/", "a//b.html", "./a.html", "a/./b.html", "a/../b.html", "..",
                "../x.html", "a/..", "a\\b.html", "c:x.html", ".")) {
            assertFalse(SiteWriter.plain(path), path);
        }
    }
}
