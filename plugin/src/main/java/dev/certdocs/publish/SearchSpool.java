package dev.certdocs.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The search entries of one cloud's freshly rendered pages, kept in a file until the cloud's
 * index is built instead of in memory: at 100,000 articles in five clouds they are close to a
 * gigabyte of JSON, more than the rest of the build holds. Appended from every rendering thread
 * (through one buffer, in the order they come), read back by place. The file is removed when the
 * spool is closed; one left by a killed run is truncated by the next.
 */
public final class SearchSpool implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    /** Bytes appended so far (written or in the buffer). */
    private long size;

    /** A new, empty spool at {@code file} (its folder is created). */
    public SearchSpool(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Appends {@code json}; where it starts in the spool. */
    public synchronized long append(byte[] json) {
        long at = size;
        try {
            if (json.length > buffer.remaining()) drain();
            if (json.length > buffer.capacity()) {
                ByteBuffer b = ByteBuffer.wrap(json);
                while (b.hasRemaining()) channel.write(b);
            } else {
                buffer.put(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search entries to " + file + ": " + e.getMessage(), e);
        }
        size += json.length;
        return at;
    }

    /** The {@code length} bytes at {@code offset}; after every append. */
    public synchronized byte[] read(long offset, int length) {
        byte[] bytes = new byte[length];
        try {
            drain();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                if (channel.read(b, offset + b.position()) < 0) throw new IOException("the spool ends early");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search entries from " + file + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    /** Closes and removes the file. */
    @Override
    public synchronized void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a spool left behind is truncated by the next run
        }
    }
}
