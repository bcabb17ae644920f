package dev.certdocs.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM options the README recommends for a content repository ("Speed and memory on large
 * repositories") are the ones {@code sample-content/.mvn/jvm.config} holds, which
 * {@code bench/generate.sh} copies into the corpus it measures; and the file is one Maven can
 * read: one option per line, no comments (Maven's launcher joins the lines as they are).
 */
class JvmConfigTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void theReadmeShowsSampleContentsJvmConfig() throws IOException {
        List<String> file = Files.readAllLines(PROJECT.resolve("sample-content/.mvn/jvm.config"), StandardCharsets.UTF_8);
        assertEquals(file, readmeBlockAfter("`sample-content/.mvn/jvm.config`"));
    }

    @Test
    void eachLineIsOneJvmOption() throws IOException {
        List<String> file = Files.readAllLines(PROJECT.resolve("sample-content/.mvn/jvm.config"), StandardCharsets.UTF_8);
        assertFalse(file.isEmpty());
        for (String line : file) {
            assertTrue(line.matches("-[A-Za-z][^\\s#]*"), () -> "not one JVM option: '" + line + "'");
        }
    }

    /** The lines of the first fenced code block after the README line that mentions {@code marker}. */
    private static List<String> readmeBlockAfter(String marker) throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains(marker)) i++;
        assertTrue(i < lines.size(), "the README does not mention " + marker);
        while (i < lines.size() && !lines.get(i).startsWith("```")) i++;
        List<String> block = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) block.add(lines.get(i));
        return block;
    }
}
