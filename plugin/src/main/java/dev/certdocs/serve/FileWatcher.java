package dev.certdocs.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches a repository (every folder {@code watches} accepts, folders made later included) with
 * the JDK's {@link WatchService} and hands over the changed files in batches: a burst of saves
 * (an editor's write-and-rename, a {@code git checkout}) becomes one batch once no event came for
 * {@code quiet}, or after {@code longest} at most. Batches are handed over one at a time on the
 * watcher's own thread; what changes while one is handled comes in the next. A lost event
 * (the queue overflowed) is handed over as the repository root itself: everything may have changed.
 */
final class FileWatcher implements AutoCloseable {

    private final Path root;
    private final Predicate<Path> watches;
    private final Duration quiet;
    private final Duration longest;
    private final Consumer<Set<Path>> onChange;
    private final Consumer<String> warn;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;

    FileWatcher(Path root, Predicate<Path> watches, Duration quiet, Duration longest, Consumer<Set<Path>> onChange,
                Consumer<String> warn) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.watches = watches;
        this.quiet = quiet;
        this.longest = longest;
        this.onChange = onChange;
        this.warn = warn;
        this.service = FileSystems.getDefault().newWatchService();
        register(this.root, null);
        this.thread = new Thread(this::run, "certdocs-serve-watcher");
        thread.setDaemon(true);
    }

    FileWatcher start() {
        thread.start();
        return this;
    }

    /** Registers {@code dir} and the folders below it; files found in a new folder are added to {@code found}. */
    private void register(Path dir, Set<Path> found) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && !watches.test(d)) return FileVisitResult.SKIP_SUBTREE;
                WatchKey key = d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                folders.put(key, d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (found != null) found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone again, or unreadable: nothing to watch
            }
        });
    }

    private void run() {
        try {
            while (true) {
                Set<Path> batch = new LinkedHashSet<>();
                take(service.take(), batch);
                long deadline = System.nanoTime() + longest.toNanos();
                while (System.nanoTime() < deadline) {
                    WatchKey next = service.poll(Math.min(quiet.toNanos(), Math.max(0, deadline - System.nanoTime())),
                            TimeUnit.NANOSECONDS);
                    if (next == null) break;
                    take(next, batch);
                }
                if (batch.isEmpty()) continue;
                try {
                    onChange.accept(Set.copyOf(batch));
                } catch (RuntimeException e) {
                    // A reload that fails must not stop the watching: say so and keep going.
                    warn.accept("certdocs serve: reloading " + batch.size() + " changed file(s) failed: " + e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    private void take(WatchKey key, Set<Path> batch) {
        Path dir = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                batch.add(root);
                continue;
            }
            if (dir == null) continue;
            Path changed = dir.resolve((Path) event.context());
            if (Files.isDirectory(changed, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && watches.test(changed)) {
                    try {
                        register(changed, batch);
                    } catch (IOException e) {
                        warn.accept("certdocs serve: cannot watch " + changed + ": " + e.getMessage());
                    }
                }
                continue;
            }
            batch.add(changed);
        }
        if (!key.reset()) {
            Path gone = folders.remove(key);
            if (gone != null) batch.add(gone); // a folder deleted: what was in it is gone too
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
