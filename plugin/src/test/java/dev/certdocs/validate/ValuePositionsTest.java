package dev.certdocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions inside attribute values are counted in the text as written, where an entity is longer than its character. */
class ValuePositionsTest {

    @TempDir
    Path repo;

    @Test
    void pointsAtAListItemAfterLineBreakEntitiesOnTheLineItIsWrittenOn() throws IOException {
        write("""
                <properties
                \tpageTitle="T"
                \tselfHelpType="resource"
                \tservice="microsoft.compute"
                \tresource="virtualmachines"
                \tarticleId="a1"
                \tcloudEnvironments="public"
                \townershipId="Team"
                \tsupportTopicIds="1,&#10;&#10;&#10;x"
                />

                # T
                """);

        assertEquals(List.of("articles/a.md:9:36: error [field/format] 'supportTopicIds' item 'x' must be a numeric id"),
                diagnostics());
    }

    @Test
    void pointsAtAListItemAfterEntitiesOnTheSameLine() throws IOException {
        write("""
                <properties
                \tpageTitle="T"
                \tselfHelpType="resource"
                \tservice="microsoft.compute"
                \tresource="virtualmachines"
                \tarticleId="a1"
                \tcloudEnvironments="public"
                \townershipId="Team"
                \tproductPesIds="&#49;&#50;,abc"
                />

                # T
                """);

        assertEquals(List.of("articles/a.md:9:28: error [field/format] 'productPesIds' item 'abc' must be a numeric id or a GUID"),
                diagnostics());
    }

    private void write(String article) throws IOException {
        Files.createDirectories(repo.resolve("articles"));
        Files.writeString(repo.resolve("articles/a.md"), article);
    }

    private List<String> diagnostics() {
        BuildConfig config = BuildConfig.builder(repo).build();
        return CertDocs.validate(config, BuildLog.SILENT).summary().findings().stream()
                .map(f -> f.diagnostic().format()).toList();
    }
}
