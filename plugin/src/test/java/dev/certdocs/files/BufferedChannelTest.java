package dev.certdocs.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buffered channel leaves the same file, and answers the same, as the channel it wraps. */
class BufferedChannelTest {

    @TempDir
    Path dir;

    private SeekableByteChannel open(Path file) throws IOException {
        return Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    @Test
    void randomOperationsGiveTheSameFileAndAnswers() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Path plainFile = dir.resolve("plain-" + round);
            Path bufferedFile = dir.resolve("buffered-" + round);
            int bufferSize = 1 + random.nextInt(64);
            try (SeekableByteChannel plain = open(plainFile);
                 BufferedChannel buffered = new BufferedChannel(open(bufferedFile), bufferSize)) {
                for (int op = 0; op < 60; op++) {
                    switch (random.nextInt(10)) {
                        case 0 -> assertEquals(plain.size(), buffered.size());
                        case 1 -> {
                            long to = plain.size() == 0 ? 0 : random.nextLong(plain.size() + 1);
                            plain.position(to);
                            buffered.position(to);
                        }
                        case 2 -> {
                            ByteBuffer a = ByteBuffer.allocate(random.nextInt(20));
                            ByteBuffer b = ByteBuffer.allocate(a.capacity());
                            assertEquals(plain.read(a), buffered.read(b));
                            assertArrayEquals(a.array(), b.array());
                        }
                        case 3 -> {
                            long to = random.nextLong(plain.size() + 1);
                            plain.truncate(to);
                            buffered.truncate(to);
                        }
                        default -> {
                            byte[] bytes = new byte[random.nextInt(3 * bufferSize)];
                            random.nextBytes(bytes);
                            int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                            assertEquals(plain.write(ByteBuffer.wrap(bytes, offset, bytes.length - offset)),
                                    buffered.write(ByteBuffer.wrap(bytes, offset, bytes.length - offset)));
                        }
                    }
                    assertEquals(plain.position(), buffered.position(), "position after operation " + op);
                }
            }
            assertArrayEquals(Files.readAllBytes(plainFile), Files.readAllBytes(bufferedFile), "round " + round);
        }
    }

    @Test
    void writesReachTheFileOnlyWhenFlushedOrClosed() throws IOException {
        Path file = dir.resolve("f");
        BufferedChannel channel = new BufferedChannel(open(file), 1024);
        channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals(0, Files.size(file));
        channel.close();
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertThrows(ClosedChannelException.class, () -> channel.write(ByteBuffer.wrap(new byte[] {4})));
        channel.close(); // a second close does nothing
    }
}
