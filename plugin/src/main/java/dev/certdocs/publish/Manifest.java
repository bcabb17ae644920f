package dev.certdocs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certdocs.config.CertDocsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last run of a version rendered, for incremental builds: a fingerprint of everything
 * that affects every page (certdocs, configuration, templates), and for each page
 * ({@code <cloud>/<path>}) the hash of its own inputs and the files it links to. A page whose
 * hash is unchanged is copied from the published site instead of being rendered again.
 */
public record Manifest(String fingerprint, String site, Map<String, Page> pages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page: its input hash and the repository files it needs copied. */
    public record Page(String key, List<String> files) {
    }

    public static Manifest empty() {
        return new Manifest("", "", Map.of());
    }

    /** Reads a manifest; a missing or unreadable one is empty (everything renders). */
    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) return empty();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, Page> pages = new TreeMap<>();
            root.path("pages").fields().forEachRemaining(e -> {
                List<String> files = new ArrayList<>();
                e.getValue().path("files").forEach(f -> files.add(f.asText()));
                pages.put(e.getKey(), new Page(e.getValue().path("key").asText(), files));
            });
            return new Manifest(root.path("fingerprint").asText(), root.path("site").asText(), pages);
        } catch (IOException e) {
            return empty();
        }
    }

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("fingerprint", fingerprint);
        root.put("site", site);
        ObjectNode p = root.putObject("pages");
        new TreeMap<>(pages).forEach((k, v) -> {
            ObjectNode n = p.putObject(k);
            n.put("key", v.key());
            v.files().forEach(n.putArray("files")::add);
        });
        try {
            Files.createDirectories(file.getParent());
            SiteWriter.writeAtomically(file, JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new CertDocsException("cannot write the incremental manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
