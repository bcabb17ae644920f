package dev.certdocs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file below a folder with the SHA-256 of its bytes, to compare whole trees as they are served (through links). */
public final class FileTrees {

    private FileTrees() {
    }

    /** Relative path to content hash, in path order; empty when the folder does not exist. */
    public static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(root)) return hashes;
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!served(root.relativize(p).toString().replace('\\', '/'))) continue;
                hashes.put(root.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        return hashes;
    }

    /**
     * Whether a path is one the site serves by its name: not below the hidden folders that
     * versions and latest/ are links to (their names are unique per run), which are walked
     * through the links instead.
     */
    public static boolean served(String relative) {
        for (String segment : relative.split("/")) if (segment.startsWith(".certdocs-")) return false;
        return true;
    }

    /** Every folder below a folder (itself excluded), as relative paths in order: to tell empty folders apart. */
    public static java.util.Set<String> folders(Path root) throws IOException {
        java.util.Set<String> folders = new java.util.TreeSet<>();
        if (!Files.exists(root)) return folders;
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isDirectory).filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).filter(FileTrees::served).forEach(folders::add);
        }
        return folders;
    }
}
