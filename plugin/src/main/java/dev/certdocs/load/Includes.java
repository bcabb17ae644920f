package dev.certdocs.load;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.model.Body;
import dev.certdocs.model.Include;
import dev.certdocs.model.PercentEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves include targets and loads include files, each file once per build however many
 * articles include it. A target is relative to the including file and may not leave the
 * repository, neither by {@code ..} nor through a symbolic link. Thread-safe.
 *
 * <p>The owner of the limits on includes, the same in every goal: includes nest at most
 * {@link #MAX_DEPTH} levels, and what they add to one page is at most {@link #MAX_INCLUDED_CHARS}
 * characters, each include file's text counted each time it is inlined. {@link #expansion} measures
 * both for a file, each include file once per build (an include file's measure is kept, so eleven
 * files that each include the next ten times cost eleven walks, not ten billion). Validation
 * reports a crossing at the directive that crosses; the renderer and the link checker stop at the
 * same directive, so what a page shows is what validation passed.
 */
public final class Includes {

    /** Levels of nested includes: an article's includes are level 1, theirs level 2. */
    public static final int MAX_DEPTH = 16;

    /** Characters that includes may add to one article's page (4 MiB), each include's text counted where it is inlined. */
    public static final long MAX_INCLUDED_CHARS = 4L << 20;

    /**
     * What inlining a file's includes gives, below the file itself: how many levels of includes
     * ({@code height}, at most one past {@link #MAX_DEPTH}: deeper chains are not followed), how many
     * characters they add ({@code chars}, saturating), how deep the Markdown nests with them
     * ({@code nesting}, see {@link Nesting}). {@code cyclic}: a cycle was reached and not followed;
     * {@code cut}: a chain was too deep to follow; either way the figures hold for this file as the
     * root, not for it within another file's walk.
     */
    public record Expansion(int height, long chars, int nesting, boolean cyclic, boolean cut) {
    }

    /** How a target resolved: the repository-relative path of the file, or why there is none. */
    public record Resolution(Status status, String path) {
    }

    public enum Status { FOUND, MISSING, ESCAPES }

    private final Path baseDir;
    private final Path realBase;
    /** Whether {@link #joined} may work out repository paths on strings: '/' separates names, the base is absolute and normal. */
    private final boolean slashPaths;
    private final Map<String, Body> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, Expansion> expansions = new ConcurrentHashMap<>();
    private final Map<String, Resolution> resolutions = new ConcurrentHashMap<>();
    /** What is known of each folder a target resolved into, by its repository path ({@code ""} for the repository's own). */
    private final Map<String, RepositoryFolder> folders = new ConcurrentHashMap<>();

    public Includes(Path baseDir) {
        this.baseDir = baseDir;
        this.slashPaths = java.io.File.separatorChar == '/' && baseDir.isAbsolute() && baseDir.equals(baseDir.normalize())
                && baseDir.getFileSystem() == java.nio.file.FileSystems.getDefault();
        try {
            this.realBase = baseDir.toRealPath();
        } catch (IOException e) {
            throw new CertDocsException("cannot read the repository directory " + baseDir + ": " + e.getMessage(), e);
        }
    }

    /** Resolves {@code target} as written in the file at repository-relative {@code fromPath}, once per folder and target. */
    public Resolution resolve(String fromPath, String target) {
        int slash = fromPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : fromPath.substring(0, slash);
        return resolutions.computeIfAbsent(dir + '\n' + target, k -> resolveNow(fromPath, target));
    }

    /** The {@link Expansion} of the include file at {@code path} (one {@link #resolve} found), measured once per build. */
    public Expansion expansion(String path) {
        Expansion known = expansions.get(path);
        if (known != null) return known;
        Expansion e = expand(path, body(path), new ArrayList<>(List.of(path)), new HashMap<>());
        expansions.putIfAbsent(path, e);
        return e;
    }

    /** The {@link Expansion} of an article: its body's includes, measured from it. */
    public Expansion expansion(String path, Body body) {
        return expand(path, body, new ArrayList<>(List.of(path)), new HashMap<>());
    }

    /**
     * A walk from the file at the top of {@code stack}; an include file met twice in it is measured
     * once ({@code local}), and one whose measure holds anywhere (no cycle, not cut) once per build.
     */
    private Expansion expand(String path, Body body, List<String> stack, Map<String, Expansion> local) {
        int height = 0;
        long chars = 0;
        int nesting = body.nesting();
        boolean cyclic = false;
        boolean cut = false;
        for (Include inc : body.includes()) {
            Resolution r = resolve(path, inc.target());
            if (r.status() != Status.FOUND) continue;
            if (stack.contains(r.path())) { // a cycle: validation reports it, nothing inlines it
                cyclic = true;
                continue;
            }
            Expansion child = expansions.get(r.path());
            if (child == null || child.cyclic() || child.cut()) child = local.get(r.path());
            if (child == null) {
                if (stack.size() > MAX_DEPTH) {
                    // Too deep already: not followed (the walk must not recurse as deep as a chain is long).
                    child = new Expansion(0, 0, 0, false, true);
                } else {
                    stack.add(r.path());
                    child = expand(r.path(), body(r.path()), stack, local);
                    stack.remove(stack.size() - 1);
                    local.put(r.path(), child);
                    if (!child.cyclic() && !child.cut()) expansions.putIfAbsent(r.path(), child);
                }
            }
            cyclic |= child.cyclic();
            cut |= child.cut();
            height = Math.max(height, Math.min(MAX_DEPTH + 1, 1 + child.height()));
            chars = saturatedSum(chars, text(r.path()).length(), child.chars());
            nesting = Math.max(nesting, Math.min(Nesting.MAX_DEPTH + 1, inc.nesting() + child.nesting()));
        }
        return new Expansion(height, chars, nesting, cyclic, cut);
    }

    private static long saturatedSum(long a, long b, long c) {
        long cap = Long.MAX_VALUE / 4;
        return Math.min(cap, Math.min(cap, a) + Math.min(cap, b) + Math.min(cap, c));
    }

    private Resolution resolveNow(String fromPath, String target) {
        String cleaned = target;
        int hash = cleaned.indexOf('#');
        if (hash >= 0) cleaned = cleaned.substring(0, hash);
        // A stray '%' is just a character in a file name.
        cleaned = PercentEncoding.decode(cleaned);
        String rel = slashPaths ? joined(fromPath, cleaned) : null;
        Path resolved;
        if (rel != null) {
            resolved = baseDir.resolve(rel);
        } else {
            Path from = baseDir.resolve(fromPath).getParent();
            try {
                resolved = from.resolve(cleaned).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                return new Resolution(Status.MISSING, cleaned);
            }
            if (cleaned.isBlank() || !resolved.startsWith(baseDir)) {
                return new Resolution(Status.ESCAPES, cleaned);
            }
            rel = relative(resolved);
        }
        if (plainFile(resolved, rel)) return new Resolution(Status.FOUND, rel);
        if (!Files.isRegularFile(resolved)) return new Resolution(Status.MISSING, rel);
        try {
            if (!resolved.toRealPath().startsWith(realBase)) return new Resolution(Status.ESCAPES, rel);
        } catch (IOException e) {
            return new Resolution(Status.MISSING, rel);
        }
        return new Resolution(Status.FOUND, rel);
    }

    /**
     * The repository path that {@code target} (decoded) names from the file at {@code fromPath}, as
     * {@code baseDir.relativize(baseDir.resolve(fromPath).getParent().resolve(target).normalize())}
     * gives it, worked out on the strings for what is common: ASCII (which every file system's
     * encoding of names holds), no NUL, a relative target, a folder path without {@code .}, {@code ..}
     * or empty segments, and a result strictly inside the repository without going above it on the
     * way. {@code null} for anything else, which goes through {@link Path} as before. Only where the
     * separator is {@code /} ({@link #slashPaths}).
     */
    static String joined(String fromPath, String target) {
        if (target.isBlank() || target.charAt(0) == '/' || fromPath.startsWith("/") || !plainAscii(target)
                || !plainAscii(fromPath)) {
            return null;
        }
        String[] parts = new String[16];
        int depth = 0;
        int slash = fromPath.lastIndexOf('/');
        for (int start = 0; start < slash; ) {
            int end = fromPath.indexOf('/', start);
            if (end < 0 || end > slash) end = slash;
            String segment = fromPath.substring(start, end);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return null;
            if (depth == parts.length) parts = java.util.Arrays.copyOf(parts, depth * 2);
            parts[depth++] = segment;
            start = end + 1;
        }
        for (int start = 0; start <= target.length(); ) {
            int end = target.indexOf('/', start);
            if (end < 0) end = target.length();
            int length = end - start;
            if (length == 2 && target.charAt(start) == '.' && target.charAt(start + 1) == '.') {
                if (depth == 0) return null; // above the repository, maybe back into it: the long way decides
                depth--;
            } else if (length > 0 && !(length == 1 && target.charAt(start) == '.')) {
                if (depth == parts.length) parts = java.util.Arrays.copyOf(parts, depth * 2);
                parts[depth++] = target.substring(start, end);
            }
            start = end + 1;
        }
        if (depth == 0) return null; // the repository's own folder
        return String.join("/", java.util.Arrays.asList(parts).subList(0, depth));
    }

    /**
     * Printable ASCII and tabs only, without {@code \}: no NUL, nothing a file system's name encoding
     * could refuse or change, and no backslash, which {@link #relative} turns into {@code /}.
     */
    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7E || c < 0x20 && c != '\t' || c == '\\') return false;
        }
        return true;
    }

    /**
     * Whether {@code resolved} (repository path {@code rel}) is a regular file, not a symbolic link,
     * in a folder whose real path is inside the repository. Such a file's real path is its folder's
     * real path and its own name, so it is inside the repository: what {@code isRegularFile} and
     * {@code toRealPath} would find, with one {@code lstat} instead of a {@code stat} and a
     * {@code realpath} (a failed {@code readlink} per component of the absolute path) per target.
     * Anything else (a link, a missing file, a folder that is a link out) takes the long way.
     */
    private boolean plainFile(Path resolved, String rel) {
        int slash = rel.lastIndexOf('/');
        if (rel.isEmpty() || slash == rel.length() - 1) return false;
        return folder(slash < 0 ? "" : rel.substring(0, slash), resolved).inside() && RepositoryFolder.plainFile(resolved);
    }

    /** The folder at repository path {@code rel} (the parent of {@code file} on disk), its real path read once per build. */
    private RepositoryFolder folder(String rel, Path file) {
        RepositoryFolder known = folders.get(rel);
        if (known != null) return known;
        return folders.computeIfAbsent(rel, r -> RepositoryFolder.of(file.getParent(), realBase, r));
    }

    /**
     * Every include file reached from the file at {@code path} whose body is {@code body}: its
     * directives' files, theirs, and so on, each once, in the order reached (depth first, in page
     * order), as repository paths. See {@link #walk}.
     */
    public List<String> reachedFrom(String path, Body body) {
        Set<String> reached = new LinkedHashSet<>();
        walk(path, body, (from, include, r) -> {
            if (r.status() == Status.FOUND && !r.path().equals(path)) reached.add(r.path());
        });
        return List.copyOf(reached);
    }

    /** What {@link #walk} shows of each include directive it meets. */
    @FunctionalInterface
    public interface DirectiveVisitor {
        /** The directive {@code include} of the file at {@code from}, and how it resolved. */
        void directive(String from, Include include, Resolution resolution);
    }

    /**
     * The one walk over the include graph from the file at {@code path} whose body is {@code body}:
     * each directive, in page order, depth first, is shown to {@code visitor} with its resolution;
     * a directive's file is followed when it was found and not followed before in this walk (so
     * a cycle ends, and the starting file is not followed again), down to {@link #MAX_DEPTH}
     * levels of directives.
     */
    public void walk(String path, Body body, DirectiveVisitor visitor) {
        Set<String> followed = new java.util.HashSet<>();
        followed.add(path);
        walk(path, body, visitor, followed, 0);
    }

    private void walk(String from, Body body, DirectiveVisitor visitor, Set<String> followed, int depth) {
        for (Include inc : body.includes()) {
            Resolution r = resolve(from, inc.target());
            visitor.directive(from, inc, r);
            if (r.status() == Status.FOUND && depth < MAX_DEPTH && followed.add(r.path())) {
                walk(r.path(), body(r.path()), visitor, followed, depth + 1);
            }
        }
    }

    /** The structure of an include file that {@link #resolve} found. */
    public Body body(String path) {
        return bodies.computeIfAbsent(path, p -> {
            Utf8.Decoded decoded = Utf8.decode(readBytes(baseDir.resolve(p)));
            SourceText src = new SourceText(p, decoded.text());
            return BodyScanner.scanInclude(src,
                    decoded.invalidAt() < 0 ? -1 : SourceText.normalisedOffset(decoded.text(), decoded.invalidAt()));
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
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CertDocsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

}
