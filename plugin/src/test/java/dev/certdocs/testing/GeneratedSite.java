package dev.certdocs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a site that {@code generate} wrote: pages parsed with jsoup, files listed and hashed.
 * Paths are slash-separated and relative to the site root ({@code public/1.0.0/index.html}).
 */
public final class GeneratedSite {

    private final Path root;

    private GeneratedSite(Path root) {
        this.root = root;
    }

    public static GeneratedSite at(Path root) {
        return new GeneratedSite(root);
    }

    public Path root() {
        return root;
    }

    public Path file(String path) {
        return root.resolve(path);
    }

    public boolean exists(String path) {
        return Files.isRegularFile(root.resolve(path));
    }

    public String text(String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page parsed as HTML, its base URI the page's own path (so relative links can be resolved with {@link #resolve}). */
    public Document page(String path) {
        return Jsoup.parse(text(path), path);
    }

    /** The site path a relative URL on the page at {@code pagePath} points at, without fragment or query. */
    public static String resolve(String pagePath, String url) {
        String target = url.replaceAll("[?#].*$", "");
        return Path.of(pagePath).resolveSibling(target).normalize().toString().replace('\\', '/');
    }

    /** The file a link on a page points at, or null when it points nowhere in the site. */
    public String target(String pagePath, Element link) {
        String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
        String path = resolve(pagePath, url);
        return exists(path) ? path : null;
    }

    /** Every regular file of the site as it is served (versions and latest/ are links to hidden folders), sorted. */
    public List<String> files() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(FileTrees::served).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the site with the SHA-256 of its bytes, by path. */
    public Map<String, String> hashes() {
        Map<String, String> out = new TreeMap<>();
        for (String f : files()) {
            try {
                out.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(root.resolve(f)))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The names of the directories directly under {@code path} (the clouds, a cloud's versions), sorted. */
    public List<String> directories(String path) {
        Path dir = root.resolve(path);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(FileTrees::served).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
