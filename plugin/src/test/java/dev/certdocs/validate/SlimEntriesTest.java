package dev.certdocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.model.Attribute;
import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the corpus keeps of an article once it is checked: what validate reads of it afterwards, and no more. */
class SlimEntriesTest {

    @TempDir
    Path repo;

    @Test
    void keepsThePathTheCloudsTheTeamAndTheLinksOfEachArticle() throws IOException {
        Files.createDirectories(repo.resolve("articles"));
        Files.writeString(repo.resolve("articles/a.md"), """
                <properties
                \tpageTitle="T"
                \tcloudEnvironments="Public, fairfax, mooncake"
                \tdisableClouds="mooncake"
                \tOwnershipID=" Team A "
                \townershipId="Team B"
                />

                # T

                See [b](b.md).
                """);
        Files.writeString(repo.resolve("articles/b.md"), "No properties block.\n");
        BuildConfig config = BuildConfig.builder(repo).build();

        Corpus corpus = Validation.loadAndValidate(config, Load.articleFiles(config, BuildLog.SILENT)).corpus();

        Corpus.Entry a = corpus.articles().get(0);
        assertEquals("articles/a.md", a.path());
        assertEquals(List.of("public", "fairfax"), a.article().cloudIds());
        assertEquals("Team A", a.owner());
        assertEquals(List.of("OwnershipID"), a.article().props().attributes().stream().map(Attribute::name).toList());
        assertEquals(List.of("b.md"), a.links().links().stream().map(l -> l.target()).toList());
        assertTrue(a.article().body().headings().isEmpty());
        Corpus.Entry b = corpus.articles().get(1);
        assertTrue(b.article().properties().isEmpty());
        assertEquals("", b.owner());
        assertEquals(List.of(), b.article().cloudIds());
    }
}
