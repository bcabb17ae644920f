package dev.certdocs.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code <cloud>/latest/}: for every page of the latest version a small redirect page at the
 * same path, so {@code latest/compute/x.html} always reaches the newest release's page. The
 * redirect works without JavaScript (meta refresh, and a plain link) and names the real page
 * as canonical, so search engines index the versioned URL once.
 */
final class LatestAlias {

    private LatestAlias() {
    }

    /** Rebuilds {@code cloudDir/latest} for {@code version}; {@code baseUrl} ("" or ending in '/') makes the canonical link absolute. */
    static void write(Path cloudDir, String version, String baseUrl) throws IOException {
        Path source = cloudDir.resolve(version);
        Path fresh = Files.createTempDirectory(cloudDir, ".latest-");
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(source)) {
            pages = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            String rel = source.relativize(page).toString().replace('\\', '/');
            int depth = (int) rel.chars().filter(c -> c == '/').count();
            String target = "../".repeat(depth + 1) + version + "/" + rel;
            String canonical = baseUrl.isEmpty() ? target : baseUrl + version + "/" + rel;
            Path out = fresh.resolve(rel);
            Files.createDirectories(out.getParent());
            Files.writeString(out, page(target, canonical, version));
        }
        Path latest = cloudDir.resolve("latest");
        Path old = null;
        if (Files.exists(latest)) {
            old = Files.createTempDirectory(cloudDir, ".latest-old-");
            Files.move(latest, old.resolve("latest"), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, latest, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) SiteWriter.deleteTree(old);
    }

    static String page(String target, String canonical, String version) {
        String t = escape(target);
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<title>Redirecting to version " + escape(version) + "</title>\n"
                + "<link rel=\"canonical\" href=\"" + escape(canonical) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + t + "\">\n"
                + "</head><body><p>The latest version of this page is <a href=\"" + t + "\">" + escape(version)
                + "</a>.</p></body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
