package dev.certdocs.load;

import dev.certdocs.config.CertDocsException;
import dev.certdocs.model.Body;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves include targets and loads include files, each file once per build however many
 * articles include it. A target is relative to the including file and may not leave the
 * repository, neither by {@code ..} nor through a symbolic link. Thread-safe.
 */
public final class Includes {

    /** How a target resolved: the repository-relative path of the file, or why there is none. */
    public record Resolution(Status status, String path) {
    }

    public enum Status { FOUND, MISSING, ESCAPES }

    private final Path baseDir;
    private final Path realBase;
    private final Map<String, Body> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    public Includes(Path baseDir) {
        this.baseDir = baseDir;
        try {
            this.realBase = baseDir.toRealPath();
        } catch (IOException e) {
            throw new CertDocsException("cannot read the repository directory " + baseDir + ": " + e.getMessage(), e);
        }
    }

    /** Resolves {@code target} as written in the file at repository-relative {@code fromPath}. */
    public Resolution resolve(String fromPath, String target) {
        String cleaned = target;
        int hash = cleaned.indexOf('#');
        if (hash >= 0) cleaned = cleaned.substring(0, hash);
        try {
            cleaned = URLDecoder.decode(cleaned.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep the target as written: a stray '%' is just a character in a file name
        }
        Path from = baseDir.resolve(fromPath).getParent();
        Path resolved;
        try {
            resolved = from.resolve(cleaned).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return new Resolution(Status.MISSING, cleaned);
        }
        if (cleaned.isBlank() || !resolved.startsWith(baseDir)) {
            return new Resolution(Status.ESCAPES, cleaned);
        }
        String rel = relative(resolved);
        if (!Files.isRegularFile(resolved)) return new Resolution(Status.MISSING, rel);
        try {
            if (!resolved.toRealPath().startsWith(realBase)) return new Resolution(Status.ESCAPES, rel);
        } catch (IOException e) {
            return new Resolution(Status.MISSING, rel);
        }
        return new Resolution(Status.FOUND, rel);
    }

    /** The structure of an include file that {@link #resolve} found. */
    public Body body(String path) {
        return bodies.computeIfAbsent(path, p -> {
            SourceText src = new SourceText(p, read(baseDir.resolve(p)));
            return BodyScanner.scan(src, 0, false);
        });
    }

    /** The text of an include file that {@link #resolve} found, read once per build however many articles include it. */
    public String text(String path) {
        return texts.computeIfAbsent(path, p -> read(baseDir.resolve(p)));
    }

    /** Include files loaded so far, for checks that look at each include once. */
    public Map<String, Body> loaded() {
        return Map.copyOf(bodies);
    }

    private String relative(Path p) {
        return baseDir.relativize(p).toString().replace('\\', '/');
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CertDocsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

}
