package dev.certdocs.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The pages above the versions, so a served folder never shows a directory listing: each cloud's
 * {@code <cloud>/index.html} leads to {@code latest/} (meta refresh and a plain link, no
 * JavaScript), and the output root's {@code index.html} lists every cloud published there with
 * its latest version. Each is written whole and renamed into place. A root {@code index.html}
 * that certdocs did not write (a {@code publishDirectory} with a page of its own) is left alone.
 */
final class SiteIndexes {

    /** Marks the pages this class writes, so that it replaces only its own. */
    static final String MARK = "<!-- certdocs: site index -->";

    private SiteIndexes() {
    }

    /** {@code <cloud>/index.html}: on to the latest version, through {@code latest/}. */
    static void cloud(Path cloudDir, String latestVersion) throws IOException {
        Path file = cloudDir.resolve("index.html");
        if (!ours(file)) return;
        String page = LatestAlias.page("latest/index.html", latestVersion + "/index.html", latestVersion)
                .replace("<!DOCTYPE html>\n", "<!DOCTYPE html>\n" + MARK + "\n");
        if (!same(file, page)) SiteWriter.writeAtomically(file, page);
    }

    /** {@code <output>/index.html}: a link to the latest version of every cloud published under {@code output}. */
    static void root(Path output, String siteTitle, UnaryOperator<String> cloudName) throws IOException {
        Path file = output.resolve("index.html");
        if (!ours(file)) return;
        StringBuilder items = new StringBuilder();
        List<Path> clouds;
        try (Stream<Path> list = Files.list(output)) {
            clouds = list.filter(d -> Files.isRegularFile(d.resolve("versions.json"))).sorted().toList();
        }
        for (Path cloudDir : clouds) {
            String id = cloudDir.getFileName().toString();
            Optional<SiteVersion> latest = Versions.latest(Versions.present(cloudDir));
            if (latest.isEmpty()) continue;
            String href = "./" + escape(id) + "/latest/index.html"; // './': a cloud id never reads as a URL scheme
            items.append("<li><a href=\"").append(href).append("\">").append(escape(cloudName.apply(id)))
                    .append("</a> <span>version ").append(escape(latest.get().name())).append("</span></li>\n");
        }
        String title = escape(siteTitle);
        String page = "<!DOCTYPE html>\n" + MARK + "\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}"
                + "li{margin:.5rem 0}span{color:#555}</style>\n"
                + "</head><body><main><h1>" + title + "</h1>\n<p>Choose a cloud environment:</p>\n<ul>\n" + items
                + "</ul></main></body></html>\n";
        if (!same(file, page)) SiteWriter.writeAtomically(file, page);
    }

    /** Whether {@code file} is absent or one this class wrote. */
    private static boolean ours(Path file) throws IOException {
        if (!Files.exists(file)) return true;
        if (!Files.isRegularFile(file) || Files.size(file) > 1 << 20) return false;
        return Files.readString(file, StandardCharsets.UTF_8).contains(MARK);
    }

    private static boolean same(Path file, String page) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(page);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
