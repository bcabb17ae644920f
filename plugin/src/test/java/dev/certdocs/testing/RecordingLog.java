package dev.certdocs.testing;

import dev.certdocs.support.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A build log that keeps every line, prefixed with its level as Maven prints it. */
public final class RecordingLog implements BuildLog {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override public void info(String message) { lines.add("[INFO] " + message); }
    @Override public void warn(String message) { lines.add("[WARNING] " + message); }
    @Override public void error(String message) { lines.add("[ERROR] " + message); }
    @Override public void raw(String line) { lines.add(line); }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
