package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnexpectedCharacterTest {

    @TempDir
    Path repo;

    @Test
    void reportsACharacterOutsideTheBasicPlaneWholeAndStillWritesTheReports() throws IOException {
        Files.createDirectories(repo.resolve("articles"));
        Files.writeString(repo.resolve("articles/a.md"), "<properties\n\t😀=\"x\"\n/>\n\n# T\n", StandardCharsets.UTF_8);

        ValidationResult result = CertDocs.validate(BuildConfig.builder(repo).build(), BuildLog.SILENT);

        assertEquals(List.of("articles/a.md:2:2: error [properties/syntax] unexpected '😀' in the properties block: "
                        + "expected an attribute name or '/>'"),
                result.summary().findings().stream().map(f -> f.diagnostic().format())
                        .filter(l -> l.contains("[properties/")).toList()); // the attributes it lacks are reported too
        assertTrue(Files.readString(repo.resolve("target/certdocs/certdocs.sarif")).contains("unexpected '😀'"));
        assertTrue(Files.isRegularFile(repo.resolve("target/certdocs/report.html")));
        assertTrue(Files.isRegularFile(repo.resolve("target/certdocs/certdocs-junit.xml")));
    }
}
