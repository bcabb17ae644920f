package dev.certdocs.mojo;

import dev.certdocs.support.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The engine's log, written to Maven's. */
final class MavenBuildLog implements BuildLog {

    private final Log log;

    MavenBuildLog(Log log) {
        this.log = log;
    }

    @Override public void info(String message) { log.info(message); }
    @Override public void warn(String message) { log.warn(message); }
    @Override public void error(String message) { log.error(message); }
    @Override public void debug(String message) { log.debug(message); }

    @Override
    public void raw(String line) {
        // Workflow commands must start the line, so they bypass Maven's "[INFO] " prefix.
        System.out.println(line);
    }
}
