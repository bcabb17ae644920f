package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle built again copies its unchanged entries from the previous one, and is the same bytes as one built afresh;
 * one made from entries compressed as they were written is the same bytes as one made from the files.
 */
class BundlesZipTest {

    @TempDir
    Path dir;

    private Path site() throws IOException {
        Path site = dir.resolve("site");
        for (int i = 0; i < 30; i++) {
            Path page = site.resolve("compute/page-" + i + ".html");
            Files.createDirectories(page.getParent());
            Files.writeString(page, ("<p>Page " + i + " ").repeat(200), StandardCharsets.UTF_8);
        }
        Files.writeString(site.resolve("index.html"), "<h1>Home</h1>", StandardCharsets.UTF_8);
        return site;
    }

    @Test
    void copiesUnchangedEntriesAndCompressesOnlyChangedOnes() throws IOException {
        Path site = site();
        Path zip = dir.resolve("out/certdocs-public-1.0.0.zip");
        Optional<Instant> time = Optional.of(Instant.parse("2026-01-02T03:04:05Z"));
        assertEquals(0, Bundles.zip(site, zip, "certdocs-public-1.0.0", time), "nothing to copy from");
        assertEquals(31, Bundles.zip(site, zip, "certdocs-public-1.0.0", time), "everything unchanged");

        Files.writeString(site.resolve("compute/page-7.html"), "<p>Changed</p>", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("compute/new.html"), "<p>New</p>", StandardCharsets.UTF_8);
        Files.delete(site.resolve("compute/page-8.html"));
        assertEquals(29, Bundles.zip(site, zip, "certdocs-public-1.0.0", time), "30 + new - changed - deleted");

        Path fresh = dir.resolve("fresh/certdocs-public-1.0.0.zip");
        assertEquals(0, Bundles.zip(site, fresh, "certdocs-public-1.0.0", time));
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(zip), "a rebuilt bundle is the bundle built afresh");
        assertEquals("<p>Changed</p>", entries(zip).get("certdocs-public-1.0.0/compute/page-7.html"));
        assertEquals(("<p>Page 3 ").repeat(200), entries(zip).get("certdocs-public-1.0.0/compute/page-3.html"));
        assertEquals(null, entries(zip).get("certdocs-public-1.0.0/compute/page-8.html"));
    }

    @Test
    void aDamagedPreviousBundleIsNotTrusted() throws IOException {
        Path site = site();
        Path zip = dir.resolve("out/b.zip");
        Files.createDirectories(zip.getParent());
        Files.writeString(zip, "not a zip");
        assertEquals(0, Bundles.zip(site, zip, "b", Optional.empty()));
        assertEquals(31, entries(zip).size());
    }

    @Test
    void theBytesDoNotDependOnHowManyThreadsCompress() throws IOException {
        Path site = site();
        Optional<Instant> time = Optional.of(Instant.parse("2026-01-02T03:04:05Z"));
        Path one = dir.resolve("one/b.zip");
        Path four = dir.resolve("four/b.zip");
        Bundles.zip(site, one, "b", time, 1);
        Bundles.zip(site, four, "b", time, 4);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
        assertEquals(31, entries(four).size());
    }

    @Test
    void aBundleCompressedOtherwiseLendsNoEntries() throws IOException {
        Path site = site();
        Optional<Instant> time = Optional.of(Instant.parse("2026-01-02T03:04:05Z"));
        Path zip = dir.resolve("out/b.zip");
        Bundles.zip(site, zip, "b", time);
        // As an earlier certdocs left it: the same entries, but another comment (another level).
        byte[] bytes = Files.readAllBytes(zip);
        byte[] comment = Bundles.COMMENT.getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - comment.length] = (byte) 'X';
        Files.write(zip, bytes);
        assertEquals(0, Bundles.zip(site, zip, "b", time), "nothing borrowed from a bundle compressed otherwise");
        Path fresh = dir.resolve("fresh/b.zip");
        Bundles.zip(site, fresh, "b", time);
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(zip));
    }

    @Test
    void aBundleFromEntriesCompressedAsTheyWereWrittenIsTheBundleMadeFromTheFiles() throws IOException {
        Path site = site();
        // An empty file, and one that does not compress (its deflated bytes outgrow the spool's first buffer).
        Files.write(site.resolve("empty.txt"), new byte[0]);
        byte[] noise = new byte[300_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(site.resolve("compute/noise.bin"), noise);
        Optional<Instant> time = Optional.of(Instant.parse("2026-01-02T03:04:05Z"));
        Path fromFiles = dir.resolve("files/b.zip");
        Bundles.zip(site, fromFiles, "b", time, 2);

        Path state = dir.resolve("state");
        try (BundleSpool spool = BundleSpool.open(state, "1.0.0")) {
            // Every file but index.html, as the site writer spools what it writes; page-5 spooled, then replaced otherwise.
            try (Stream<Path> walk = Files.walk(site)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String path = site.relativize(f).toString().replace('\\', '/');
                    if (!path.equals("index.html")) spool.add("public", path, Files.readAllBytes(f));
                }
            }
            Files.writeString(site.resolve("compute/page-5.html"), "<p>Replaced</p>", StandardCharsets.UTF_8);
            spool.forget("public", "compute/page-5.html");
            assertEquals(31, spool.size("public"));
            assertEquals(1, spool.files().size());
            assertTrue(spool.files().get(0).getFileName().toString().endsWith(".bundle.spool"));

            Path fromSpool = dir.resolve("spool/b.zip");
            Bundles.zip(site, fromSpool, "b", time, 2, spool, "public");
            Path again = dir.resolve("again/b.zip");
            Bundles.zip(site, again, "b", time, 2);
            assertArrayEquals(Files.readAllBytes(again), Files.readAllBytes(fromSpool), "the same bytes as from the files");
            assertEquals("<p>Replaced</p>", entries(fromSpool).get("b/compute/page-5.html"), "a forgotten entry is read");
            assertEquals(33, entries(fromSpool).size());

            // The site before the replacement, from the files: the spool's other entries are the files' bytes.
            Files.writeString(site.resolve("compute/page-5.html"), ("<p>Page 5 ").repeat(200), StandardCharsets.UTF_8);
            Path before = dir.resolve("before/b.zip");
            Bundles.zip(site, before, "b", time, 2);
            assertArrayEquals(Files.readAllBytes(fromFiles), Files.readAllBytes(before));
        }
        try (Stream<Path> left = Files.list(state)) {
            assertEquals(List.of(), left.toList(), "the spool files are removed");
        }
    }

    @Test
    void openingASpoolRemovesWhatAKilledRunLeft() throws IOException {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("0.9.0.public.bundle.spool"), "left by a killed run");
        Files.writeString(state.resolve("manifest.json"), "{}");
        try (BundleSpool spool = BundleSpool.open(state, "1.0.0")) {
            assertEquals(0, spool.size("public"));
        }
        try (Stream<Path> left = Files.list(state)) {
            assertEquals(List.of("manifest.json"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static java.util.Map<String, String> entries(Path zip) throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
