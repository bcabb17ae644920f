package dev.certdocs.load;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * A folder of the repository as the file system has it: whether its real path is inside the
 * repository, whether that real path is the repository's followed by the folder's repository
 * path exactly ({@link #plain}: no symbolic link and no other case on the way), and the names it
 * holds, read on first use. Made once per folder, so that what {@code toRealPath} proves of a
 * file (inside the repository, spelled as written) costs one {@code realpath} per folder and an
 * {@code lstat} per file instead of a {@code realpath} per file: a regular file that is not a
 * link has its folder's real path followed by its name as the folder lists it. Thread-safe.
 */
public final class RepositoryFolder {

    private final Path dir;
    private final boolean inside;
    private final boolean plain;
    private volatile Set<String> names;

    private RepositoryFolder(Path dir, boolean inside, boolean plain) {
        this.dir = dir;
        this.inside = inside;
        this.plain = plain;
    }

    /** The folder {@code dir}, at repository path {@code rel} ({@code ""} for the repository's own folder). */
    public static RepositoryFolder of(Path dir, Path realBase, String rel) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return new RepositoryFolder(dir, false, false);
        }
        Path expected = rel.isEmpty() ? realBase : realBase.resolve(rel);
        // Compared as strings: a file system that ignores case may compare paths ignoring it too.
        return new RepositoryFolder(dir, real.startsWith(realBase), real.toString().equals(expected.toString()));
    }

    /** Whether the folder's real path is inside the repository (or is the repository's). */
    public boolean inside() {
        return inside;
    }

    /** Whether the folder's real path is the repository's real path and the folder's repository path, spelled alike. */
    public boolean plain() {
        return plain;
    }

    /** Whether the folder lists an entry spelled exactly {@code name}; false when it cannot be listed. */
    public boolean holds(String name) {
        Set<String> known = names;
        if (known == null) {
            Set<String> read = new HashSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) read.add(entry.getFileName().toString());
            } catch (IOException | DirectoryIteratorException e) {
                read = Set.of();
            }
            names = known = read;
        }
        return known.contains(name);
    }

    /** Whether {@code file} is a regular file and not a symbolic link ({@code lstat}); false when it cannot be read. */
    public static boolean plainFile(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }
}
