package dev.certdocs.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 fingerprints of inputs, for incremental builds. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** A fresh digest is cloned from this one: cheaper than a provider look-up, and a build asks for one per page. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest cannot be cloned", e);
        }
    }

    /** Adds a text, length-prefixed so that ("ab","c") and ("a","bc") differ. */
    public static void update(MessageDigest digest, String text) {
        update(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    static void update(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /** Adds every file below a folder: relative path and content, in path order. */
    static void updateTree(MessageDigest digest, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            update(digest, dir.relativize(f).toString().replace('\\', '/'));
            update(digest, Files.readAllBytes(f));
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A hash of the code a class was loaded from (its jar, or its classes folder): a SNAPSHOT of
     * certdocs keeps its version while its code changes, and pages rendered by other code must
     * not be reused.
     */
    public static String ofCode(Class<?> type) {
        MessageDigest d = sha256();
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) return "unknown";
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) updateTree(d, location);
            else update(d, Files.readAllBytes(location));
        } catch (IOException | java.net.URISyntaxException | SecurityException e) {
            return "unknown";
        }
        return hex(d);
    }

    /** The fingerprint of some texts. */
    public static String of(String... parts) {
        MessageDigest d = sha256();
        for (String p : parts) update(d, p);
        return hex(d);
    }
}
