package dev.certdocs.link.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persistent record of URLs that were fine ({@code link-cache.json}): a URL checked ok less
 * than {@code ttl} ago is not requested again. Only successes are kept; a URL that failed is
 * dropped, so it is always checked again. A success keeps the time it was really checked (a cache
 * hit does not renew it), so every URL is requested again once its TTL has run out.
 *
 * <p>A success also keeps what the address policy of its check allowed ({@code allowed}:
 * {@code link-local}, {@code redirects-to-private}; an entry written before there was a policy
 * allowed everything). A run reuses it only if its own policy allows at least as much: a success
 * seen through a redirect to a private address is not an ok for a run that refuses that
 * redirect. A refusal is not a success, so it is never stored. A reused success makes no request
 * and so reaches no address; a name that moved to a refused address is refused when its entry
 * expires.
 *
 * <pre>{"version": 1, "entries": {"https://example.com/a": {"checkedAt": "2025-01-01T10:00:00Z", "status": 200,
 *     "allowed": []}}}</pre>
 */
final class LinkCache {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the address policy may allow, as the cache writes it. */
    static final Set<String> ALL_ALLOWANCES = Set.of("link-local", "redirects-to-private");

    record Entry(Instant checkedAt, int status, Set<String> allowed) {
        Entry {
            allowed = Set.copyOf(allowed);
        }
    }

    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private final Set<String> allowed;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private LinkCache(Path file, Duration ttl, Clock clock, Set<String> allowed) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
        this.allowed = Set.copyOf(allowed);
    }

    /** What a run's address policy allows, by the parameters that turn its rules off. */
    static Set<String> allowances(boolean allowLinkLocal, boolean followRedirectsToPrivate) {
        Set<String> out = new TreeSet<>();
        if (allowLinkLocal) out.add("link-local");
        if (followRedirectsToPrivate) out.add("redirects-to-private");
        return out;
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
    static LinkCache load(Path file, Duration ttl, Clock clock, Set<String> allowed, BuildLog log) {
        LinkCache cache = new LinkCache(file, ttl, clock, allowed);
        if (!cache.enabled() || !Files.exists(file)) return cache;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode list = root == null ? null : root.get("entries");
            if (list == null || !list.isObject()) throw new IllegalArgumentException("no \"entries\" object");
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode allowedNode = e.getValue().get("allowed");
                Set<String> entryAllowed = ALL_ALLOWANCES;
                if (allowedNode != null) {
                    if (!allowedNode.isArray()) throw new IllegalArgumentException("\"allowed\" of " + e.getKey() + " is not a list");
                    List<String> names = new ArrayList<>();
                    allowedNode.forEach(n -> names.add(n.asText()));
                    entryAllowed = Set.copyOf(names);
                }
                Entry entry = new Entry(Instant.parse(e.getValue().path("checkedAt").asText()),
                        e.getValue().path("status").asInt(200), entryAllowed);
                if (cache.fresh(entry)) cache.entries.put(e.getKey(), entry);
            }
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            cache.entries.clear();
            log.warn("link cache " + file + " is unreadable (" + firstLine(e) + "); ignoring it, every URL is checked again");
        }
        return cache;
    }

    /** The success remembered for {@code key}, if it is still inside the TTL and this run's policy allows what its check did. */
    Entry success(String key) {
        Entry e = entries.get(key);
        return e != null && fresh(e) && allowed.containsAll(e.allowed()) ? e : null;
    }

    void putSuccess(String key, int status) {
        if (enabled()) entries.put(key, new Entry(clock.instant(), status, allowed));
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
            new TreeSet<>(e.allowed()).forEach(o.putArray("allowed")::add);
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
