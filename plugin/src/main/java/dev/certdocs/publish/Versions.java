package dev.certdocs.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The versions of one cloud's site: every version folder present, newest first in
 * {@link SiteVersion} order, and the one {@code latest/} points at — the newest release, or the
 * newest version when there is no release yet. Written to {@code <cloud>/versions.json}.
 */
final class Versions {

    private Versions() {
    }

    /** The version folders under a cloud's folder, newest first. */
    static List<SiteVersion> present(Path cloudDir) throws IOException {
        try (Stream<Path> list = Files.list(cloudDir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals("latest"))
                    .map(SiteVersion::parse)
                    .sorted(Comparator.<SiteVersion>naturalOrder().reversed())
                    .toList();
        }
    }

    static Optional<SiteVersion> latest(List<SiteVersion> newestFirst) {
        return newestFirst.stream().filter(SiteVersion::release).findFirst()
                .or(() -> newestFirst.stream().findFirst());
    }

    /** Writes {@code versions.json} and returns the version {@code latest/} should point at. */
    static Optional<SiteVersion> write(Path cloudDir) throws IOException {
        List<SiteVersion> versions = present(cloudDir);
        Optional<SiteVersion> latest = latest(versions);
        StringBuilder sb = new StringBuilder("{\n  \"latest\": ");
        sb.append(latest.map(v -> "\"" + json(v.name()) + "\"").orElse("null")).append(",\n  \"versions\": [");
        for (int i = 0; i < versions.size(); i++) {
            SiteVersion v = versions.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"name\": \"").append(json(v.name()))
                    .append("\", \"latest\": ").append(latest.isPresent() && latest.get().equals(v))
                    .append(", \"prerelease\": ").append(!v.release()).append('}');
        }
        sb.append("\n  ]\n}\n");
        SiteWriter.writeAtomically(cloudDir.resolve("versions.json"), sb.toString());
        return latest;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
