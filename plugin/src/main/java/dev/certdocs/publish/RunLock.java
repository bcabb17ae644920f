package dev.certdocs.publish;

import dev.certdocs.support.CertDocsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * One run at a time on a folder: an operating-system lock on a lock file, held until
 * {@link #close}, with who holds it (process id, host, start time) written in the file so that a
 * second run can say whom it is waiting for. The operating system releases the lock when its
 * process ends, however it ends: a lock file whose lock can be taken was left by a run that
 * ended (killed, or crashed), and is taken over.
 *
 * <p>Within one JVM the operating system does not tell two locks of the same file apart, and
 * closing any channel of a file releases every lock the JVM holds on it ({@link FileLock}'s
 * warning): so the lock files this JVM has open are kept in one JVM-wide table, and a run
 * finding its file there waits as for another process (threads of a parallel Maven build, tests).
 */
public final class RunLock implements AutoCloseable {

    /**
     * The byte that is locked: far past the holder's text, because on Windows a lock also stops
     * reads of the bytes it covers, and a waiting run must read who holds it.
     */
    private static final long REGION = 1L << 40;
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * The lock files this JVM has open, with who holds each: the one mutable static of certdocs,
     * because the operating system's locks are per process, not per caller.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, String> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, Path key, FileChannel channel, FileLock lock) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code file} (created with its folder when missing), waiting up to
     * {@code timeout} while another run holds it; {@code what} names the folder it guards in
     * messages, {@code notice} is told once when the run has to wait and when it takes over a
     * lock left by a run that ended. Throws {@link CertDocsException} when the wait times out.
     */
    public static RunLock acquire(Path file, String what, Duration timeout, Consumer<String> notice) {
        Path key = key(file);
        Instant deadline = Instant.now().plus(timeout);
        boolean told = false;
        try {
            while (true) {
                String holder = OPEN.putIfAbsent(key, "");
                if (holder == null) { // no other run of this JVM has the file open: ask the operating system
                    FileChannel channel = open(file);
                    try {
                        FileLock lock = channel.tryLock(REGION, 1, false);
                        if (lock != null) {
                            String left = holder(channel);
                            if (!left.isEmpty()) {
                                notice.accept("certdocs: took over the lock on " + what + " left by a run that ended (" + left + ")");
                            }
                            RunLock held = new RunLock(file, key, channel, lock);
                            held.describe();
                            return held;
                        }
                        holder = holder(channel);
                    } catch (IOException | RuntimeException e) {
                        closeQuietly(channel);
                        OPEN.remove(key);
                        throw e;
                    }
                    closeQuietly(channel); // holds no lock: closing it releases none
                    OPEN.remove(key);
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw new CertDocsException("another certdocs run is using " + what + " (" + describe(holder)
                            + "; lock file " + file + "); waited " + seconds(timeout) + " s for it to finish. Wait until it"
                            + " ends, or give it longer with -Dcertdocs.lockTimeout=<seconds>");
                }
                if (!told) {
                    notice.accept("certdocs: waiting up to " + seconds(timeout) + " s for another run using " + what + " ("
                            + describe(holder) + ")");
                    told = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertDocsException("interrupted while waiting for the lock on " + what, e);
        } catch (IOException e) {
            throw new CertDocsException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether some run, in this process or another, holds the lock of {@code file} now; false
     * when there is no such file.
     */
    public static boolean held(Path file) {
        if (!Files.isRegularFile(file)) return false;
        Path key = key(file);
        if (OPEN.putIfAbsent(key, "") != null) return true;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock(REGION, 1, false);
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return true; // cannot tell: left alone
        } finally {
            OPEN.remove(key);
        }
    }

    /** Releases the lock; the file stays (deleting it would let a waiting run lock a file no one else opens). */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // the next run takes the lock over anyway: the text only names who held it
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        OPEN.remove(key);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    private static FileChannel open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CertDocsException("cannot create the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Writes who holds the lock into the file. */
    private void describe() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS).toString();
        String text = "pid " + self.pid() + " on " + host() + ", started " + started + "\n";
        OPEN.put(key, text.strip());
        channel.truncate(0);
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes, bytes.position());
    }

    /** The text the holder wrote, or "" when there is none. */
    private static String holder(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 512);
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // read up to the size
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    private static String describe(String holder) {
        return holder.isEmpty() ? "held by a run that has not said who it is yet" : "held by " + holder;
    }

    /** This host's name, without asking a name server (which may be slow or absent on a CI runner). */
    private static String host() {
        for (String name : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) return v.strip();
        }
        try {
            String v = Files.readString(Path.of("/etc/hostname")).strip();
            if (!v.isEmpty()) return v;
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "this host";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held
        }
    }
}
