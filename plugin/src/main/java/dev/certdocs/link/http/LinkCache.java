package dev.certdocs.link.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.config.BuildLog;
import dev.certdocs.config.CertDocsException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persistent record of URLs that were fine ({@code link-cache.json}): a URL checked ok less
 * than {@code ttl} ago is not requested again. Only successes are kept; a URL that failed is
 * dropped, so it is always checked again. A success keeps the time it was really checked (a cache
 * hit does not renew it), so every URL is requested again once its TTL has run out.
 *
 * <pre>{"version": 1, "entries": {"https://example.com/a": {"checkedAt": "2025-01-01T10:00:00Z", "status": 200}}}</pre>
 */
final class LinkCache {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Entry(Instant checkedAt, int status) {
    }

    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private LinkCache(Path file, Duration ttl, Clock clock) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether the cache is used at all: a zero TTL (or no file) turns it off, reading and writing. */
    boolean enabled() {
        return file != null && ttl.compareTo(Duration.ZERO) > 0;
    }

    /**
     * Reads the cache file, keeping the entries still inside the TTL. A missing file is an empty
     * cache; an unreadable one is ignored with a warning (the run checks everything again and
     * writes a good file at its end).
     */
    static LinkCache load(Path file, Duration ttl, Clock clock, BuildLog log) {
        LinkCache cache = new LinkCache(file, ttl, clock);
        if (!cache.enabled() || !Files.exists(file)) return cache;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode list = root == null ? null : root.get("entries");
            if (list == null || !list.isObject()) throw new IllegalArgumentException("no \"entries\" object");
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Entry entry = new Entry(Instant.parse(e.getValue().path("checkedAt").asText()),
                        e.getValue().path("status").asInt(200));
                if (cache.fresh(entry)) cache.entries.put(e.getKey(), entry);
            }
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            cache.entries.clear();
            log.warn("link cache " + file + " is unreadable (" + firstLine(e) + "); ignoring it, every URL is checked again");
        }
        return cache;
    }

    /** The success remembered for {@code key}, if it is still inside the TTL. */
    Entry success(String key) {
        Entry e = entries.get(key);
        return e != null && fresh(e) ? e : null;
    }

    void putSuccess(String key, int status) {
        if (enabled()) entries.put(key, new Entry(clock.instant(), status));
    }

    void forget(String key) {
        entries.remove(key);
    }

    /** Writes the cache next to its place and moves it there, so a killed run never leaves half a file. */
    void save() {
        if (!enabled()) return;
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode list = root.putObject("entries");
        new TreeMap<>(entries).forEach((url, e) -> {
            if (!fresh(e)) return;
            ObjectNode o = list.putObject(url);
            o.put("checkedAt", e.checkedAt().toString());
            o.put("status", e.status());
        });
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, JSON.writeValueAsString(root) + "\n");
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("link cache could not be serialised", e);
        } catch (IOException e) {
            throw new CertDocsException("cannot write the link cache " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean fresh(Entry e) {
        Instant now = clock.instant();
        return !e.checkedAt().isAfter(now) && e.checkedAt().plus(ttl).isAfter(now);
    }

    private static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
