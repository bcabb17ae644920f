package dev.certdocs.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A file channel whose writes are gathered in a buffer and handed to the file in large writes:
 * a zip writer writes each entry's header, data and central-directory record separately, a few
 * hundred bytes each, which would otherwise be a system call each (about 160,000 for the
 * bundles of a 15,000-article site). Everything but a write (position, size, read, truncate)
 * first flushes what is gathered, so the file and the channel never disagree when asked.
 * Not for use by several threads.
 */
public final class BufferedChannel implements SeekableByteChannel {
    private final SeekableByteChannel channel;
    private final ByteBuffer buffer;
    private boolean open = true;

    public BufferedChannel(SeekableByteChannel channel, int bufferSize) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(bufferSize);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int n = src.remaining();
        if (n > buffer.remaining()) {
            flush();
            if (n >= buffer.capacity()) {
                while (src.hasRemaining()) channel.write(src);
                return n;
            }
        }
        buffer.put(src);
        return n;
    }

    /** Writes what is gathered to the file. */
    public void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return channel.position() + buffer.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        flush();
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        flush();
        return channel.size();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        flush();
        return channel.read(dst);
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        ensureOpen();
        flush();
        channel.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return open && channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        if (!open) return;
        open = false;
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) throw new ClosedChannelException();
    }
}
