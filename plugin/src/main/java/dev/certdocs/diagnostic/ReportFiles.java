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

    /**
     * Writes {@code content} into a temporary file beside {@code file}, then moves it over it. A
     * message quoting half a surrogate pair (from a parser's "unexpected character") is written
     * with a replacement character instead of failing the run.
     */
    static void write(Path file, String content) {
        write(file, out -> {
            out.write(content);
            return true;
        }, out -> { });
    }

    /** Text written to a stream; {@code false} when it could not be made and the other way is to be taken. */
    @FunctionalInterface
    interface Content {
        boolean writeTo(java.io.Writer out) throws IOException;
    }

    /** Text written to a stream, without a way out. */
    @FunctionalInterface
    interface Fallback {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /**
     * Writes {@code content} as {@link #write(Path, String)} does, streamed; when it answers
     * false, the temporary file is written again with {@code fallback}. Characters that UTF-8
     * cannot hold (half a surrogate pair) are written as a replacement character, as there.
     */
    static void write(Path file, Content content, Fallback fallback) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Fresh.file(file.getParent(), "." + file.getFileName() + "-", ".tmp");
            boolean done;
            try (java.io.Writer out = writer(tmp)) {
                done = content.writeTo(out);
            }
            if (!done) {
                try (java.io.Writer out = writer(tmp)) {
                    fallback.writeTo(out);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A UTF-8 writer that replaces what it cannot encode (OutputStreamWriter's default), truncating {@code file}. */
    private static java.io.Writer writer(Path file) throws IOException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
    }

    /** A reader of a report written earlier, or null when there is none or it cannot be opened. */
    static java.io.Reader openIfPresent(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // an unreadable old report is replaced, not merged
        }
    }
}
