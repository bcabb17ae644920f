package dev.certdocs.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files and folders under new, unique names, created with the modes the user's umask gives, as
 * every other published file (the site, its bundles, the reports) is: {@code Files.createTempFile} and {@code createTempDirectory}
 * make them readable by their owner only (0600, 0700), and a web server running as another user
 * could not serve a {@code latest/} or a {@code versions.json} made that way, nor could CI
 * publish a report as an artifact.
 */
public final class Fresh {

    private Fresh() {
    }

    /** A new empty folder {@code <parent>/<prefix><unique>}. */
    public static Path folder(Path parent, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(prefix + id()));
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    /** A new empty file {@code <parent>/<prefix><unique><suffix>}. */
    public static Path file(Path parent, String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return Files.createFile(parent.resolve(prefix + id() + suffix));
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    /** A name part no other run picks: names are created exclusively, so a clash only costs another try. */
    public static String id() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
