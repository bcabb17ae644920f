package dev.certdocs.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental manifest reads back what was written, whatever the paths hold, and nothing from a file it did not write. */
class ManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWrittenEvenWithTabsLineBreaksAndBackslashesInValues() {
        Manifest m = new Manifest("fp", "/site\\out", Map.of("public", "12:34:(dev=1,ino=2)"),
                Map.of("public", Map.of(
                        "compute/a b.html", new Manifest.Page("k1", List.of("articles/media/x\ty.png", "a\\b"), 7, 20),
                        "index.html", new Manifest.Page("k2", List.of(), -1, -1),
                        "odd\nname.html", new Manifest.Page("k3", List.of(), 28, 5))),
                Map.of("public", List.of("search-index.json", "assets/site.css"), "fairfax", List.of()));
        Path file = dir.resolve("state/1.0.0.manifest");
        m.write(file);

        Manifest back = Manifest.read(file);
        assertEquals(m.fingerprint(), back.fingerprint());
        assertEquals(m.site(), back.site());
        assertEquals(m.searchIndexes(), back.searchIndexes());
        assertEquals(m.pages(), back.pages());
        assertEquals(m.otherFiles(), back.otherFiles());
        assertTrue(back.lists("fairfax"), "a cloud with no other file is still listed");
        assertEquals(Set.of("compute/a b.html", "index.html", "odd\nname.html", "search-index.json", "assets/site.css"),
                back.files("public"));
    }

    @Test
    void aFileItDidNotWriteReadsAsEmpty() throws IOException {
        Path file = dir.resolve("1.0.0.manifest");
        Files.writeString(file, "{\"fingerprint\": \"fp\"}");
        assertTrue(Manifest.read(file).fingerprint().isEmpty());
        Files.writeString(file, "certdocs-manifest\t2\npage\tpublic\tx.html\tkey\tnot-a-number\t1\n");
        assertTrue(Manifest.read(file).pages().isEmpty());
        assertFalse(Manifest.read(dir.resolve("missing.manifest")).lists("public"));
    }
}
