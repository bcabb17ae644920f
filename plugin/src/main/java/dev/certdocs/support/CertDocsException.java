package dev.certdocs.support;

/**
 * A problem with the tool or its configuration (an unreadable schema file, an unknown cloud in
 * the POM, an output directory that cannot be written). Its message says what to change.
 * Problems in the content are never exceptions: they are diagnostics.
 */
public class CertDocsException extends RuntimeException {

    public CertDocsException(String message) {
        super(message);
    }

    public CertDocsException(String message, Throwable cause) {
        super(message, cause);
    }
}
