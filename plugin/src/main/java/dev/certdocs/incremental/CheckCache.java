package dev.certdocs.incremental;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.Attribute;
import dev.certdocs.model.Properties;
import dev.certdocs.model.Include;
import dev.certdocs.model.PageLinks;
import dev.certdocs.model.SourcePosition;
import dev.certdocs.render.Fingerprints;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What validation found in each article at the last incremental {@code generate}, kept in the
 * state directory ({@code checks.json}), so that a rebuild reads, scans and checks only the
 * articles that changed. An article's results are reused only when all of these are as they
 * were: its bytes (a file whose size, modification time and identity are unchanged is taken as
 * unchanged without being read, as make and git do; else its SHA-256), the
 * {@link BuildFingerprint} (certdocs code, configuration, severities),
 * and every include it reaches, each directive resolving to the same file (or to none, the
 * same way) and each file's bytes. The checks that look at all articles together (duplicate
 * ids, pages the site takes) and those of the include files run every time.
 *
 * <p>The file ends with a {@code checksum} field, the CRC-32C of every byte before it: a file
 * cut short or changed by anything but certdocs is not trusted, and every article is checked.
 *
 * <p>Thread-safe: articles are looked up and stored from the validation workers.
 */
final class CheckCache {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    /** One include directive's resolution, from the file that holds it, and the resolved file's hash ("" when not found). */
    record Reach(String from, String target, Includes.Status status, String path, String hash) {
    }

    /**
     * One article's results: the hash and stamp of its bytes, its properties block, its diagnostics
     * (loading and its own checks), its include directives and what they reach, and what the link
     * checks need of it ({@code links}; null in a file written before they were kept: the article
     * is then read again).
     */
    record Entry(String hash, String stamp, Optional<Properties> properties, List<Diagnostic> diagnostics,
                 List<Include> includes, List<Reach> reached, PageLinks links) {

        Entry stamped(String newStamp) {
            return new Entry(hash, newStamp, properties, diagnostics, includes, reached, links);
        }
    }

    private final Path file;
    private final String fingerprint;
    private final Includes includes;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> next = new ConcurrentHashMap<>();
    private final Map<String, String> includeHashes = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private CheckCache(Path file, String fingerprint, Includes includes, Map<String, Entry> previous) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.includes = includes;
        this.previous = previous;
    }

    /** The cache in {@code stateDir} with the entries it {@link #stored} for this fingerprint (read on another thread). */
    static CheckCache open(Path stateDir, String fingerprint, Includes includes, Map<String, Entry> stored) {
        return new CheckCache(stateDir.resolve("checks.json"), fingerprint, includes, stored);
    }

    /** The entries the cache file in {@code stateDir} holds for this fingerprint (none when missing, unreadable or of another). */
    static Map<String, Entry> stored(Path stateDir, String fingerprint) {
        return read(stateDir.resolve("checks.json"), fingerprint);
    }

    /** The hash an article's bytes are known by. */
    static String hash(byte[] bytes) {
        var d = Fingerprints.sha256();
        return java.util.HexFormat.of().formatHex(d.digest(bytes));
    }

    /**
     * The results of the article at {@code path} when its file's {@link #stamp} is the one they
     * were stored with (the file was not touched since: it is not even read, as make and git judge
     * a file unchanged) and the includes it reaches are as they were.
     */
    Optional<Entry> unchanged(String path, String stamp) {
        Entry e = previous.get(path);
        if (e == null || stamp.isEmpty() || !e.stamp().equals(stamp) || !reachesAsBefore(e)) return Optional.empty();
        return Optional.of(use(path, e));
    }

    /**
     * The results of the article at {@code path} whose bytes hash to {@code hash} (a file touched
     * but not changed, or changed back), when the includes it reaches are as they were.
     */
    Optional<Entry> lookup(String path, String hash, String stamp) {
        Entry e = previous.get(path);
        if (e == null || !e.hash().equals(hash) || !reachesAsBefore(e)) return Optional.empty();
        changed = true; // its new stamp
        return Optional.of(use(path, e.stamped(stamp)));
    }

    private boolean reachesAsBefore(Entry e) {
        for (Reach r : e.reached()) {
            Includes.Resolution now = includes.resolve(r.from(), r.target());
            if (now.status() != r.status() || !now.path().equals(r.path())) return false;
            if (now.status() == Includes.Status.FOUND && !includeHash(now.path()).equals(r.hash())) return false;
        }
        return true;
    }

    /** Keeps an entry for the next run. */
    private Entry use(String path, Entry e) {
        next.put(path, e);
        return e;
    }

    /** Keeps what checking {@code article} (whose bytes hash to {@code hash}, its file stamped {@code stamp}) found. */
    void store(String path, String hash, String stamp, List<Diagnostic> diagnostics, Article article, PageLinks links) {
        next.put(path, new Entry(hash, stamp, article.properties(), List.copyOf(diagnostics), article.body().includes(),
                reached(article), links));
        changed = true;
    }

    /**
     * Size, modification time (ns) and file identity of a file; "" (not to be trusted: the file
     * is read and hashed) when it cannot be read, or when it changed in the last two seconds: file
     * times tick coarsely, so a file written again within the same tick, at the same size, would
     * keep its stamp (git's "racily clean" files).
     */
    static String stamp(Path file) {
        try {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            if (a.lastModifiedTime().toMillis() > System.currentTimeMillis() - 2000) return "";
            return a.size() + ":" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + ":" + a.fileKey();
        } catch (IOException e) {
            return "";
        }
    }

    /** Every include resolution reachable from an article, each file followed once ({@link Includes#walk}). */
    private List<Reach> reached(Article article) {
        List<Reach> out = new ArrayList<>();
        includes.walk(article.path(), article.body(), (from, inc, r) -> out.add(new Reach(from, inc.target(), r.status(),
                r.path(), r.status() == Includes.Status.FOUND ? includeHash(r.path()) : "")));
        return out;
    }

    private String includeHash(String path) {
        return includeHashes.computeIfAbsent(path, p -> hash(includes.text(p).getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the results of this run's articles, when any differ from the file's. */
    void write() {
        if (!changed && next.keySet().equals(previous.keySet())) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".checks", ".tmp");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            try (JsonGenerator g = JSON.createGenerator(new java.util.zip.CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), crc))) {
                g.writeStartObject();
                g.writeStringField("fingerprint", fingerprint);
                g.writeObjectFieldStart("articles");
                for (var e : new TreeMap<>(next).entrySet()) {
                    g.writeObjectFieldStart(e.getKey());
                    write(g, e.getValue());
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.flush(); // the checksum covers every byte before its field
                g.writeStringField("checksum", Long.toHexString(crc.getValue()));
                g.writeEndObject();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CertDocsException("cannot write the validation cache " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(JsonGenerator g, Entry e) throws IOException {
        g.writeStringField("hash", e.hash());
        g.writeStringField("stamp", e.stamp());
        if (e.properties().isPresent()) {
            Properties props = e.properties().get();
            g.writeArrayFieldStart("properties");
            g.writeNumber(props.position().line());
            g.writeNumber(props.position().column());
            for (Attribute a : props.attributes()) {
                g.writeStartArray();
                g.writeString(a.name());
                g.writeString(a.value());
                g.writeNumber(a.position().line());
                g.writeNumber(a.position().column());
                g.writeNumber(a.valuePosition().line());
                g.writeNumber(a.valuePosition().column());
                g.writeString(a.rawValue());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (!e.diagnostics().isEmpty()) {
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : e.diagnostics()) {
                g.writeStartArray();
                g.writeString(d.severity().name());
                g.writeString(d.ruleId());
                position(g, d.position());
                g.writeString(d.message());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (!e.includes().isEmpty()) {
            g.writeArrayFieldStart("includes");
            for (Include i : e.includes()) {
                g.writeStartArray();
                g.writeString(i.title());
                g.writeString(i.target());
                position(g, i.position());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reached");
            for (Reach r : e.reached()) {
                g.writeStartArray();
                g.writeString(r.from());
                g.writeString(r.target());
                g.writeString(r.status().name());
                g.writeString(r.path());
                g.writeString(r.hash());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (e.links() != null) LinkCodec.write(g, e.links());
    }

    /** A position as path, line, column (its reader: {@link #position(JsonParser)}). */
    private static void position(JsonGenerator g, SourcePosition at) throws IOException {
        g.writeString(at.path());
        g.writeNumber(at.line());
        g.writeNumber(at.column());
    }

    private static SourcePosition position(JsonParser p) throws IOException {
        return new SourcePosition(text(p), number(p), number(p));
    }

    /** The entries of a cache file of this fingerprint; empty when missing, unreadable, malformed or of another. */
    private static Map<String, Entry> read(Path file, String fingerprint) {
        if (!Files.isRegularFile(file)) return Map.of();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Map.of();
        }
        if (!checksumHolds(bytes)) return Map.of(); // cut short or changed: every article is checked
        try (JsonParser p = JSON.createParser(bytes)) {
            Map<String, Entry> entries = new HashMap<>();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("fingerprint")) {
                    if (!fingerprint.equals(p.getValueAsString())) return Map.of();
                } else if (field.equals("articles")) {
                    expect(value, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String path = p.currentName();
                        expect(p.nextToken(), JsonToken.START_OBJECT);
                        entries.put(path, entry(path, p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // an unreadable cache: every article is checked
        }
    }

    private static final byte[] CHECKSUM_FIELD = ",\"checksum\":\"".getBytes(StandardCharsets.US_ASCII);

    /** Whether the file ends with the {@code checksum} field holding the CRC-32C of every byte before it. */
    private static boolean checksumHolds(byte[] bytes) {
        int at = -1;
        for (int i = bytes.length - CHECKSUM_FIELD.length; i >= 0 && at < 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + CHECKSUM_FIELD.length, CHECKSUM_FIELD, 0, CHECKSUM_FIELD.length)) at = i;
        }
        if (at < 0) return false;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, at);
        String tail = new String(bytes, at + CHECKSUM_FIELD.length, bytes.length - at - CHECKSUM_FIELD.length,
                StandardCharsets.US_ASCII);
        return tail.equals(Long.toHexString(crc.getValue()) + "\"}");
    }

    private static Entry entry(String path, JsonParser p) throws IOException {
        String hash = "";
        String stamp = "";
        Optional<Properties> properties = Optional.empty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        List<Reach> reached = new ArrayList<>();
        PageLinks links = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "hash" -> hash = p.getValueAsString("");
                case "stamp" -> stamp = p.getValueAsString("");
                case "properties" -> {
                    expect(value, JsonToken.START_ARRAY);
                    SourcePosition at = new SourcePosition(path, number(p), number(p));
                    List<Attribute> attributes = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        String name = text(p);
                        String v = text(p);
                        SourcePosition np = new SourcePosition(path, number(p), number(p));
                        SourcePosition vp = new SourcePosition(path, number(p), number(p));
                        attributes.add(new Attribute(name, v, np, vp, text(p)));
                        expect(p.nextToken(), JsonToken.END_ARRAY);
                    }
                    properties = Optional.of(new Properties(attributes, at));
                }
                case "diagnostics" -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        Severity severity = Severity.valueOf(text(p));
                        String rule = text(p);
                        diagnostics.add(new Diagnostic(severity, rule, position(p), text(p)));
                        expect(p.nextToken(), JsonToken.END_ARRAY);
                    }
                }
                case "includes" -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        String title = text(p);
                        String target = text(p);
                        includes.add(new Include(title, target, position(p)));
                        expect(p.nextToken(), JsonToken.END_ARRAY);
                    }
                }
                case "reached" -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        reached.add(new Reach(text(p), text(p), Includes.Status.valueOf(text(p)), text(p), text(p)));
                        expect(p.nextToken(), JsonToken.END_ARRAY);
                    }
                }
                case LinkCodec.FIELD -> links = LinkCodec.read(path, p);
                default -> p.skipChildren();
            }
        }
        return new Entry(hash, stamp, properties, List.copyOf(diagnostics), List.copyOf(includes), List.copyOf(reached), links);
    }

    static String text(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getText();
    }

    static int number(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) throw new IllegalStateException("validation cache: expected " + wanted + ", found " + actual);
    }
}
