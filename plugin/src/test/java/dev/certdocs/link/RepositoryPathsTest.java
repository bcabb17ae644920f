package dev.certdocs.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certdocs.load.Includes;
import dev.certdocs.model.PercentEncoding;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Includes#resolve} and {@link ActualCase} prove with a {@code realpath} per folder and an
 * {@code lstat} per file what they proved with a {@code stat} and a {@code realpath} per file: held
 * to that long way (kept here) on random targets in a repository full of symbolic links (folders
 * and files, inside and out, dangling, to a name in another case, the repository reached through
 * one), folders named like files, names in several cases, escapes and percent-encoding.
 */
class RepositoryPathsTest {

    private static final String[] SEGMENTS = {"..", ".", "", "a", "A", "b", "sub", "x.md", "X.md", "y.md", "Y.md",
        "d.md", "missing.md", "in-link", "out-link", "file-in.md", "file-out.md", "dangling.md", "upper.md", "UPPER.md",
        "%2e%2e", "x%2Emd", "%C3%BC.md", "ü.md", "sp ace.md", "sp%20ace.md", "a#frag", "x.md#top", "#only", "/abs",
        "base-link", "inner", "SUB", "repo", "via", "a\\b.md", " ", "\t", "%09", "%00", "%"};

    @TempDir
    Path dir;

    @Test
    void resolvesAndSpellsAsTheLongWayOnRandomTargets() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("x.md"), "outside\n");
        for (String folder : List.of("", "a", "a/sub", "b", "A", "inner", "a/sub/inner")) {
            Path f = Files.createDirectories(repo.resolve(folder));
            for (String name : List.of("x.md", "Y.md", "upper.md", "ü.md", "sp ace.md")) Files.writeString(f.resolve(name), name);
        }
        Files.createDirectories(repo.resolve("a/d.md"));
        try {
            Files.createSymbolicLink(repo.resolve("a/in-link"), Path.of("sub"));
            Files.createSymbolicLink(repo.resolve("a/out-link"), outside);
            Files.createSymbolicLink(repo.resolve("a/file-in.md"), Path.of("x.md"));
            Files.createSymbolicLink(repo.resolve("a/file-out.md"), outside.resolve("x.md"));
            Files.createSymbolicLink(repo.resolve("a/dangling.md"), Path.of("nothing.md"));
            Files.createSymbolicLink(repo.resolve("a/UPPER.md"), Path.of("upper.md")); // differs from its target in case only
            Files.createSymbolicLink(repo.resolve("b/UPPER.md"), Path.of("../a/upper.md"));
            Files.createSymbolicLink(repo.resolve("A/base-link"), repo);
            Files.createSymbolicLink(repo.resolve("b/sub"), Path.of("../a/sub"));
            Files.createSymbolicLink(repo.resolve("a/SUB"), Path.of("sub")); // a folder named as its target in another case
            Files.createSymbolicLink(dir.resolve("via"), repo);
        } catch (UnsupportedOperationException | FileSystemException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
        for (Path base : List.of(repo, dir.resolve("via"))) {
            Random random = new Random(base.getFileName().toString().hashCode());
            Includes includes = new Includes(base);
            ActualCase cases = new ActualCase(base, base.toRealPath());
            Path realBase = base.toRealPath();
            int found = 0;
            List<String> spelled = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                String from = from(random) + "f.md";
                String target = target(random);
                Includes.Resolution expected = resolveTheLongWay(base, realBase, from, target);
                Includes.Resolution actual = includes.resolve(from, target);
                assertEquals(expected, actual, from + " -> " + target);
                if (actual.status() == Includes.Status.FOUND) {
                    found++;
                    String spelling = cases.of(actual.path());
                    assertEquals(actualCaseTheLongWay(base, realBase, actual.path()), spelling, actual.path());
                    if (!spelling.equals(actual.path())) spelled.add(actual.path() + " -> " + spelling);
                }
            }
            assertTrue(found > 600, "found " + found);
            assertTrue(spelled.contains("a/UPPER.md -> a/upper.md"), spelled.toString());
            assertTrue(spelled.contains("a/SUB/x.md -> a/sub/x.md"), spelled.toString());
        }
    }

    private static String from(Random random) {
        String[] folders = {"", "a/", "a/sub/", "b/", "A/", "a/in-link/", "a/out-link/", "b/sub/", "A/base-link/a/", "nowhere/",
            "a/d.md/", "a/SUB/", "a/../b/", "./a/", "a//sub/", "ü/", "a b/"};
        return folders[random.nextInt(folders.length)];
    }

    private static String target(Random random) {
        StringBuilder t = new StringBuilder();
        int n = 1 + random.nextInt(random.nextInt(8) == 0 ? 7 : 3);
        for (int k = 0; k < n; k++) {
            if (k > 0) t.append(random.nextInt(12) == 0 ? "//" : "/");
            t.append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
        }
        if (random.nextInt(10) == 0) t.append('/');
        return t.toString();
    }

    /** {@code Includes.resolveNow} before the folders were remembered: a stat and a realpath per target. */
    private static Includes.Resolution resolveTheLongWay(Path baseDir, Path realBase, String fromPath, String target) {
        String cleaned = target;
        int hash = cleaned.indexOf('#');
        if (hash >= 0) cleaned = cleaned.substring(0, hash);
        cleaned = PercentEncoding.decode(cleaned);
        Path from = baseDir.resolve(fromPath).getParent();
        Path resolved;
        try {
            resolved = from.resolve(cleaned).normalize();
        } catch (InvalidPathException e) {
            return new Includes.Resolution(Includes.Status.MISSING, cleaned);
        }
        if (cleaned.isBlank() || !resolved.startsWith(baseDir)) return new Includes.Resolution(Includes.Status.ESCAPES, cleaned);
        String rel = baseDir.relativize(resolved).toString().replace('\\', '/');
        if (!Files.isRegularFile(resolved)) return new Includes.Resolution(Includes.Status.MISSING, rel);
        try {
            if (!resolved.toRealPath().startsWith(realBase)) return new Includes.Resolution(Includes.Status.ESCAPES, rel);
        } catch (IOException e) {
            return new Includes.Resolution(Includes.Status.MISSING, rel);
        }
        return new Includes.Resolution(Includes.Status.FOUND, rel);
    }

    /** {@code LinkCheck.readActualCase} before the folders were remembered: a realpath per path. */
    private static String actualCaseTheLongWay(Path baseDir, Path realBase, String path) {
        try {
            Path real = baseDir.resolve(path).toRealPath();
            if (!real.startsWith(realBase)) return path;
            String actual = realBase.relativize(real).toString().replace('\\', '/');
            return actual.equalsIgnoreCase(path) ? actual : path;
        } catch (IOException e) {
            return path;
        }
    }
}
