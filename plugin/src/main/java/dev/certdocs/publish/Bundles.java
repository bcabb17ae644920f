package dev.certdocs.publish;

import dev.certdocs.config.CertDocsException;
import dev.certdocs.config.Cloud;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Self-contained bundles: one zip per cloud and version, entries in path order with a fixed
 * time (the build's output timestamp, else 2000-01-01), so the same site gives the same bytes.
 * For air-gapped clouds, {@link #outsideReferences} finds what would not work inside: any
 * absolute URL in a page or stylesheet whose host is neither in the bundle nor on the cloud's
 * allow-list.
 */
public final class Bundles {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "\\b(?:src|href|srcset|poster|action|data|content)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)|@import\\s+['\"]([^'\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)?//([^/?#:]+)", Pattern.CASE_INSENSITIVE);
    private static final LocalDateTime DEFAULT_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Bundles() {
    }

    /** Zips {@code versionDir} into {@code zip}, every entry under {@code topFolder/}. */
    public static void zip(Path versionDir, Path zip, String topFolder, Optional<Instant> time) {
        LocalDateTime when = time.map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC)).orElse(DEFAULT_TIME);
        try {
            Files.createDirectories(zip.getParent());
            Path tmp = Files.createTempFile(zip.getParent(), "." + zip.getFileName(), ".tmp");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(versionDir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path f : files) {
                    ZipEntry e = new ZipEntry(topFolder + "/" + versionDir.relativize(f).toString().replace('\\', '/'));
                    e.setTimeLocal(when);
                    z.putNextEntry(e);
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CertDocsException("cannot write the bundle " + zip + ": " + e.getMessage(), e);
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
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean html = name.endsWith(".html");
            if (!html && !name.endsWith(".css")) continue;
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new CertDocsException("cannot read " + f + ": " + e.getMessage(), e);
            }
            Matcher m = (html ? URL_ATTRIBUTE : CSS_URL).matcher(text);
            String page = versionDir.relativize(f).toString().replace('\\', '/');
            while (m.find()) {
                String url = m.group(1) != null ? m.group(1) : m.group(2);
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
        }
        return problems;
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
}
