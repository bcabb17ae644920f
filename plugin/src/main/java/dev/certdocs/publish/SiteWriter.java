package dev.certdocs.publish;

import dev.certdocs.config.CertDocsException;
import dev.certdocs.model.RenderedPage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stages one version of the site and publishes it whole. {@link #write} may be called from many
 * threads; {@link #commit} moves every staged {@code <cloud>/<version>} into the output
 * directory, replacing that version only (other versions are kept), rewrites each cloud's
 * {@code versions.json} and points {@code latest/} at the newest release; {@link #abort} throws
 * the staging away.
 */
public final class SiteWriter implements AutoCloseable {

    private final Path output;
    private final String version;
    private final java.util.function.UnaryOperator<String> baseUrls;
    private final Path staging;
    /** Staged folders already made: a page's folder is created once, not checked for each of its pages. */
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> folders = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean committed;

    /** {@code baseUrls} gives each cloud's public base URL ("" or ending in '/'), for canonical links of {@code latest/}. */
    public SiteWriter(Path output, String version, java.util.function.UnaryOperator<String> baseUrls) {
        this.output = output;
        this.version = version;
        this.baseUrls = baseUrls;
        try {
            Files.createDirectories(output);
            this.staging = Files.createTempDirectory(output.getParent() == null ? output : output.getParent(), ".certdocs-staging-");
        } catch (IOException e) {
            throw new CertDocsException("cannot create the output directory " + output + ": " + e.getMessage(), e);
        }
    }

    /** The staged directory of one cloud's version. */
    public Path versionDir(String cloud) {
        return staging.resolve(cloud).resolve(version);
    }

    public void write(RenderedPage page) {
        write(page.cloud(), page.path(), page.content().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file of {@code cloud}'s version at {@code path}. */
    public void write(String cloud, String path, byte[] content) {
        Path file = versionDir(cloud).resolve(path).normalize();
        if (!file.startsWith(versionDir(cloud))) {
            throw new CertDocsException("page path " + path + " leaves the site");
        }
        try {
            folder(file.getParent());
            // A staged file may be a hard link to a published one (see reuse): replace it, never write through it.
            Files.deleteIfExists(file);
            Files.write(file, content);
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts an unchanged page of the published version (from an earlier run) into the staged one,
     * if it is there: a hard link where the file system allows (no bytes copied; the published
     * version is replaced whole at commit, so the shared file is never written to), else a copy.
     * Returns false when there is no published page at that path.
     */
    public boolean reuse(String cloud, String path) {
        Path published = output.resolve(cloud).resolve(version).resolve(path).normalize();
        Path dest = versionDir(cloud).resolve(path).normalize();
        if (!dest.startsWith(versionDir(cloud))) throw new CertDocsException("page path " + path + " leaves the site");
        if (!published.startsWith(output)) return false;
        try {
            folder(dest.getParent());
            try {
                // No check first: the link fails when the page is not there (one call per page instead of two).
                Files.createLink(dest, published);
            } catch (java.nio.file.NoSuchFileException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.isRegularFile(published)) return false;
                Files.copy(published, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            throw new CertDocsException("cannot reuse " + published + ": " + e.getMessage(), e);
        }
    }

    /** Creates a staged folder once; other threads wanting the same folder wait until it exists. */
    private void folder(Path dir) throws IOException {
        try {
            folders.computeIfAbsent(dir, d -> {
                try {
                    Files.createDirectories(d);
                    return Boolean.TRUE;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Copies a repository file (an image, a download) to {@code sitePath} in one cloud's version. */
    public void copyFile(String cloud, Path source, String sitePath) {
        Path dest = versionDir(cloud).resolve(sitePath).normalize();
        if (!dest.startsWith(versionDir(cloud))) throw new CertDocsException("file path " + sitePath + " leaves the site");
        try {
            Files.createDirectories(dest.getParent());
            Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CertDocsException("cannot copy " + source + " into the site: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the theme's {@code assets/} (from the jar or folder holding {@code classpathRoot}),
     * then the repository's own {@code assets/} override folder over them, into one cloud's version.
     */
    public void copyAssets(String cloud, ClassLoader loader, String classpathRoot, Path overrides) {
        Path target = versionDir(cloud).resolve("assets");
        try {
            URL url = loader.getResource(classpathRoot + "/assets");
            if (url != null) copyTree(url, target);
            if (overrides != null && Files.isDirectory(overrides.resolve("assets"))) {
                copyDirectory(overrides.resolve("assets"), target);
            }
        } catch (IOException | URISyntaxException e) {
            throw new CertDocsException("cannot copy the theme's assets: " + e.getMessage(), e);
        }
    }

    private static void copyTree(URL url, Path target) throws IOException, URISyntaxException {
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            boolean close = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                close = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                copyDirectory(fs.provider().getPath(uri), target);
            } finally {
                if (close) fs.close();
            }
        } else {
            copyDirectory(Path.of(uri), target);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            Path dest = to.resolve(from.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            try (InputStream in = Files.newInputStream(f)) {
                Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Moves every staged cloud version into place, then, one cloud per thread, deletes the version
     * each replaced and updates its versions.json and latest/ (tens of thousands of files each
     * for a large site; file system calls on two clouds overlap).
     */
    public void commit() {
        try (Stream<Path> clouds = Files.list(staging)) {
            Map<String, Path> replaced = new java.util.LinkedHashMap<>();
            for (Path cloudDir : clouds.sorted().toList()) {
                String cloud = cloudDir.getFileName().toString();
                Path dest = output.resolve(cloud).resolve(version);
                Files.createDirectories(dest.getParent());
                Path old = null;
                if (Files.exists(dest)) {
                    old = Files.createTempDirectory(output, ".certdocs-old-");
                    Files.move(dest, old.resolve(version), StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(cloudDir.resolve(version), dest, StandardCopyOption.ATOMIC_MOVE);
                replaced.put(cloud, old);
            }
            replaced.entrySet().parallelStream().forEach(e -> {
                try {
                    if (e.getValue() != null) deleteTree(e.getValue());
                    var latest = Versions.write(output.resolve(e.getKey()));
                    if (latest.isPresent()) {
                        LatestAlias.write(output.resolve(e.getKey()), latest.get().name(), baseUrls.apply(e.getKey()));
                    }
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            committed = true;
        } catch (IOException | java.io.UncheckedIOException e) {
            String message = e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new CertDocsException("cannot publish the site into " + output + ": " + message, e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Throws the staged files away (a failed run). */
    public void abort() {
        deleteQuietly(staging);
    }

    @Override
    public void close() {
        if (!committed) abort();
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // a leftover staging directory is harmless: it is hidden and replaced next run
        }
    }

    /** Writes a file whole: a temporary file beside it, then moved over it. */
    static void writeAtomically(Path file, String content) throws IOException {
        writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            if (stream instanceof java.nio.file.SecureDirectoryStream<Path> secure) {
                deleteContents(secure);
                Files.delete(dir);
                return;
            }
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path p : all) Files.deleteIfExists(p);
    }

    /**
     * Deletes what a folder holds with one unlinkat call per file (a replaced version has tens
     * of thousands): Files.delete reads each file's attributes first, and a walk reads them too.
     */
    private static void deleteContents(java.nio.file.SecureDirectoryStream<Path> folder) throws IOException {
        for (Path entry : folder) {
            Path name = entry.getFileName();
            try {
                folder.deleteFile(name);
            } catch (IOException notAFile) {
                try (java.nio.file.SecureDirectoryStream<Path> sub = folder.newDirectoryStream(name,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteContents(sub);
                } catch (java.nio.file.NotDirectoryException e) {
                    throw notAFile;
                }
                folder.deleteDirectory(name);
            }
        }
    }
}
