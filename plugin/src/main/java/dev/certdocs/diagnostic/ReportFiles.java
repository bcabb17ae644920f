package dev.certdocs.diagnostic;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.files.Fresh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report file whole or not at all: into a temporary file beside it, then moved over it.
 * The temporary file gets the umask's mode ({@link Fresh}), so CI can publish the reports.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The text of a report written earlier, or null when there is none or it cannot be read. */
    static String readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // an unreadable old report is replaced, not merged
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Fresh.file(file.getParent(), "." + file.getFileName() + "-", ".tmp");
            // getBytes, not writeString: a message quoting half a surrogate pair (from a parser's
            // "unexpected character") is written with a replacement character instead of failing the run
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
