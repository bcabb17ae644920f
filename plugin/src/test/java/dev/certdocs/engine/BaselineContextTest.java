package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineContextTest {

    @TempDir
    Path repo;

    @Test
    void recordsTheSourceLineOfAProblemInAFileThatIsNotValidUtf8() throws IOException {
        ByteArrayOutputStream article = new ByteArrayOutputStream();
        article.writeBytes("""
                <properties
                \tpageTitle="T"
                \tselfHelpType="resource"
                \tservice="microsoft.compute"
                \tresource="virtualmachines"
                \tarticleId="a1"
                \tcloudEnvironments="public, fairfx"
                \townershipId="Team"
                />

                # T

                Saved by an editor in Latin-1: caf""".getBytes(StandardCharsets.UTF_8));
        article.write(0xE9); // 'é' in Latin-1, not UTF-8
        article.writeBytes(".\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(repo.resolve("articles"));
        Files.write(repo.resolve("articles/a.md"), article.toByteArray());

        CertDocs.validate(BuildConfig.builder(repo).updateBaseline(true).build(), BuildLog.SILENT);

        var entries = new ObjectMapper().readTree(repo.resolve("certdocs-baseline.json").toFile()).get("entries");
        java.util.Map<String, String> contexts = new java.util.TreeMap<>();
        entries.forEach(e -> contexts.put(e.get("rule").asText(), e.get("context").asText()));
        assertEquals(java.util.Map.of(
                "cloud/unknown", "cloudEnvironments=\"public, fairfx\"",
                // the bad byte itself is reported, on its line as the loader decoded it
                "encoding/invalid-utf8", "Saved by an editor in Latin-1: caf\uFFFD."), contexts);
    }
}
