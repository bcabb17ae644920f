package dev.certdocs.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.certdocs.config.CertDocsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last run of a version rendered, for incremental builds: a fingerprint of everything
 * that affects every page (certdocs, configuration, templates), the {@link SearchIndexFile#stamp stamp}
 * of each cloud's search index as written, for each article page ({@code <cloud>/<path>}) the hash
 * of its own inputs, the files it links to and where its entry is in the search index (pages by
 * cloud, then by path), and each
 * cloud's other files (site pages, copied files, assets): with the pages, every file of the
 * version as published. A page whose hash is unchanged is taken from the published site instead
 * of being rendered again.
 *
 * <p>Read and written with Jackson's streaming API: a large site's manifest has an entry per
 * page (50,000 for 10,000 articles in 5 clouds), and a tree of nodes for it costs more than the
 * rest of a one-article rebuild's bookkeeping.
 */
public record Manifest(String fingerprint, String site, Map<String, String> searchIndexes,
                       Map<String, Map<String, Page>> pages, Map<String, List<String>> otherFiles) {

    /**
     * Page paths are field names: 50,000 distinct ones are not worth Jackson's interning and
     * canonicalising of names (which cost more than the rest of reading the manifest).
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    /** One page: its input hash, the repository files it needs copied, its entry's place in the search index. */
    public record Page(String key, List<String> files, int searchOffset, int searchLength) {
    }

    public static Manifest empty() {
        return new Manifest("", "", Map.of(), Map.of(), Map.of());
    }

    /** Reads a manifest; a missing, unreadable or malformed one is empty (everything renders). */
    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) return empty();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            String fingerprint = "";
            String site = "";
            Map<String, String> indexes = new HashMap<>();
            Map<String, Map<String, Page>> pages = new HashMap<>();
            Map<String, List<String>> others = new HashMap<>();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "fingerprint" -> fingerprint = p.getValueAsString("");
                    case "site" -> site = p.getValueAsString("");
                    case "searchIndexes" -> {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String cloud = p.getCurrentName();
                            p.nextToken();
                            indexes.put(cloud, p.getValueAsString(""));
                        }
                    }
                    case "pages" -> {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            Map<String, Page> cloud = pages.computeIfAbsent(p.getCurrentName(), k -> new HashMap<>());
                            expect(p.nextToken(), JsonToken.START_OBJECT);
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String path = p.getCurrentName();
                                p.nextToken();
                                cloud.put(path, page(p));
                            }
                        }
                    }
                    case "otherFiles" -> {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String cloud = p.getCurrentName();
                            expect(p.nextToken(), JsonToken.START_ARRAY);
                            List<String> files = new ArrayList<>();
                            while (p.nextToken() != JsonToken.END_ARRAY) files.add(p.getValueAsString(""));
                            others.put(cloud, List.copyOf(files));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new Manifest(fingerprint, site, indexes, pages, others);
        } catch (IOException | IllegalStateException e) {
            return empty();
        }
    }

    /** {@code {"key": "…", "files": […], "search": [offset, length]}}, the parser on its START_OBJECT. */
    private static Page page(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        String key = "";
        List<String> files = new ArrayList<>();
        int offset = -1;
        int length = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "key" -> key = p.getValueAsString("");
                case "files" -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() != JsonToken.END_ARRAY) files.add(p.getValueAsString(""));
                }
                case "search" -> {
                    expect(value, JsonToken.START_ARRAY);
                    expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                    offset = p.getIntValue();
                    expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                    length = p.getIntValue();
                    expect(p.nextToken(), JsonToken.END_ARRAY);
                }
                default -> p.skipChildren();
            }
        }
        return new Page(key, List.copyOf(files), offset, length);
    }

    /** Every file of one cloud's version, as paths below the version folder: article pages and the others. */
    public java.util.Set<String> files(String cloud) {
        java.util.Set<String> all = new java.util.HashSet<>(page(cloud).keySet());
        all.addAll(otherFiles.getOrDefault(cloud, List.of()));
        return all;
    }

    /** One cloud's article pages by path (empty when it has none). */
    public Map<String, Page> page(String cloud) {
        return pages.getOrDefault(cloud, Map.of());
    }

    /** Whether it lists one cloud's files (a manifest written before it did, or for other clouds, does not). */
    public boolean lists(String cloud) {
        return otherFiles.containsKey(cloud);
    }

    /** Deletes a manifest file, if there is one: what it said no longer holds. */
    public static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CertDocsException("cannot delete the incremental manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) throw new IllegalStateException("manifest: expected " + wanted + ", found " + actual);
    }

    /** Writes the manifest whole (a temporary file moved over the old one), pages in path order. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try (JsonGenerator g = JSON.createGenerator(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                write(g);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CertDocsException("cannot write the incremental manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("fingerprint", fingerprint);
        g.writeStringField("site", site);
        g.writeObjectFieldStart("searchIndexes");
        for (var e : new TreeMap<>(searchIndexes).entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeObjectFieldStart("otherFiles");
        for (var e : new TreeMap<>(otherFiles).entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String f : e.getValue()) g.writeString(f);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("pages");
        for (var cloud : new TreeMap<>(pages).entrySet()) {
            g.writeObjectFieldStart(cloud.getKey());
            List<String> paths = new ArrayList<>(cloud.getValue().keySet());
            paths.sort(null);
            for (String path : paths) {
                Page page = cloud.getValue().get(path);
                g.writeObjectFieldStart(path);
                g.writeStringField("key", page.key());
                if (!page.files().isEmpty()) {
                    g.writeArrayFieldStart("files");
                    for (String f : page.files()) g.writeString(f);
                    g.writeEndArray();
                }
                g.writeArrayFieldStart("search");
                g.writeNumber(page.searchOffset());
                g.writeNumber(page.searchLength());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
