package dev.certdocs.publish;

import dev.certdocs.files.Fresh;
import dev.certdocs.support.CertDocsException;
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
 *
 * <p>It applies a {@link PublishPlan}: pages rendered are {@link #write written}, unchanged
 * pages are {@link #keep kept} (from the spare copy the staging started from, else linked from
 * the published version), and what the spare held beyond this run's files is deleted
 * ({@link #prune}); at commit the replaced version becomes the next spare instead of being
 * deleted when the plan says so. Which pages are unchanged is the plan's maker's to judge
 * (incremental building); this class only moves files.
 */
public final class SiteWriter implements AutoCloseable {

    /** The names of staging folders (beside the site) and of their lock files. */
    private static final String STAGING = ".certdocs-staging-";
    /**
     * The names of what publishing makes inside a cloud's folder: each version's and
     * {@code latest/}'s real folder (the version's name is a symbolic link to it), and temporary
     * links and files. One not linked to is a leftover of a killed run.
     */
    static final String HIDDEN = ".certdocs-";

    private final Path output;
    private final String version;
    private final java.util.function.UnaryOperator<String> baseUrls;
    private final PublishPlan plan;
    /** Where each file written is also compressed for the bundles; null when the build makes none. */
    private final BundleSpool bundles;
    private final Path staging;
    /** Held while the staging exists: a later run deletes the staging folders whose lock no live run holds. */
    private final RunLock stagingLock;
    /** Staged folders already made: a page's folder is created once, not checked for each of its pages. */
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> folders = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per cloud, the staged version folder, made (or taken from the spare) when the cloud's first file is staged. */
    private final java.util.concurrent.ConcurrentHashMap<String, Path> started = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per cloud, every file this run staged, as paths below the version folder. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Set<String>> staged = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per cloud whose staging started from its spare, the files the spare held. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Set<String>> fromSpare = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean committed;
    private boolean ended;

    /**
     * {@code baseUrls} gives each cloud's public base URL ("" or ending in '/'), for canonical links
     * of {@code latest/}; {@code plan} gives the copies to start staging from and to keep the
     * replaced versions in, and what the published version holds (its files tell which redirects
     * {@code latest/} holds without reading the folder); {@link PublishPlan#NONE} for none.
     */
    public SiteWriter(Path output, String version, java.util.function.UnaryOperator<String> baseUrls, PublishPlan plan) {
        this(output, version, baseUrls, plan, null);
    }

    /**
     * As {@link #SiteWriter(Path, String, java.util.function.UnaryOperator, PublishPlan)}; every
     * file {@link #write written} is also compressed into {@code bundles} (when not null) on the
     * writing thread, and a path staged otherwise is forgotten there.
     */
    public SiteWriter(Path output, String version, java.util.function.UnaryOperator<String> baseUrls, PublishPlan plan,
                      BundleSpool bundles) {
        this.output = output;
        this.version = version;
        this.baseUrls = baseUrls;
        this.plan = plan;
        this.bundles = bundles;
        try {
            Files.createDirectories(output);
            Path parent = output.toAbsolutePath().getParent() == null ? output : output.toAbsolutePath().getParent();
            removeLeftovers(parent, output);
            // The staging's lock first, then the staging: a staging folder always has its owner's lock beside it.
            Path lockFile = Fresh.file(parent, STAGING, ".lock");
            this.stagingLock = RunLock.acquire(lockFile, "the staging " + lockFile, java.time.Duration.ZERO, m -> { });
            String name = lockFile.getFileName().toString();
            this.staging = Files.createDirectory(parent.resolve(name.substring(0, name.length() - ".lock".length())));
        } catch (IOException e) {
            throw new CertDocsException("cannot create the output directory " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lock file of a site ({@link RunLock}): beside it, not in it, so that it is not
     * published with the site.
     */
    public static Path lockFile(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        Path parent = abs.getParent() == null ? abs : abs.getParent();
        return parent.resolve("." + (abs.getFileName() == null ? "site" : abs.getFileName()) + ".certdocs.lock");
    }

    /** The staged directory of one cloud's version. */
    public Path versionDir(String cloud) {
        return started.computeIfAbsent(cloud, this::start);
    }

    /** Starts a cloud's staged version: from its spare when the spare's manifest lists all its files, else empty. */
    private Path start(String cloud) {
        Path dir = staging.resolve(cloud).resolve(version);
        Path tree = plan.spareTree(cloud);
        java.util.Set<String> spared = null;
        if (tree != null && Files.isDirectory(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                java.util.Set<String> listed = plan.spareFiles(cloud);
                if (listed == null) throw new IOException("no manifest describes it");
                Files.createDirectories(dir.getParent());
                Files.move(tree, dir, StandardCopyOption.ATOMIC_MOVE);
                spared = listed;
                fromSpare.put(cloud, spared);
            } catch (IOException e) {
                // Not described, or on another file system than the site: not used, and not kept.
                deleteQuietly(tree);
            }
        }
        // Sized for every page of the version, which both workers add.
        staged.put(cloud, java.util.concurrent.ConcurrentHashMap.newKeySet(spared == null ? 1024 : 2 * spared.size() + 64));
        return dir;
    }

    public void write(RenderedPage page) {
        write(page.cloud(), page.path(), page.utf8());
    }

    /** Writes a file of {@code cloud}'s version at {@code path} (and compresses it for the bundle, when there is one). */
    public void write(String cloud, String path, byte[] content) {
        Staged staged = stage(cloud, path);
        try {
            createNew(staged.file, content);
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + staged.file + ": " + e.getMessage(), e);
        }
        if (bundles != null) bundles.add(cloud, staged.relative, content);
    }

    /**
     * Creates {@code file}, which must not exist, holding {@code content}: one {@code open} and,
     * for any page, one {@code write} ({@link Files#write} writes in pieces of 8 KB).
     */
    static void createNew(Path file, byte[] content) throws IOException {
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content);
            while (b.hasRemaining()) out.write(b);
        }
    }

    /** A staged file's path below its version folder, '/'-separated. */
    private String relative(String cloud, Path file) {
        return versionDir(cloud).relativize(file).toString().replace('\\', '/');
    }

    /**
     * Whether {@code path} is already what {@link #relative} gives for the file it names: a
     * '/'-separated relative path without empty, "." or ".." segments (every page path the
     * renderer makes), so no path is made to relativize it again.
     */
    static boolean plain(String path) {
        int n = path.length();
        if (n == 0 || path.charAt(0) == '/' || path.charAt(n - 1) == '/' || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0) return false;
        int segment = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int length = i - segment;
                if (length == 0) return false;
                if (path.charAt(segment) == '.' && (length == 1 || (length == 2 && path.charAt(segment + 1) == '.'))) return false;
                segment = i + 1;
            }
        }
        return true;
    }

    /** The file at {@code relative} of {@code cloud} is staged otherwise than by {@link #write}: the spool's entry is stale. */
    private void forget(String cloud, String relative) {
        if (bundles != null) bundles.forget(cloud, relative);
    }

    /**
     * The staged file at {@code path} of {@code cloud}'s version, for the caller to create (it
     * does not exist): its folder made, whatever was there (a hard link to a published file, a
     * spare's file) removed, never written through. Only a path this writer staged before, or the
     * spare the staging started from holds, can be there: a new path of a staging that started
     * empty costs no file system call but its folder's, made once.
     */
    public Path create(String cloud, String path) {
        return stage(cloud, path).file;
    }

    /** A staged file and its path below the version folder. */
    private record Staged(Path file, String relative) {
    }

    /** {@link #create}, with the file's relative path. */
    private Staged stage(String cloud, String path) {
        boolean plain = plain(path);
        Path file = plain ? versionDir(cloud).resolve(path) : versionDir(cloud).resolve(path).normalize();
        if (!plain && !file.startsWith(versionDir(cloud))) {
            throw new CertDocsException("page path " + path + " leaves the site");
        }
        String relative = plain ? path : relative(cloud, file);
        forget(cloud, relative); // the caller writes it: write() compresses it again, any other writer leaves it to be read
        boolean again = !staged.get(cloud).add(relative);
        java.util.Set<String> spared = fromSpare.get(cloud);
        try {
            folder(file.getParent());
            if (again || (spared != null && spared.contains(relative))) Files.deleteIfExists(file);
            return new Staged(file, relative);
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts an unchanged page ({@code key}: its input hash) into the staged version: nothing to do
     * when the spare the staging started from holds that page; else the published version's
     * page (from an earlier run), if it is there, as a hard link where the file system allows (no
     * bytes copied; the published version is replaced whole at commit, and no file is ever written
     * through, so a shared file never changes), else a copy. Returns false when there is no
     * published page at that path.
     */
    public boolean keep(String cloud, String path, String key) {
        Path root = versionDir(cloud);
        java.util.Set<String> spared = fromSpare.get(cloud);
        forget(cloud, path);
        // The common case, and no file system call: the spare holds the page (its path is one this writer staged before).
        if (spared != null && spared.contains(path) && plan.spareHolds(cloud, path, key)) {
            staged.get(cloud).add(path);
            return true;
        }
        Path dest = root.resolve(path).normalize();
        if (!dest.startsWith(root)) throw new CertDocsException("page path " + path + " leaves the site");
        Path published = output.resolve(cloud).resolve(version).resolve(path).normalize();
        if (!published.startsWith(output)) return false;
        try {
            folder(dest.getParent());
            // The spare may hold another page at this path: replace it, never write through it.
            if (spared != null && spared.contains(path)) Files.deleteIfExists(dest);
            try {
                // No check first: the link fails when the page is not there (one call per page instead of two).
                Files.createLink(dest, published);
            } catch (java.nio.file.NoSuchFileException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.isRegularFile(published)) return false;
                Files.copy(published, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            staged(cloud, dest);
            return true;
        } catch (IOException e) {
            throw new CertDocsException("cannot reuse " + published + ": " + e.getMessage(), e);
        }
    }

    /** Records a staged file of a cloud, staged otherwise than by {@link #write}. */
    private void staged(String cloud, Path file) {
        String relative = relative(cloud, file);
        forget(cloud, relative);
        staged.get(cloud).add(relative);
    }

    /** Every file staged for a cloud so far, as paths below its version folder. */
    public java.util.Set<String> files(String cloud) {
        versionDir(cloud);
        return java.util.Collections.unmodifiableSet(staged.get(cloud));
    }

    /**
     * Deletes what the spares held beyond the files this run staged (pages and files no longer
     * published, and the folders that held only them). Called once everything is staged.
     */
    public void prune() {
        try {
            for (var e : fromSpare.entrySet()) {
                java.util.Set<String> keep = staged.get(e.getKey());
                deleteFiles(versionDir(e.getKey()), e.getValue().stream().filter(f -> !keep.contains(f)).toList());
            }
        } catch (IOException e) {
            throw new CertDocsException("cannot remove a page no longer published from the staging: " + e.getMessage(), e);
        }
    }

    /** Deletes files below {@code root} (paths relative to it), and the folders they leave empty. */
    static void deleteFiles(Path root, java.util.Collection<String> paths) throws IOException {
        java.util.TreeSet<Path> parents = new java.util.TreeSet<>(Comparator.reverseOrder());
        for (String path : paths) {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || file.equals(root)) continue;
            Files.deleteIfExists(file);
            for (Path p = file.getParent(); p != null && !p.equals(root) && p.startsWith(root); p = p.getParent()) parents.add(p);
        }
        for (Path dir : parents) { // deepest first
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException stillUsed) {
                // holds other files
            }
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
            staged(cloud, dest);
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
            List<Path> copied = new ArrayList<>();
            URL url = loader.getResource(classpathRoot + "/assets");
            if (url != null) copyTree(url, target, copied);
            if (overrides != null && Files.isDirectory(overrides.resolve("assets"))) {
                copyDirectory(overrides.resolve("assets"), target, copied);
            }
            for (Path f : copied) staged(cloud, f);
        } catch (IOException | URISyntaxException e) {
            throw new CertDocsException("cannot copy the theme's assets: " + e.getMessage(), e);
        }
    }

    private static void copyTree(URL url, Path target, List<Path> copied) throws IOException, URISyntaxException {
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
                copyDirectory(fs.provider().getPath(uri), target, copied);
            } finally {
                if (close) fs.close();
            }
        } else {
            copyDirectory(Path.of(uri), target, copied);
        }
    }

    private static void copyDirectory(Path from, Path to, List<Path> copied) throws IOException {
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
            copied.add(dest);
        }
    }

    /**
     * Publishes every staged cloud version, in an order of file-system steps where every instant
     * leaves a complete, consistent site (docs/publishing.md): the staged version is moved, whole,
     * beside the published one under a hidden unique name; the version's name, a symbolic link, is
     * switched to it in one rename; then, one cloud per thread, the replaced version is deleted
     * (or, with a spare, kept as the next spare), versions.json is rewritten and latest/ is switched
     * the same way.
     */
    public void commit() {
        try (Stream<Path> clouds = Files.list(staging)) {
            Map<String, Path> replaced = new java.util.LinkedHashMap<>();
            for (Path cloudDir : clouds.sorted().toList()) {
                String cloud = cloudDir.getFileName().toString();
                Path dest = output.resolve(cloud).resolve(version);
                Files.createDirectories(dest.getParent());
                Path placed = dest.resolveSibling(HIDDEN + version + "-" + Fresh.id());
                Files.move(cloudDir.resolve(version), placed, StandardCopyOption.ATOMIC_MOVE);
                PublishSteps.reached("version placed");
                replaced.put(cloud, switchTo(placed, dest));
            }
            replaced.entrySet().parallelStream().forEach(e -> {
                try {
                    String cloud = e.getKey();
                    if (e.getValue() != null && !keepAsSpare(cloud, e.getValue())) deleteTree(e.getValue());
                    PublishSteps.reached("replaced version removed");
                    var latest = Versions.write(output.resolve(cloud));
                    PublishSteps.reached("versions.json written");
                    if (latest.isPresent()) {
                        boolean built = latest.get().name().equals(version);
                        LatestAlias.write(output.resolve(cloud), latest.get().name(), baseUrls.apply(cloud),
                                built ? html(staged.get(cloud)) : null,
                                built && plan.publishedFiles(cloud) != null ? html(plan.publishedFiles(cloud)) : null);
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
            abort();
        }
    }

    /**
     * After {@link #commit}: the pages above the versions ({@link SiteIndexes}), each cloud's
     * {@code index.html} leading to its latest version and the output root's listing the clouds.
     * {@code cloudName} gives a cloud id's display name.
     */
    public void writeIndexes(String siteTitle, java.util.function.UnaryOperator<String> cloudName) {
        try (Stream<Path> clouds = Files.list(output)) {
            for (Path cloudDir : clouds.filter(d -> Files.isRegularFile(d.resolve("versions.json"))).sorted().toList()) {
                var latest = Versions.latest(Versions.present(cloudDir));
                if (latest.isPresent()) SiteIndexes.cloud(cloudDir, latest.get().name());
            }
            SiteIndexes.root(output, siteTitle, cloudName);
        } catch (IOException e) {
            throw new CertDocsException("cannot write the index pages of " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code dest} (a version's or latest/'s name) show the folder {@code placed}, its
     * hidden sibling, and returns the folder it showed before (to delete), or null. With symbolic
     * links {@code dest} is one, replaced by a new link in one rename: at every instant it shows
     * one complete folder. A folder of an earlier certdocs at {@code dest} is moved aside first
     * (once per site: the one moment that name is missing); where the file system has no links,
     * {@code dest} is a folder replaced by two renames.
     */
    static Path switchTo(Path placed, Path dest) throws IOException {
        Path cloudDir = dest.getParent();
        Path link = cloudDir.resolve(HIDDEN + "link-" + Fresh.id());
        boolean links;
        try {
            Files.createSymbolicLink(link, placed.getFileName());
            links = true;
        } catch (UnsupportedOperationException | IOException noLinks) {
            links = false;
        }
        PublishSteps.reached("link made");
        Path before = null;
        if (Files.isSymbolicLink(dest)) {
            Path target = cloudDir.resolve(Files.readSymbolicLink(dest)).normalize();
            // Only a folder publishing made is deleted; a link someone else made is replaced, its target left alone.
            if (target.getParent().equals(cloudDir) && target.getFileName().toString().startsWith(HIDDEN)) before = target;
        } else if (Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            before = cloudDir.resolve(HIDDEN + "old-" + Fresh.id());
            Files.move(dest, before, StandardCopyOption.ATOMIC_MOVE);
            PublishSteps.reached("earlier folder moved aside");
        }
        Files.move(links ? link : placed, dest, StandardCopyOption.ATOMIC_MOVE);
        PublishSteps.reached("switched");
        return before != null && !before.equals(placed) ? before : null;
    }

    /**
     * Deletes what killed runs left: the staging folders beside the site whose lock no live run
     * holds, and, in each cloud's folder (the caller holds the site's lock), the hidden folders,
     * links and files of publishing that no version's or latest/'s link shows.
     */
    static void removeLeftovers(Path parent, Path output) throws IOException {
        if (Files.isDirectory(parent)) {
            try (Stream<Path> list = Files.list(parent)) {
                for (Path p : list.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(STAGING) || name.endsWith(".lock")) continue;
                    Path lock = p.resolveSibling(name + ".lock");
                    if (RunLock.held(lock)) continue; // a live run's
                    deleteTree(p);
                    Files.deleteIfExists(lock);
                }
            }
        }
        if (!Files.isDirectory(output)) return;
        List<Path> clouds;
        try (Stream<Path> list = Files.list(output)) {
            clouds = list.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path cloudDir : clouds) {
            if (cloudDir.getFileName().toString().startsWith(".certdocs-old-")) { // an earlier certdocs's replaced version
                deleteTree(cloudDir);
                continue;
            }
            if (!Files.exists(cloudDir.resolve("versions.json"))) continue; // not a cloud's folder: someone else's
            List<Path> entries;
            try (Stream<Path> list = Files.list(cloudDir)) {
                entries = list.toList();
            }
            java.util.Set<Path> shown = new java.util.HashSet<>();
            for (Path p : entries) { // a version's or latest/'s link; not a temporary link a killed run made
                if (Files.isSymbolicLink(p) && !p.getFileName().toString().startsWith(HIDDEN)) {
                    shown.add(cloudDir.resolve(Files.readSymbolicLink(p)).normalize());
                }
            }
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean ours = name.startsWith(HIDDEN) || name.startsWith(".latest-"); // .latest-: an earlier certdocs's
                if (!ours || shown.contains(p)) continue;
                if (Files.isSymbolicLink(p)) Files.delete(p); // never followed
                else deleteTree(p);
            }
        }
    }

    /**
     * Moves a replaced version into the spare's place; false when there is no spare, no
     * manifest describes the published version, or it cannot go there (another file system).
     */
    private boolean keepAsSpare(String cloud, Path replaced) throws IOException {
        if (!plan.keepsReplaced()) return false;
        Path tree = plan.spareTree(cloud);
        if (Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) deleteTree(tree); // left by a killed run
        Files.createDirectories(tree.getParent());
        try {
            Files.move(replaced, tree, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTML pages among some files, in order. */
    private static List<String> html(java.util.Set<String> files) {
        return files.stream().filter(f -> f.endsWith(".html")).sorted().toList();
    }

    /** Throws the staged files away (a failed run), and the staging's lock with them. */
    public void abort() {
        if (ended) return;
        ended = true;
        deleteQuietly(staging);
        stagingLock.close();
        try {
            Files.deleteIfExists(stagingLock.file());
        } catch (IOException e) {
            // an empty lock file no one holds: the next run deletes it with nothing, or leaves it
        }
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
        Path tmp = Fresh.file(file.getParent(), HIDDEN + "tmp-", "");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a file, a link (never what it shows) or a folder and all it holds. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a file, or a link (never what it shows)
            Files.delete(dir);
            return;
        }
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
