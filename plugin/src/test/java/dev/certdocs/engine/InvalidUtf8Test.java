package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes that are not UTF-8 are an error at the first bad byte; the run goes on, and a cached article still reports it. */
class InvalidUtf8Test {

    private static final String LATIN1 = "articles/compute/latin1.md:16:4: error [encoding/invalid-utf8] the file is not"
            + " valid UTF-8: the first bad byte is here, and bad bytes would show as U+FFFD; save the file as UTF-8";

    @TempDir
    Path dir;

    private ContentRepo repo() throws IOException {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/other.md", ArticleText.generic("other").body("\nNo heading.\n"));
        byte[] head = ArticleText.generic("latin1").body("\n# Caf\u00e9\n\n").text().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "Caf\u00e9 au lait, na\u00efve.\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        repo.bytes("articles/compute/latin1.md", bytes);
        return repo;
    }

    @Test
    void reportsTheFirstBadByteAndGoesOnWithTheOtherChecks() throws IOException {
        List<String> problems = ContentRepo.allProblems(repo().validate());
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(LATIN1, problems.get(0));
        assertTrue(problems.get(1).startsWith("articles/compute/other.md:") && problems.get(1).contains("[body/missing-h1]"),
                "the other article is checked as well: " + problems);
    }

    @Test
    void anIncrementalRunReportsItFromItsCacheToo() throws IOException {
        ContentRepo repo = repo();
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(repo.root().resolve("articles/compute/latin1.md"), old);
        BuildConfig config = BuildConfig.builder(repo.root()).siteVersion("1.0.0").force(true).build();
        List<String> first = ContentRepo.allProblems(CertDocs.generate(config, BuildLog.SILENT).validation());
        List<String> cached = ContentRepo.allProblems(CertDocs.generate(config, BuildLog.SILENT).validation());
        assertEquals(first, cached);
        assertEquals(LATIN1, cached.get(0));
    }
}
