package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a content directory that holds no articles says. */
class ContentDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aContentDirectoryThatIsAFileSaysSo() throws IOException {
        Files.writeString(dir.resolve("articles"), "not a folder\n");
        var e = assertThrows(CertDocsException.class,
                () -> CertDocs.validate(BuildConfig.builder(dir).build(), BuildLog.SILENT));
        assertEquals("the content directory " + dir.resolve("articles") + " is a file, not a directory; set"
                + " <contentDirectory> or -Dcertdocs.contentDirectory to the folder that holds the articles", e.getMessage());
    }

    @Test
    void anEmptyContentDirectoryIsAWarningAndNotAFailure() throws IOException {
        Files.createDirectories(dir.resolve("articles/compute"));
        Files.writeString(dir.resolve("articles/compute/notes.txt"), "not an article\n");
        RecordingLog log = new RecordingLog();
        ValidationResult result = CertDocs.validate(BuildConfig.builder(dir).reportsDirectory(dir.resolve("reports")).build(), log);
        assertFalse(result.failed());
        assertEquals(List.of("[WARNING] the content directory " + dir.resolve("articles") + " holds no article (.md file);"
                        + " check <contentDirectory> or -Dcertdocs.contentDirectory"),
                log.lines().stream().filter(l -> l.startsWith("[WARNING]")).toList());
    }
}
