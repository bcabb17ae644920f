package dev.certdocs.load;

import dev.certdocs.support.CertDocsException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the articles: every {@code .md} file under the content directory, in path order, except
 * those in folders named {@code includes} (include files are not articles) and hidden folders.
 * Paths are repository-relative with {@code /}.
 */
public final class ContentFiles {

    private ContentFiles() {
    }

    public static List<String> find(Path baseDir, Path contentDirectory) {
        if (Files.isRegularFile(contentDirectory)) {
            throw new CertDocsException("the content directory " + contentDirectory + " is a file, not a directory;"
                    + " set <contentDirectory> or -Dcertdocs.contentDirectory to the folder that holds the articles");
        }
        if (!Files.isDirectory(contentDirectory)) {
            throw new CertDocsException("the content directory " + contentDirectory
                    + " does not exist; set <contentDirectory> or -Dcertdocs.contentDirectory");
        }
        List<String> paths = new ArrayList<>();
        try {
            Files.walkFileTree(contentDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(contentDirectory) && (name.startsWith(".") || name.equalsIgnoreCase("includes"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
                        paths.add(baseDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CertDocsException("cannot list the content directory " + contentDirectory + ": " + e.getMessage(), e);
        }
        paths.sort(null);
        return paths;
    }
}
