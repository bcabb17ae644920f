package dev.certdocs.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A cloud's {@code search-index.json}: a JSON array of one object per article page, in the
 * build's article order, {@code [e1,e2,…]} with no white space. It is assembled from the entries'
 * bytes, and says where each entry ended up, so that an incremental build copies the bytes of
 * unchanged pages' entries out of the previous file (their places are kept in the manifest)
 * instead of reading tens of megabytes of JSON back into objects and writing them out again.
 * A full build and an incremental one assemble the same bytes.
 */
public final class SearchIndexFile {

    private SearchIndexFile() {
    }

    /** The bytes of one entry: {@code length} bytes of {@code bytes} from {@code offset}. */
    public record Entry(byte[] bytes, int offset, int length) {

        /** A whole array: a freshly serialised entry. */
        public static Entry of(byte[] json) {
            return new Entry(json, 0, json.length);
        }
    }

    /** The file's bytes, each entry's offset and length in it (in the order given) and its {@link #checksum}. */
    public record Assembled(byte[] content, int[] offsets, int[] lengths, String checksum) {
    }

    /** {@code [e1,e2,…]} from the entries in order. */
    public static Assembled assemble(List<Entry> entries) {
        long size = 2 + Math.max(0, entries.size() - 1);
        for (Entry e : entries) size += e.length();
        if (size > Integer.MAX_VALUE - 16) throw new IllegalStateException("search index over 2 GB");
        byte[] out = new byte[(int) size];
        int[] offsets = new int[entries.size()];
        int[] lengths = new int[entries.size()];
        int at = 0;
        out[at++] = '[';
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            if (k > 0) out[at++] = ',';
            System.arraycopy(e.bytes(), e.offset(), out, at, e.length());
            offsets[k] = at;
            lengths[k] = e.length();
            at += e.length();
        }
        out[at] = ']';
        return new Assembled(out, offsets, lengths, checksum(out));
    }

    /** Length and CRC-32C of a file's bytes: enough to tell that a published index is the one a manifest describes. */
    public static String checksum(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return content.length + ":" + Long.toHexString(crc.getValue());
    }

    /**
     * The published index at {@code file} when it is still the one with {@code checksum} (as the
     * last run wrote it); empty when it is missing, unreadable or changed since.
     */
    public static Optional<byte[]> previous(Path file, String checksum) {
        if (checksum == null || checksum.isEmpty()) return Optional.empty();
        try {
            if (!Files.isRegularFile(file) || !checksum.startsWith(Files.size(file) + ":")) return Optional.empty();
            byte[] content = Files.readAllBytes(file);
            return checksum.equals(checksum(content)) ? Optional.of(content) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: the pages are rendered again
        }
    }
}
