package dev.certdocs.publish;

import dev.certdocs.support.CertDocsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The files a run writes, compressed for the bundles as they are written: on the thread that
 * wrote each (a rendering thread), into one spool file per cloud in the state directory, with each
 * file's size and CRC-32. The bundle stage then copies those compressed bytes into each zip in
 * path order instead of reading the whole site back and compressing it ({@link Bundles#zip}):
 * the same bytes, since an entry is compressed the same way on either side ({@link Compressor}).
 *
 * <p>The compressed bytes wait in files, not in memory: at 100,000 articles they are about 200 MB.
 * A path replaced by other means than {@link #add} (a page kept as published, a copied file) is
 * {@link #forget forgotten}: the bundle reads that file as before. {@link #close} removes every
 * spool file (a failed run leaves none); one a killed run left is removed when the next opens.
 */
public final class BundleSpool implements AutoCloseable {

    /** The suffix of the spool files, {@code <version>.<cloud>.bundle.spool} in the state directory. */
    static final String SUFFIX = ".bundle.spool";

    /** One file's entry: where its deflated bytes are in its cloud's spool, and its size and CRC-32. */
    record Spooled(long offset, int compressedSize, long size, long crc) {
    }

    private final Path directory;
    private final String version;
    private final Map<String, Cloud> clouds = new ConcurrentHashMap<>();
    /** Deflaters and their output buffers, taken by one thread at a time and ended at {@link #close}. */
    private final ConcurrentLinkedQueue<Compressor> compressors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Compressor> all = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private BundleSpool(Path directory, String version) {
        this.directory = directory;
        this.version = version;
    }

    /**
     * A spool for the files of {@code version} in {@code directory} (the state directory): the
     * spool files a killed run left there are removed first (the caller holds the state's lock).
     */
    public static BundleSpool open(Path directory, String version) {
        try {
            if (Files.isDirectory(directory)) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
                    for (Path p : left) Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new CertDocsException("cannot clean the state directory " + directory + ": " + e.getMessage(), e);
        }
        return new BundleSpool(directory, version);
    }

    /**
     * Compresses {@code content}, the bytes just written at {@code path} (below the version
     * folder, '/'-separated) of {@code cloud}'s version, into the cloud's spool. Thread-safe.
     */
    public void add(String cloud, String path, byte[] content) {
        Cloud c = cloud(cloud);
        CRC32 crc = new CRC32();
        crc.update(content);
        Compressor compressor = compressors.poll();
        if (compressor == null) {
            compressor = new Compressor();
            all.add(compressor);
        }
        try {
            int length = compressor.deflate(content);
            long at = c.end.getAndAdd(length);
            ByteBuffer b = ByteBuffer.wrap(compressor.out(), 0, length);
            while (b.hasRemaining()) c.channel.write(b, at + b.position());
            c.entries.put(path, new Spooled(at, length, content.length, crc.getValue()));
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + c.file + ": " + e.getMessage(), e);
        } finally {
            compressors.add(compressor);
        }
    }

    /** Says that the file at {@code path} of {@code cloud}'s version is no longer what {@link #add} saw. */
    public void forget(String cloud, String path) {
        Cloud c = clouds.get(cloud);
        if (c != null) c.entries.remove(path);
    }

    /** How many files of {@code cloud} the spool holds. */
    public int size(String cloud) {
        Cloud c = clouds.get(cloud);
        return c == null ? 0 : c.entries.size();
    }

    /** The entry of the file at {@code path} of {@code cloud}'s version, or null when the spool does not hold it. */
    Spooled get(String cloud, String path) {
        Cloud c = clouds.get(cloud);
        return c == null ? null : c.entries.get(path);
    }

    /** The compressed bytes of an entry of {@code cloud}, read from its spool (by the one thread writing the bundle). */
    InputStream open(String cloud, Spooled s) {
        FileChannel channel = clouds.get(cloud).channel;
        return new InputStream() {
            private long position = s.offset();
            private final long end = s.offset() + s.compressedSize();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= end) return -1;
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
                if (n < 0) throw new IOException("the bundle spool ends early");
                position += n;
                return n;
            }
        };
    }

    /** Removes {@code cloud}'s spool file once its bundle is made. */
    public void finish(String cloud) {
        Cloud c = clouds.remove(cloud);
        if (c != null) c.close();
    }

    /** The spool files, for tests. */
    List<Path> files() {
        return clouds.values().stream().map(c -> c.file).toList();
    }

    /** Removes every spool file and frees the deflaters. */
    @Override
    public void close() {
        closed = true;
        for (String cloud : List.copyOf(clouds.keySet())) finish(cloud);
        Compressor c;
        while ((c = all.poll()) != null) c.end();
    }

    private Cloud cloud(String cloud) {
        if (closed) throw new IllegalStateException("the bundle spool is closed");
        return clouds.computeIfAbsent(cloud, id -> {
            Path file = directory.resolve(version + "." + id + SUFFIX);
            try {
                Files.createDirectories(directory);
                return new Cloud(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ, StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** One cloud's spool: compressed bytes appended by place (every writer reserves its range), and their entries by path. */
    private static final class Cloud {
        final Path file;
        final FileChannel channel;
        final AtomicLong end = new AtomicLong();
        final Map<String, Spooled> entries = new ConcurrentHashMap<>(4096);

        Cloud(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // removed below all the same
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a spool left behind is removed by the next run
            }
        }
    }

    /**
     * A deflater as every bundle entry is compressed ({@link Bundles#LEVEL}, raw deflate, reset for
     * each file, all input at once then finished) and its output buffer, kept between files.
     */
    static final class Compressor {
        private final Deflater deflater = new Deflater(Bundles.LEVEL, true);
        private byte[] out = new byte[1 << 16];

        /** Compresses {@code in} whole; the result is the first n bytes of {@link #out()}. */
        int deflate(byte[] in) {
            deflater.reset();
            deflater.setInput(in);
            deflater.finish();
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                length += deflater.deflate(out, length, out.length - length);
            }
            return length;
        }

        byte[] out() {
            return out;
        }

        void end() {
            deflater.end();
        }
    }
}
