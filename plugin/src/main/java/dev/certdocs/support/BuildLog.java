package dev.certdocs.support;

/** Where the engine writes its progress and findings; the Maven goal adapts it to Maven's log. */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void error(String message);

    default void debug(String message) {
    }

    /** Prints plain lines with no prefix (GitHub workflow commands must start a line). */
    default void raw(String line) {
        info(line);
    }

    /** A log that keeps nothing, for tests and benchmarks. */
    BuildLog SILENT = new BuildLog() {
        @Override public void info(String message) { }
        @Override public void warn(String message) { }
        @Override public void error(String message) { }
        @Override public void raw(String line) { }
    };
}
