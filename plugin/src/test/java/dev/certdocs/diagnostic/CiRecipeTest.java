package dev.certdocs.diagnostic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's GitHub Actions workflow is the working file in sample-content, word for word. */
class CiRecipeTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void theReadmeShowsTheSampleContentWorkflowAsItIs() throws IOException {
        String workflow = Files.readString(PROJECT.resolve("sample-content/.github/workflows/certdocs.yml"), StandardCharsets.UTF_8);
        String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```yaml\n" + workflow + "```\n"), "README's CI section differs from the workflow file");
        // The goals and files the workflow names exist as written.
        assertTrue(workflow.contains("-Dcertdocs.generate.skip") && workflow.contains("target/certdocs/certdocs.sarif"));
    }
}
