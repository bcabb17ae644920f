package dev.certdocs.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A cloud's search entry store ({@code <version>.<cloud>.search.json} in the state directory, what
 * the sharded index of {@link SearchIndex} is built from): a JSON array of one object per article
 * page, in the build's article order, {@code [e1,e2,…]} with no white space. It is written from the entries'
 * bytes and says where each entry ended up, so that an incremental build copies unchanged
 * pages' entries out of the previous file (their places are kept in the manifest) as bytes, in
 * runs through one buffer, instead of reading tens of megabytes of JSON back into objects and
 * writing them out again. A full build and an incremental one write the
 * same bytes.
 *
 * <p>The previous file is trusted only while its stamp (size, modification time and file
 * identity, as the file system reports them, and the CRC-32C of its bytes) is the one the
 * manifest recorded when the last run wrote it: the checksum is worked out from the bytes the
 * run writes and copies (runs of the previous file are copied through a buffer, so their bytes
 * are at hand), and checked, in one read of a file the copy is about to read from the page cache
 * anyway, on the very file that is then copied from: bytes of another file, or of a file changed
 * behind the run's back, are never spliced into an index. (No memory map: a mapped file cannot be
 * deleted or its folder renamed on Windows until the map is collected.)
 */
public final class SearchIndexFile {

    private SearchIndexFile() {
    }

    /**
     * One entry: freshly serialised JSON ({@code json}), {@code length} bytes at {@code offset} of a
     * {@link SearchSpool} ({@code spooled}), or {@code length} bytes at {@code offset} of the previous file.
     */
    public record Entry(byte[] json, long offset, int length, boolean spooled) {

        public static Entry fresh(byte[] json) {
            return new Entry(json, -1, json.length, false);
        }

        public static Entry spooled(long offset, int length) {
            return new Entry(null, offset, length, true);
        }

        public static Entry previous(long offset, int length) {
            return new Entry(null, offset, length, false);
        }

        /** The entry's bytes, when fresh or spooled in {@code spool}. */
        public byte[] bytes(SearchSpool spool) {
            return json != null ? json : spool.read(offset, length);
        }
    }

    /** A published index that is still as the last run wrote it, open; {@link #write} closes it. */
    public record Previous(Path file, long size, FileChannel channel) {

        /** Whether an entry's place lies inside the array (after its '[' and before its ']'). */
        public boolean holds(long offset, int length) {
            return offset > 0 && length > 0 && offset + length < size;
        }
    }

    /** Where each entry is in the written file, and the file's {@link #stamp}. */
    public record Written(int[] offsets, int[] lengths, String stamp) {
    }

    /**
     * The index at {@code file} when its stamp, checksum included, is still {@code stamp}; empty
     * when missing, unreadable, changed or corrupted (its pages are then rendered again).
     */
    public static Optional<Previous> previous(Path file, String stamp) {
        int cut = stamp == null ? -1 : stamp.lastIndexOf(':');
        if (cut < 0) return Optional.empty();
        FileChannel channel = null;
        try {
            // Opened first, then compared: the file that was checked is the one that is copied from.
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || !stamp.substring(0, cut).equals(stamp(a)) || channel.size() != a.size()
                    || a.size() > Integer.MAX_VALUE) {
                channel.close();
                return Optional.empty();
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 18);
            for (long at = 0; at < a.size(); ) {
                buffer.clear();
                int n = channel.read(buffer, at);
                if (n <= 0) break;
                at += n;
                crc.update(buffer.flip());
            }
            if (!stamp.substring(cut + 1).equals(Long.toHexString(crc.getValue()))) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new Previous(file, a.size(), channel));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // not used
                }
            }
            return Optional.empty(); // no index: the pages are rendered again
        }
    }

    /** Size, modification time (ns) and file identity of a file. */
    static String stamp(BasicFileAttributes a) {
        return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":" + a.fileKey();
    }

    /**
     * Writes {@code [e1,e2,…]} to {@code file} (which must not exist), copying previous entries
     * from {@code previous} (null when none are) and spooled ones from {@code spool} (null when none are).
     */
    public static Written write(Path file, List<Entry> entries, Previous previous, SearchSpool spool) throws IOException {
        int[] offsets = new int[entries.size()];
        int[] lengths = new int[entries.size()];
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel old = previous == null ? null : previous.channel()) {
            Output o = new Output(out, old, crc);
            long at = 0; // bytes of the new file so far
            o.put(new byte[] {'['}, 0, 1);
            at++;
            for (int k = 0; k < entries.size(); k++) {
                Entry e = entries.get(k);
                if (k > 0) at++;
                if (e.json() != null || e.spooled()) {
                    if (k > 0) o.put(COMMA, 0, 1);
                    o.put(e.bytes(spool), 0, e.length());
                } else if (k > 0 && !o.continues(e)) {
                    o.put(COMMA, 0, 1);
                    o.copy(e);
                } else if (k == 0) {
                    o.copy(e);
                }
                if (at + e.length() > Integer.MAX_VALUE - 1) throw new IOException("search index over 2 GB");
                offsets[k] = (int) at;
                lengths[k] = e.length();
                at += e.length();
            }
            o.put(new byte[] {']'}, 0, 1);
            o.flush();
        }
        return new Written(offsets, lengths, stamp(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))
                + ":" + Long.toHexString(crc.getValue()));
    }

    private static final byte[] COMMA = {','};

    /** Buffered output to a channel, with runs of the previous file copied between the buffered bytes. */
    private static final class Output {
        private final FileChannel out;
        private final FileChannel old;
        private final java.util.zip.CRC32C crc;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 18);
        /** The run of the previous file still to copy: [from, to); from < 0 when there is none. */
        private long from = -1;
        private long to = -1;

        Output(FileChannel out, FileChannel old, java.util.zip.CRC32C crc) {
            this.out = out;
            this.old = old;
            this.crc = crc;
        }

        /** Takes {@code e} into the pending run when it follows it in the previous file with one ',' between: copied with it. */
        boolean continues(Entry e) {
            if (from < 0 || e.offset() != to + 1) return false;
            to = e.offset() + e.length();
            return true;
        }

        void copy(Entry e) throws IOException {
            run();
            from = e.offset();
            to = e.offset() + e.length();
        }

        void put(byte[] bytes, int offset, int length) throws IOException {
            run();
            if (length > buffer.remaining()) drain();
            if (length > buffer.capacity()) {
                crc.update(bytes, offset, length);
                writeFully(ByteBuffer.wrap(bytes, offset, length));
            } else {
                buffer.put(bytes, offset, length);
            }
        }

        void flush() throws IOException {
            run();
            drain();
        }

        /** Copies the pending run through the buffer: its bytes go into the checksum on their way. */
        private void run() throws IOException {
            if (from < 0) return;
            drain();
            long position = from;
            long count = to - from;
            from = -1;
            while (count > 0) {
                buffer.limit((int) Math.min(buffer.capacity(), count));
                int n = old.read(buffer, position);
                if (n <= 0) throw new IOException("the previous search index changed while it was read");
                position += n;
                count -= n;
                drain();
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            crc.update(buffer.array(), 0, buffer.limit());
            writeFully(buffer);
            buffer.clear();
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) out.write(b);
        }
    }
}
