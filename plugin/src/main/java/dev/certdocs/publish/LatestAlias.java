package dev.certdocs.publish;

import dev.certdocs.files.Fresh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code <cloud>/latest/}: for every page of the latest version a small redirect page at the
 * same path, so {@code latest/compute/x.html} always reaches the newest release's page. The
 * redirect works without JavaScript (meta refresh, and a plain link) and names the real page
 * as canonical, so search engines index the versioned URL once.
 *
 * <p>When {@code latest/} already redirects to the same version with the same base URL (a
 * rebuild of that version), only the redirects of added pages are written and those of removed
 * pages deleted: the others would be written byte for byte as they are (each file replaced in
 * one rename; latest/ keeps pointing at the same, complete version). Otherwise the redirects are
 * written whole into a new hidden folder that {@code latest} is then switched to in one rename
 * ({@link SiteWriter#switchTo}). This runs after the version itself was switched to, so a run
 * killed here has already published it.
 */
final class LatestAlias {

    private LatestAlias() {
    }

    /**
     * Brings {@code cloudDir/latest} to {@code version}; {@code baseUrl} ("" or ending in '/')
     * makes the canonical link absolute. {@code pages}: the version's HTML pages when this run
     * built it, else null (the version is as its last build left it, and so is a {@code latest/}
     * that already points at it). {@code redirects}: the pages of the version as published
     * before this run, which a {@code latest/} pointing at it has redirects for, when known;
     * null to list the folder.
     */
    static void write(Path cloudDir, String version, String baseUrl, List<String> pages, List<String> redirects)
            throws IOException {
        Path source = cloudDir.resolve(version);
        Path latest = cloudDir.resolve("latest");
        boolean current = Files.isRegularFile(latest.resolve("index.html"))
                && Files.readString(latest.resolve("index.html")).equals(redirect("index.html", version, baseUrl));
        if (current && pages == null) return;
        List<String> all = pages != null ? pages : htmlFiles(source);
        if (current && all.contains("index.html")) {
            update(latest, all, redirects != null ? redirects : htmlFiles(latest), version, baseUrl);
            return;
        }
        // Written whole under a hidden name, then switched to as a version is: latest/ always shows one whole set.
        Path fresh = Fresh.folder(cloudDir, SiteWriter.HIDDEN + "latest-");
        // A new, empty folder: each subfolder made once, each file created new (one open per file, no stat first).
        java.util.Set<Path> made = new java.util.HashSet<>();
        for (String rel : all) {
            Path out = fresh.resolve(rel);
            if (made.add(out.getParent())) Files.createDirectories(out.getParent());
            SiteWriter.createNew(out, redirect(rel, version, baseUrl).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        PublishSteps.reached("latest written");
        Path old = SiteWriter.switchTo(fresh, latest);
        if (old != null) SiteWriter.deleteTree(old);
        PublishSteps.reached("replaced latest removed");
    }

    /** Brings a {@code latest/} of the same version and base URL, holding {@code redirects}, up to date with the version's pages. */
    private static void update(Path latest, List<String> pages, List<String> redirects, String version, String baseUrl)
            throws IOException {
        java.util.Set<String> wanted = new java.util.HashSet<>(pages);
        List<String> gone = new java.util.ArrayList<>();
        for (String rel : redirects) {
            if (!wanted.remove(rel)) gone.add(rel);
        }
        SiteWriter.deleteFiles(latest, gone);
        for (String rel : new java.util.TreeSet<>(wanted)) {
            Path out = latest.resolve(rel);
            Files.createDirectories(out.getParent());
            SiteWriter.writeAtomically(out, redirect(rel, version, baseUrl));
        }
    }

    /** The HTML pages under {@code dir}, as paths relative to it, in order. */
    private static List<String> htmlFiles(Path shown) throws IOException {
        Path dir = shown.toRealPath(); // a link to the folder: a walk does not enter a link it starts from
        // find() hands over the attributes the walk read anyway: no second stat per file
        try (Stream<Path> found = Files.find(dir, Integer.MAX_VALUE,
                (p, attrs) -> attrs.isRegularFile() && p.getFileName().toString().endsWith(".html"))) {
            return found.map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** The redirect page at {@code rel} in {@code latest/}. */
    private static String redirect(String rel, String version, String baseUrl) {
        int depth = (int) rel.chars().filter(c -> c == '/').count();
        String target = "../".repeat(depth + 1) + version + "/" + rel;
        String canonical = baseUrl.isEmpty() ? target : baseUrl + version + "/" + rel;
        return page(target, canonical, version);
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
