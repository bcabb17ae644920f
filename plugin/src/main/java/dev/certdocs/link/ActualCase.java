package dev.certdocs.link;

import dev.certdocs.load.RepositoryFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repository paths as the file system spells them, for file systems that ignore case: a link to
 * {@code Setup.md} finds {@code setup.md} there, and web servers compare names exactly. Once per
 * path, for one link check (a live preview's next check reads the disk again). Thread-safe.
 */
final class ActualCase {

    private final Path baseDir;
    private final Path realBase;
    private final Map<String, String> known = new ConcurrentHashMap<>();
    /** The folders of the paths asked for, by repository path: their real paths and names. */
    private final Map<String, RepositoryFolder> folders = new ConcurrentHashMap<>();

    ActualCase(Path baseDir, Path realBase) {
        this.baseDir = baseDir;
        this.realBase = realBase;
    }

    /**
     * The path inside the repository that the real path of the file at repository path {@code path}
     * names, when it differs from {@code path} in case only; else {@code path}.
     */
    String of(String path) {
        String actual = known.get(path);
        return actual != null ? actual : known.computeIfAbsent(path, this::read);
    }

    private String read(String path) {
        int slash = path.lastIndexOf('/');
        Path file = baseDir.resolve(path);
        // A regular file, not a link, listed under this very name in a folder whose real path is the
        // repository's real path and the folder's path spelled alike: its real path is that and the
        // name, so it is spelled as written (one realpath per folder, not one per file).
        if (slash < path.length() - 1 && file.getParent() != null) {
            RepositoryFolder folder = folders.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash),
                    f -> RepositoryFolder.of(file.getParent(), realBase, f));
            if (folder.plain() && folder.holds(path.substring(slash + 1)) && RepositoryFolder.plainFile(file)) return path;
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realBase)) return path;
            String actual = realBase.relativize(real).toString().replace('\\', '/');
            return actual.equalsIgnoreCase(path) ? actual : path;
        } catch (IOException e) {
            return path;
        }
    }
}
