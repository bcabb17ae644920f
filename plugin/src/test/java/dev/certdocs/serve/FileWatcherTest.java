package dev.certdocs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The watcher hands over a burst of saves as one batch, watches folders made later, and skips what it is told to. */
class FileWatcherTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aBurstOfSavesIsOneBatch() throws IOException, InterruptedException {
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        Files.createDirectories(dir.resolve("articles"));
        // A quiet period far longer than the burst takes: the burst cannot be split.
        try (FileWatcher watcher = new FileWatcher(dir, d -> true, Duration.ofSeconds(3), Duration.ofSeconds(30), batches::add,
                m -> { }).start()) {
            Set<Path> written = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                Path f = dir.resolve("articles/a" + i + ".md");
                Files.writeString(f, "text " + i);
                written.add(f);
            }
            Set<Path> batch = batches.poll(40, TimeUnit.SECONDS);
            assertEquals(written, batch);
        }
    }

    @Test
    @Timeout(60)
    void watchesNewFoldersAndSkipsIgnoredOnes() throws IOException, InterruptedException {
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        Files.createDirectories(dir.resolve("target"));
        try (FileWatcher watcher = new FileWatcher(dir, d -> !d.getFileName().toString().equals("target"), Duration.ofMillis(50),
                Duration.ofSeconds(1), batches::add, m -> { }).start()) {
            Files.writeString(dir.resolve("target/ignored.html"), "x");
            Files.createDirectories(dir.resolve("articles/new"));
            Set<Path> seen = new HashSet<>();
            Path wanted = dir.resolve("articles/new/late.md");
            // The folder may be registered after the first batch: write until the change is seen.
            for (int i = 0; i < 200 && !seen.contains(wanted); i++) {
                Files.writeString(wanted, "late " + i);
                Set<Path> batch = batches.poll(200, TimeUnit.MILLISECONDS);
                if (batch != null) seen.addAll(batch);
            }
            assertTrue(seen.contains(wanted), seen.toString());
            assertTrue(seen.stream().noneMatch(p -> p.startsWith(dir.resolve("target"))), seen.toString());
        }
    }
}
