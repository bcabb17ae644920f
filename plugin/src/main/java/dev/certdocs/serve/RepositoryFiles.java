package dev.certdocs.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one gate between a served URL and a file of the repository: the file must be a regular
 * file inside the repository both as named and once every symbolic link is followed, and no
 * folder on the way may be hidden ({@code .git}).
 */
public final class RepositoryFiles {

    private final Path root;
    private final Path realRoot;

    public RepositoryFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    /** The real file behind {@code file} when it may be served; empty otherwise. */
    public Optional<Path> servable(Path file) {
        Path named = file.toAbsolutePath().normalize();
        if (!named.startsWith(root) || named.equals(root)) return Optional.empty();
        for (Path part : root.relativize(named)) {
            if (part.toString().startsWith(".")) return Optional.empty();
        }
        try {
            Path real = named.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
