package dev.certdocs.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code versions.json} of one cloud: every version directory present, newest first, the newest
 * listed first marked latest. Ordering is a simple numeric-aware comparison here; the
 * versioned-publishing work refines it to full semantic-version order.
 */
final class Versions {

    private Versions() {
    }

    static void write(Path cloudDir) throws IOException {
        List<String> versions = new ArrayList<>();
        try (Stream<Path> list = Files.list(cloudDir)) {
            list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals("latest")).forEach(versions::add);
        }
        versions.sort(ORDER.reversed());
        StringBuilder sb = new StringBuilder("{\n  \"versions\": [");
        for (int i = 0; i < versions.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"name\": \"").append(versions.get(i).replace("\"", ""))
                    .append("\", \"latest\": ").append(i == 0).append('}');
        }
        sb.append("\n  ]\n}\n");
        Files.writeString(cloudDir.resolve("versions.json"), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Compares dot-separated parts numerically where both are numbers. */
    static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("\\d+") && y[i].matches("\\d+")) c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            else c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    };
}
