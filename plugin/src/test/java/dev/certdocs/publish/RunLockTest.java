package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.CertDocsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in one JVM take turns on a lock file as runs in two processes do, and a failed wait releases nothing. */
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunInTheSameJvmWaitsItsTimeThenFailsSayingWhoHoldsTheLock() throws Exception {
        Path file = dir.resolve("site.lock");
        long pid = ProcessHandle.current().pid();
        try (RunLock first = RunLock.acquire(file, "the site", Duration.ofSeconds(1), m -> { })) {
            List<String> notices = new ArrayList<>();
            Throwable e = CompletableFuture.supplyAsync(() -> { // another thread: a second run in the same JVM
                try {
                    RunLock.acquire(file, "the site", Duration.ofMillis(200), notices::add).close();
                    return null;
                } catch (CertDocsException failed) {
                    return failed;
                }
            }).get(10, TimeUnit.SECONDS);
            assertTrue(e instanceof CertDocsException, String.valueOf(e));
            assertTrue(e.getMessage().startsWith("another certdocs run is using the site (held by pid " + pid + " on "), e.getMessage());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("certdocs: waiting up to 0.2 s for another run using the site (held by pid "),
                    notices.get(0));
            assertTrue(RunLock.held(file), "still held after the other run gave up");
            assertTrue(Files.readString(file).startsWith("pid " + pid + " on "));
        }
        assertFalse(RunLock.held(file));
        try (RunLock again = RunLock.acquire(file, "the site", Duration.ZERO, m -> { })) {
            assertTrue(RunLock.held(file));
        }
    }

    @Test
    void aWaitingRunGoesOnAsSoonAsTheLockIsReleased() throws Exception {
        Path file = dir.resolve("site.lock");
        RunLock first = RunLock.acquire(file, "the site", Duration.ZERO, m -> { });
        CompletableFuture<RunLock> second = CompletableFuture.supplyAsync(
                () -> RunLock.acquire(file, "the site", Duration.ofSeconds(60), m -> { }));
        Thread.sleep(200);
        assertFalse(second.isDone());
        first.close();
        second.get(30, TimeUnit.SECONDS).close();
    }

    @Test
    void takesOverALockFileWhoseHolderEnded() throws Exception {
        Path file = dir.resolve("site.lock");
        Files.writeString(file, "pid 1 on elsewhere, started 2026-01-01T00:00:00Z\n"); // what a killed run leaves
        List<String> notices = new ArrayList<>();
        try (RunLock lock = RunLock.acquire(file, "the site", Duration.ZERO, notices::add)) {
            assertEquals(List.of("certdocs: took over the lock on the site left by a run that ended"
                    + " (pid 1 on elsewhere, started 2026-01-01T00:00:00Z)"), notices);
        }
    }
}
