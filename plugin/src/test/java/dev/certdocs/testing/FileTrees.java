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

/** Every file below a folder with the SHA-256 of its bytes, to compare whole trees. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Relative path to content hash, in path order; empty when the folder does not exist. */
    public static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(root)) return hashes;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        return hashes;
    }

    /** Every folder below a folder (itself excluded), as relative paths in order: to tell empty folders apart. */
    public static java.util.Set<String> folders(Path root) throws IOException {
        java.util.Set<String> folders = new java.util.TreeSet<>();
        if (!Files.exists(root)) return folders;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isDirectory).filter(p -> !p.equals(root))
                    .forEach(p -> folders.add(root.relativize(p).toString().replace('\\', '/')));
        }
        return folders;
    }
}
