package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.FileTrees;
import dev.certdocs.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuild after rebuild of one version: each incremental site (staged from the spare copy the
 * run before last left, search index spliced from the previous one) equals a full render of the
 * same input, files and folders alike, whatever was added, changed or removed in between.
 */
class IncrementalGenerationsTest {

    @TempDir
    Path dir;

    private int fresh;

    private static ArticleText article(int i, String text) {
        return ArticleText.generic("id-" + i).set("pageTitle", "Article " + i).set("cloudEnvironments", "public, fairfax")
                .body("\n# Article " + i + "\n\n## Cause\n\n" + text + "\n");
    }

    private static BuildConfig.Builder config(ContentRepo repo) {
        return BuildConfig.builder(repo.root()).siteVersion("1.0.0").threads(2).clouds(List.of("public", "fairfax"));
    }

    /** Rebuilds incrementally, renders the same input from scratch elsewhere, and compares both sites; returns "rendered/reused". */
    private String rebuildAndCompare(ContentRepo repo) throws IOException {
        RecordingLog log = new RecordingLog();
        GenerateResult r = CertDocs.generate(config(repo).build(), log);
        assertFalse(r.failed(), r.reason());
        Path site = repo.root().resolve("target/certdocs/site");
        Path full = dir.resolve("full-" + fresh++);
        assertFalse(CertDocs.generate(config(repo).outputDirectory(full).incremental(false).build(),
                dev.certdocs.support.BuildLog.SILENT).failed());
        assertEquals(FileTrees.hashes(full), FileTrees.hashes(site), "an incremental site must equal a full render");
        assertEquals(FileTrees.folders(full), FileTrees.folders(site), "no folder left behind");
        return log.lines().stream().filter(l -> l.contains("certdocs generate:")).findFirst().orElseThrow()
                .replaceAll(".*\\((\\d+) rendered, (\\d+) reused\\).*", "$1/$2");
    }

    @Test
    void everyRebuildEqualsAFullRenderWhateverChangedInBetween() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 8; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Text " + i + "."));
        repo.file("articles/network/n0.md", article(100, "In its own service."));
        Path spare = repo.root().resolve("target/certdocs/incremental/spare/public/1.0.0");

        // 9 article pages and home, the service, search, 404 per cloud; then a4's pages and their indexes (home, service)
        assertEquals("26/0", rebuildAndCompare(repo));
        assertEquals("6/20", rebuildAndCompare(repo.file("articles/compute/a4.md", article(4, "Changed once."))));
        assertTrue(Files.isDirectory(spare), "the replaced version is kept as the spare");

        // Staged from the spare (the first build): a4 differs from it and changes again, a5 changes.
        repo.file("articles/compute/a4.md", article(4, "Changed twice."));
        repo.file("articles/compute/a5.md", article(5, "Changed too."));
        assertEquals("8/18", rebuildAndCompare(repo));

        // A folder's only page goes (the folder too), a6 goes, a page gains an image to copy, a4 gets its first text back.
        Files.delete(repo.root().resolve("articles/network/n0.md"));
        Files.delete(repo.root().resolve("articles/compute/a6.md"));
        repo.bytes("articles/compute/media/one.png", new byte[] {1, 2, 3});
        repo.file("articles/compute/a1.md", article(1, "![One](media/one.png)"));
        repo.file("articles/compute/a4.md", article(4, "Text 4."));
        rebuildAndCompare(repo);

        // The image goes again; nothing else changes.
        repo.file("articles/compute/a1.md", article(1, "Text 1."));
        rebuildAndCompare(repo);
        assertEquals("0/22", rebuildAndCompare(repo));

        // A new title changes what every index and every page of its service shows.
        repo.file("articles/compute/a3.md", article(3, "Text 3.").set("pageTitle", "Article three"));
        assertEquals("22/0", rebuildAndCompare(repo));

        // A changed template renders everything, then the next run's spare is of other inputs.
        repo.file("src/site-templates/404.ftl", "<p>gone</p>");
        assertEquals("22/0", rebuildAndCompare(repo));
        repo.file("articles/compute/a2.md", article(2, "After the template."));
        rebuildAndCompare(repo);
        rebuildAndCompare(repo);
    }

    @Test
    void unchangedPagesOfASpareAreKeptAsTheyAreNotWrittenAgain() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 3; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Text " + i + "."));
        Path page = repo.root().resolve("target/certdocs/site/public/1.0.0/compute/a0.html");
        rebuildAndCompare(repo);
        Object first = Files.readAttributes(page, BasicFileAttributes.class).fileKey();
        rebuildAndCompare(repo.file("articles/compute/a1.md", article(1, "Changed.")));
        rebuildAndCompare(repo.file("articles/compute/a2.md", article(2, "Changed.")));
        rebuildAndCompare(repo);
        assertEquals(first, Files.readAttributes(page, BasicFileAttributes.class).fileKey(),
                "an unchanged page stays the file it was (linked from the published version, or kept in the spare)");
    }

    @Test
    void aOneArticleChangeRewritesOnlyTheSearchFilesWhoseBytesChanged() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 20; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Text " + i + "."));
        Path search = repo.root().resolve("target/certdocs/site/public/1.0.0/search");
        rebuildAndCompare(repo);
        java.util.Map<String, Object> files = new java.util.TreeMap<>();
        java.util.Map<String, String> bytes = new java.util.TreeMap<>();
        try (var walk = Files.walk(search)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(search.relativize(f).toString(), Files.readAttributes(f, BasicFileAttributes.class).fileKey());
                bytes.put(search.relativize(f).toString(), Files.readString(f));
            }
        }

        rebuildAndCompare(repo.file("articles/compute/a12.md", article(12, "Zebra crossing.")));
        List<String> rewritten = new java.util.ArrayList<>();
        List<String> changed = new java.util.ArrayList<>();
        try (var walk = Files.walk(search)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = search.relativize(f).toString();
                if (!Files.readAttributes(f, BasicFileAttributes.class).fileKey().equals(files.get(name))) rewritten.add(name);
                if (!Files.readString(f).equals(bytes.get(name))) changed.add(name);
            }
        }
        // a12 lost "text" and the "12" of its body and gained "zebra" and "crossing" (new keys: the entry file lists
        // them); its metadata page is page 0 (articles in path order: a0, a1, a10 … a19, a2 …).
        assertEquals(List.of("index.js", "m/0.js", "t/12.js", "t/cr.js", "t/te.js", "t/ze.js"), changed);
        assertEquals(changed, rewritten, "only the files whose bytes changed are written again");
    }

    @Test
    void aSearchIndexChangedByHandIsNotSplicedButRenderedAgain() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 4; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Text " + i + "."));
        rebuildAndCompare(repo);
        Path index = repo.root().resolve("target/certdocs/incremental/1.0.0.public.search.json");
        String text = Files.readString(index);
        Files.writeString(index, text.replace("Text 2.", "Text 9."));
        assertNotEquals(text, Files.readString(index));

        // fairfax's index is intact: only public's pages (and their indexes) are rendered again.
        assertEquals("6/10", rebuildAndCompare(repo));
        assertEquals(text, Files.readString(index));
    }

    @Test
    void aSpareThatNoManifestDescribesIsDeletedNotTrusted() throws IOException {
        ContentRepo repo = ContentRepo.in(dir.resolve("repo"));
        for (int i = 0; i < 3; i++) repo.file("articles/compute/a" + i + ".md", article(i, "Text " + i + "."));
        rebuildAndCompare(repo);
        rebuildAndCompare(repo.file("articles/compute/a1.md", article(1, "Changed.")));
        Path state = repo.root().resolve("target/certdocs/incremental");
        // As a run killed after moving the replaced version but before describing it would leave it.
        Files.delete(state.resolve("1.0.0.spare.manifest"));
        Path a0 = state.resolve("spare/public/1.0.0/compute/a0.html");
        Files.delete(a0); // a hard link to the published page: never write through it
        Files.writeString(a0, "not the page");
        Files.writeString(state.resolve("spare/public/1.0.0/stray.html"), "not a page of the site");

        rebuildAndCompare(repo.file("articles/compute/a2.md", article(2, "Changed.")));
        rebuildAndCompare(repo.file("articles/compute/a0.md", article(0, "Changed.")));
    }
}
