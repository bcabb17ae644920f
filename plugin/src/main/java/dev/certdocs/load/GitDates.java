package dev.certdocs.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * When each file of the repository last changed, from git: the committer date (UTC,
 * {@code yyyy-MM-dd}) of the last commit that touched it. One {@code git log} for the whole
 * repository, not one per file. Outside a git work tree, or without git, every date is
 * unknown: pages then show none, and the build stays reproducible.
 */
public final class GitDates {

    private static final String MARK = "\u0001";

    private GitDates() {
    }

    /** Repository-relative path (with '/') to date; empty when git cannot tell. */
    public static Map<String, String> read(Path baseDir) {
        Map<String, String> dates = new HashMap<>();
        ProcessBuilder pb = new ProcessBuilder("git", "-c", "core.quotepath=off", "log", "--no-renames", "--relative",
                "--name-only", "--date=format-local:%Y-%m-%d", "--format=" + MARK + "%cd", "--", ".")
                .directory(baseDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TZ", "UTC");
        try {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String date = null;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith(MARK)) {
                        date = line.substring(1).strip();
                    } else if (!line.isBlank() && date != null) {
                        dates.putIfAbsent(line.strip(), date); // newest first: the first date is the last change
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Map.of();
            }
            return p.exitValue() == 0 ? dates : Map.of();
        } catch (IOException e) {
            return Map.of(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
