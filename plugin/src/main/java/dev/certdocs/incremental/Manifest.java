package dev.certdocs.incremental;

import dev.certdocs.support.CertDocsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the last run of a version published, for incremental builds: a fingerprint of everything
 * that affects every page (certdocs, configuration, templates), the {@link SearchIndexFile#stamp stamp}
 * of each cloud's search index as written, for each page (by cloud, then path) the hash of its
 * own inputs, the files it links to and, for an article page, where its entry is in the search
 * index, and each cloud's other files (copied files, assets, the search index, the sitemap):
 * with the pages, every file of the version as published. A page whose hash is unchanged is taken
 * from the published site instead of being rendered again.
 *
 * <p>A text file of tab-separated lines, one per page ({@code page}), other file ({@code other}),
 * cloud whose files it lists ({@code cloud}) or search index ({@code index}), after a header line and the {@code fingerprint} and
 * {@code site} lines; tabs, line breaks and backslashes in values are escaped. Not JSON: a large
 * site's manifest has a line per page (50,000 for 10,000 articles in 5 clouds), it is read and
 * written on every run, and lines split on tabs cost a fraction of JSON's parse. Its last line
 * holds the CRC-32C of all the bytes before it: a manifest that does not match it (cut short,
 * changed by hand or by another program) is not trusted, and everything renders.
 */
public record Manifest(String fingerprint, String site, Map<String, String> searchIndexes,
                       Map<String, Map<String, Page>> pages, Map<String, List<String>> otherFiles) {

    private static final String HEADER = "certdocs-manifest\t3";
    private static final String CHECKSUM = "checksum\t";

    /** One page: its input hash, the repository files it needs copied, its entry's place in the search index (-1: none). */
    public record Page(String key, List<String> files, int searchOffset, int searchLength) {
    }

    public static Manifest empty() {
        return new Manifest("", "", Map.of(), Map.of(), Map.of());
    }

    /** Reads a manifest; a missing, unreadable, malformed or corrupted one is empty (everything renders). */
    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) return empty();
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length - 1; // the final line break
            int last = end - 1;
            while (last >= 0 && bytes[last] != '\n') last--;
            if (end < 1 || bytes[end] != '\n' || last < 0) return empty();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, last + 1);
            String trailer = new String(bytes, last + 1, end - last - 1, StandardCharsets.UTF_8);
            if (!trailer.equals(CHECKSUM + Long.toHexString(crc.getValue()))) return empty();
            String text = new String(bytes, 0, last, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (!HEADER.equals(nl < 0 ? text : text.substring(0, nl))) return empty();
            String fingerprint = "";
            String site = "";
            Map<String, String> indexes = new HashMap<>();
            Map<String, Map<String, Page>> pages = new HashMap<>();
            Map<String, List<String>> others = new HashMap<>();
            for (int from = nl + 1; nl >= 0 && from <= text.length(); ) {
                int to = text.indexOf('\n', from);
                if (to < 0) to = text.length();
                String line = text.substring(from, to);
                from = to + 1;
                if (line.isEmpty()) continue;
                List<String> f = split(line);
                switch (f.get(0)) {
                    case "page" -> pages.computeIfAbsent(f.get(1), k -> new HashMap<>()).put(f.get(2), new Page(f.get(3),
                            List.copyOf(f.subList(6, f.size())), Integer.parseInt(f.get(4)), Integer.parseInt(f.get(5))));
                    case "cloud" -> others.computeIfAbsent(f.get(1), k -> new ArrayList<>());
                    case "other" -> others.computeIfAbsent(f.get(1), k -> new ArrayList<>()).add(f.get(2));
                    case "index" -> indexes.put(f.get(1), f.get(2));
                    case "fingerprint" -> fingerprint = f.get(1);
                    case "site" -> site = f.get(1);
                    default -> {
                        return empty();
                    }
                }
            }
            return new Manifest(fingerprint, site, indexes, pages, others);
        } catch (IOException | RuntimeException e) {
            return empty(); // unreadable or malformed: everything renders
        }
    }

    /** Writes the manifest whole (a temporary file moved over the old one), pages in path order. */
    public void write(Path file) {
        write(file, 1);
    }

    /** As {@link #write(Path)}, each cloud's lines made on one of {@code threads} threads. */
    public void write(Path file, int threads) {
        java.util.TreeSet<String> clouds = new java.util.TreeSet<>(pages.keySet());
        clouds.addAll(otherFiles.keySet());
        List<String> order = List.copyOf(clouds);
        byte[][] chunks = new byte[order.size()][];
        dev.certdocs.support.Parallel.forEach(threads, order.size(), "writing the manifest",
                k -> chunks[k] = cloudLines(order.get(k)).toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder head = new StringBuilder(HEADER);
        line(head, "fingerprint", fingerprint);
        line(head, "site", site);
        for (var e : new TreeMap<>(searchIndexes).entrySet()) line(head, "index", e.getKey(), e.getValue());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            try (java.io.OutputStream out = new java.util.zip.CheckedOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), crc)) {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                for (byte[] chunk : chunks) out.write(chunk);
                out.write('\n');
                out.write((CHECKSUM + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CertDocsException("cannot write the incremental manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** A cloud's lines: that it is listed, its other files, its pages in path order. */
    private StringBuilder cloudLines(String cloud) {
        Map<String, Page> own = page(cloud);
        StringBuilder sb = new StringBuilder(160 * own.size() + 1024);
        if (otherFiles.containsKey(cloud)) {
            line(sb, "cloud", cloud); // listed, even with no other file
            for (String f : otherFiles.get(cloud)) line(sb, "other", cloud, f);
        }
        List<String> paths = new ArrayList<>(own.keySet());
        paths.sort(null);
        for (String path : paths) {
            Page p = own.get(path);
            line(sb, "page", cloud, path, p.key(), Integer.toString(p.searchOffset()), Integer.toString(p.searchLength()));
            for (String f : p.files()) field(sb.append('\t'), f);
        }
        return sb;
    }

    private static void line(StringBuilder sb, String... fields) {
        sb.append('\n');
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append('\t');
            field(sb, fields[i]);
        }
    }

    private static void field(StringBuilder sb, String f) {
        if (plain(f)) {
            sb.append(f);
            return;
        }
        for (int k = 0; k < f.length(); k++) {
            char c = f.charAt(k);
            switch (c) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
    }

    /** Whether a value needs no escape (almost all do not). */
    private static boolean plain(String f) {
        for (int k = 0; k < f.length(); k++) {
            char c = f.charAt(k);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\\') return false;
        }
        return true;
    }

    /** A line's tab-separated fields, unescaped. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder sb = null;
        int start = 0;
        for (int k = 0; k <= line.length(); k++) {
            char c = k < line.length() ? line.charAt(k) : '\t';
            if (c == '\t') {
                fields.add(sb == null ? line.substring(start, k) : sb.toString());
                sb = null;
                start = k + 1;
            } else if (c == '\\') {
                if (sb == null) sb = new StringBuilder(line.substring(start, k));
                char e = ++k < line.length() ? line.charAt(k) : '\\';
                sb.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return fields;
    }

    /** Every file of one cloud's version, as paths below the version folder: pages and the others. */
    public Set<String> files(String cloud) {
        Set<String> all = new HashSet<>(page(cloud).keySet());
        all.addAll(otherFiles.getOrDefault(cloud, List.of()));
        return all;
    }

    /** One cloud's pages by path (empty when it has none). */
    public Map<String, Page> page(String cloud) {
        return pages.getOrDefault(cloud, Map.of());
    }

    /** Whether it lists one cloud's files (a manifest for other clouds does not). */
    public boolean lists(String cloud) {
        return otherFiles.containsKey(cloud);
    }

    /** Deletes a manifest file, if there is one: what it said no longer holds. */
    public static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CertDocsException("cannot delete the incremental manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
