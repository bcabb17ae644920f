package dev.certdocs.publish;

import dev.certdocs.files.Fresh;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.LinkedHashMap;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Self-contained bundles: one zip per cloud and version, entries in path order with a fixed
 * time (the build's output timestamp, else 2000-01-01), so the same site gives the same bytes.
 * For air-gapped clouds, {@link #outsideReferences} finds what would not work inside: any
 * absolute URL in a page or stylesheet whose host is neither in the bundle nor on the cloud's
 * allow-list.
 */
public final class Bundles {

    /** The attributes whose values the air-gapped check reads as URLs. */
    static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("src", "href", "srcset", "poster", "action",
            "data", "content");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)|@import\\s+['\"]([^'\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)?//([^/?#:]+)", Pattern.CASE_INSENSITIVE);
    private static final LocalDateTime DEFAULT_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Bundles() {
    }

    /**
     * Zips {@code versionDir} into {@code zip}, every entry under {@code topFolder/}, and returns how
     * many entries were copied from the bundle already there. An entry whose name, size and CRC-32
     * match the previous bundle's is copied as the compressed bytes it has there, not compressed
     * again: a rebuild that changed a few pages costs reading the site, not deflating all of it.
     * The result is the same bytes either way (same entries, same time, same compression).
     */
    public static int zip(Path versionDir, Path zip, String topFolder, Optional<Instant> time) {
        LocalDateTime when = time.map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).orElse(DEFAULT_TIME);
        try {
            Files.createDirectories(zip.getParent());
            Path tmp = Fresh.file(zip.getParent(), "." + zip.getFileName() + "-", ".tmp"); // with the umask's mode
            Path root = versionDir.toRealPath(); // the version's name is a link: a walk does not enter a link it starts from
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            int copied = 0;
            try (ZipFile previous = previousBundle(zip); ZipArchiveOutputStream z = new ZipArchiveOutputStream(tmp)) {
                for (Path f : files) {
                    String name = topFolder + "/" + root.relativize(f).toString().replace('\\', '/');
                    byte[] bytes = Files.readAllBytes(f);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    ZipArchiveEntry e = new ZipArchiveEntry(name);
                    e.setTimeLocal(when);
                    e.setMethod(ZipArchiveEntry.DEFLATED);
                    e.setSize(bytes.length);
                    e.setCrc(crc.getValue());
                    ZipArchiveEntry old = previous == null ? null : previous.getEntry(name);
                    if (old != null && old.getMethod() == ZipArchiveEntry.DEFLATED && old.getSize() == bytes.length
                            && old.getCrc() == crc.getValue()) {
                        e.setCompressedSize(old.getCompressedSize());
                        try (InputStream raw = previous.getRawInputStream(old)) {
                            z.addRawArchiveEntry(e, raw);
                        }
                        copied++;
                    } else {
                        z.putArchiveEntry(e);
                        z.write(bytes);
                        z.closeArchiveEntry();
                    }
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copied;
        } catch (IOException e) {
            throw new CertDocsException("cannot write the bundle " + zip + ": " + e.getMessage(), e);
        }
    }

    /** The bundle an earlier run left, to copy unchanged entries from; null when there is none or it cannot be read. */
    private static ZipFile previousBundle(Path zip) {
        if (!Files.isRegularFile(zip)) return null;
        try {
            return ZipFile.builder().setPath(zip).get();
        } catch (IOException e) {
            return null; // a damaged bundle is not trusted: every entry is compressed again
        }
    }

    /**
     * Every reference in the site of an air-gapped cloud to a host outside the bundle and the
     * allow-list, as "page: url". {@code alsoAllowed}: more hosts that are reachable (the site's own); see {@link Cloud#reaches}.
     */
    public static List<String> outsideReferences(Path versionDir, Cloud cloud, java.util.Collection<String> alsoAllowed) {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(versionDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CertDocsException("cannot read the site " + versionDir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            String page = versionDir.relativize(f).toString().replace('\\', '/');
            if (!checked(page)) continue;
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new CertDocsException("cannot read " + f + ": " + e.getMessage(), e);
            }
            problems.addAll(outsideReferences(page, text, cloud, alsoAllowed));
        }
        return problems;
    }

    /** Whether {@link #outsideReferences} looks into a file of this name: pages and stylesheets. */
    public static boolean checked(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".css");
    }

    /**
     * The references of one page or stylesheet of an air-gapped cloud's site (at {@code page},
     * its path in the version) to hosts outside the bundle and the allow-list, as "page: url".
     */
    public static List<String> outsideReferences(String page, String text, Cloud cloud,
                                                 java.util.Collection<String> alsoAllowed) {
        List<String> problems = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        if (page.toLowerCase(Locale.ROOT).endsWith(".html")) {
            urlAttributes(text, urls);
        } else {
            Matcher m = CSS_URL.matcher(text);
            while (m.find()) urls.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        for (String url : urls) {
            if (url == null) continue;
            for (String part : url.split(",")) { // srcset lists several
                String u = part.strip().split("\\s+")[0];
                String host = host(u);
                if (host != null && !cloud.reaches(host)
                        && alsoAllowed.stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
                    problems.add(page + ": " + u);
                }
            }
        }
        return problems;
    }

    /**
     * The quoted values of the URL attributes ({@link #URL_ATTRIBUTES}) in an HTML text, in order:
     * what {@code \b(?:src|href|…)\s*=\s*("…"|'…')}, case-insensitive, finds, without trying
     * the pattern at every character (the check reads every page of a site).
     */
    static void urlAttributes(String text, List<String> out) {
        int n = text.length();
        int from = 0;
        while (true) {
            int eq = text.indexOf('=', from);
            if (eq < 0) return;
            from = eq + 1;
            int nameEnd = eq;
            while (nameEnd > 0 && isSpace(text.charAt(nameEnd - 1))) nameEnd--;
            int nameStart = nameEnd;
            while (nameStart > 0 && isWord(text.charAt(nameStart - 1))) nameStart--;
            if (nameStart == nameEnd || !URL_ATTRIBUTES.contains(text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT))) {
                continue;
            }
            int q = eq + 1;
            while (q < n && isSpace(text.charAt(q))) q++;
            if (q >= n || (text.charAt(q) != '"' && text.charAt(q) != '\'')) continue;
            int close = text.indexOf(text.charAt(q), q + 1);
            if (close < 0) continue;
            out.add(text.substring(q + 1, close));
            from = close + 1;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_'; // as the regex \b sees word characters
    }

    private static String host(String url) {
        String u = url.replace("&amp;", "&").strip();
        if (u.regionMatches(true, 0, "mailto:", 0, 7) || u.regionMatches(true, 0, "tel:", 0, 4)) return null;
        Matcher m = ABSOLUTE.matcher(u);
        if (!m.find()) return null;
        try {
            String h = new URI(u.startsWith("//") ? "https:" + u : u).getHost();
            return h == null ? m.group(1) : h;
        } catch (URISyntaxException e) {
            return m.group(1);
        }
    }

    /**
     * Each cloud's bundle of the version just published ({@code <bundles>/certdocs-<cloud>-<version>.zip}),
     * when the build makes bundles; one cloud per thread.
     */
    public static Map<String, Path> zipAll(BuildConfig config, dev.certdocs.support.BuildLog log) {
        Map<String, Path> bundles = new LinkedHashMap<>();
        if (config.site().bundles() == null) return bundles;
        List<Cloud> clouds = config.clouds();
        int[] copied = new int[clouds.size()];
        // One cloud per thread: each bundle reads its own folder and writes its own file.
        dev.certdocs.support.Parallel.forEach(config.threads(), clouds.size(), "bundling", k -> {
            String name = "certdocs-" + clouds.get(k).id() + "-" + config.site().version();
            copied[k] = zip(config.site().outputDirectory().resolve(clouds.get(k).id()).resolve(config.site().version()),
                    config.site().bundles().resolve(name + ".zip"), name, config.site().outputTimestamp());
        });
        for (int k = 0; k < clouds.size(); k++) {
            String name = "certdocs-" + clouds.get(k).id() + "-" + config.site().version();
            bundles.put(clouds.get(k).id(), config.site().bundles().resolve(name + ".zip"));
            log.debug("bundle " + name + ".zip: " + copied[k] + " entries copied from the previous bundle");
        }
        return bundles;
    }
}
