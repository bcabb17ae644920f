package dev.certdocs.validate;

import dev.certdocs.diagnostic.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * "Did you mean" for an include target that names no file: the closest existing file near where
 * the target points, written as a target relative to the including file, ready to paste.
 */
final class IncludeSuggestion {

    /** How far below the nearest existing folder to look, and how many files at most: a typo is near. */
    private static final int DEPTH = 3;
    private static final int MAX_FILES = 5_000;

    private IncludeSuggestion() {
    }

    /** {@code , did you mean 'x'?} or nothing; {@code missing} is the repository-relative path the target resolved to. */
    static String didYouMean(Path baseDir, String fromPath, String missing) {
        Path dir;
        try {
            dir = baseDir.resolve(missing).normalize().getParent();
        } catch (InvalidPathException e) {
            return ""; // a target no file system could hold: nothing is close to it
        }
        while (dir != null && dir.startsWith(baseDir) && !Files.isDirectory(dir)) dir = dir.getParent();
        if (dir == null || !dir.startsWith(baseDir)) return "";
        List<String> candidates;
        try (Stream<Path> files = Files.walk(dir, DEPTH)) {
            candidates = files.filter(Files::isRegularFile)
                    .map(p -> baseDir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".") && !p.contains("/."))
                    .limit(MAX_FILES).toList();
        } catch (IOException | UncheckedIOException e) {
            // Only a courtesy: the diagnostic stands without it.
            return "";
        }
        // The whole path must be close, and the file name on its own too: a long folder path would
        // otherwise let any file in it pass for a typo.
        return Suggestions.closest(missing, candidates)
                .filter(c -> Suggestions.closest(fileName(missing), List.of(fileName(c))).isPresent())
                .map(c -> {
                    Path from = baseDir.resolve(fromPath).getParent();
                    return ", did you mean '" + from.relativize(baseDir.resolve(c)).toString().replace('\\', '/') + "'?";
                })
                .orElse("");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
