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
 * A cloud's {@code search-index.json}: a JSON array of one object per article page, in the
 * build's article order, {@code [e1,e2,…]} with no white space. It is written from the entries'
 * bytes and says where each entry ended up, so that an incremental build copies unchanged
 * pages' entries out of the previous file (their places are kept in the manifest) with the file
 * system's copy, in runs, instead of reading tens of megabytes of JSON back into objects (or into
 * the heap at all) and writing them out again. A full build and an incremental one write the
 * same bytes.
 *
 * <p>The previous file is trusted only while its {@link #stamp} (size, modification time and
 * file identity, as the file system reports them) is the one the manifest recorded when the
 * last run wrote it: as {@code make} and {@code rsync} judge a file unchanged.
 */
public final class SearchIndexFile {

    private SearchIndexFile() {
    }

    /** One entry: freshly serialised JSON, or {@code length} bytes at {@code offset} of the previous file. */
    public record Entry(byte[] json, long offset, int length) {

        public static Entry fresh(byte[] json) {
            return new Entry(json, -1, json.length);
        }

        public static Entry previous(long offset, int length) {
            return new Entry(null, offset, length);
        }
    }

    /** A published index that is still as the last run wrote it. */
    public record Previous(Path file, long size) {

        /** Whether an entry's place lies inside the array (after its '[' and before its ']'). */
        public boolean holds(long offset, int length) {
            return offset > 0 && length > 0 && offset + length < size;
        }
    }

    /** Where each entry is in the written file, and the file's {@link #stamp}. */
    public record Written(int[] offsets, int[] lengths, String stamp) {
    }

    /** The index at {@code file} when its stamp is still {@code stamp}; empty when missing, unreadable or changed. */
    public static Optional<Previous> previous(Path file, String stamp) {
        if (stamp == null || stamp.isEmpty()) return Optional.empty();
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && stamp.equals(stamp(a)) ? Optional.of(new Previous(file, a.size())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no index: the pages are rendered again
        }
    }

    /** Size, modification time (ns) and file identity of a file. */
    static String stamp(BasicFileAttributes a) {
        return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":" + a.fileKey();
    }

    /**
     * Writes {@code [e1,e2,…]} to {@code file} (which must not exist), copying previous entries
     * from {@code previous} (null when none are).
     */
    public static Written write(Path file, List<Entry> entries, Previous previous) throws IOException {
        int[] offsets = new int[entries.size()];
        int[] lengths = new int[entries.size()];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel old = previous == null ? null : FileChannel.open(previous.file(), StandardOpenOption.READ)) {
            Output o = new Output(out, old);
            long at = 0; // bytes of the new file so far
            o.put(new byte[] {'['}, 0, 1);
            at++;
            for (int k = 0; k < entries.size(); k++) {
                Entry e = entries.get(k);
                if (k > 0) at++;
                if (e.json() != null) {
                    if (k > 0) o.put(COMMA, 0, 1);
                    o.put(e.json(), 0, e.length());
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
        return new Written(offsets, lengths, stamp(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
    }

    private static final byte[] COMMA = {','};

    /** Buffered output to a channel, with runs of the previous file transferred between the buffered bytes. */
    private static final class Output {
        private final FileChannel out;
        private final FileChannel old;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        /** The run of the previous file still to copy: [from, to); from < 0 when there is none. */
        private long from = -1;
        private long to = -1;

        Output(FileChannel out, FileChannel old) {
            this.out = out;
            this.old = old;
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
                writeFully(ByteBuffer.wrap(bytes, offset, length));
            } else {
                buffer.put(bytes, offset, length);
            }
        }

        void flush() throws IOException {
            run();
            drain();
        }

        private void run() throws IOException {
            if (from < 0) return;
            drain();
            long position = from;
            long count = to - from;
            while (count > 0) {
                long n = old.transferTo(position, count, out);
                if (n <= 0) throw new IOException("the previous search index changed while it was read");
                position += n;
                count -= n;
            }
            from = -1;
        }

        private void drain() throws IOException {
            buffer.flip();
            writeFully(buffer);
            buffer.clear();
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) out.write(b);
        }
    }
}
