package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.certdocs.config.Cloud;
import dev.certdocs.config.CloudCatalog;
import dev.certdocs.config.CloudSettings;
import dev.certdocs.load.Includes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for rendering: each folder under {@code fixtures/render/} is a tiny repository
 * whose {@code articles/input.md} body is rendered for each cloud that has an
 * {@code expected-<cloud>.html}. Run with {@code -Dcertdocs.regenerate=true} to rewrite the
 * expected files, then read the diff before committing it.
 */
class RenderGoldenTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/render");
    private static final boolean REGENERATE = Boolean.getBoolean("certdocs.regenerate");
    private static final CloudCatalog CATALOG = CloudCatalog.of(List.of(new CloudSettings("usnat", null,
            "https://portal.usnat.contoso", "https://docs.usnat.contoso", Map.of("supportPhone", "+1 800 555 0100"),
            null, null, null, null)));

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> list = Files.list(FIXTURES)) {
            return list.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rendersAsTheGoldenFilesSay(Path scenario) throws IOException {
        Path base = scenario.toAbsolutePath();
        Includes includes = new Includes(base);
        CloudPreprocessor pre = new CloudPreprocessor(includes, includes::text, CATALOG.variableNames());
        MarkdownHtml markdown = new MarkdownHtml();
        HtmlPostProcessor post = new HtmlPostProcessor();
        String input = Files.readString(base.resolve("articles/input.md"), StandardCharsets.UTF_8);
        List<Path> expectedFiles;
        try (Stream<Path> list = Files.list(base)) {
            expectedFiles = list.filter(p -> p.getFileName().toString().matches("expected-.+\\.html")).sorted().toList();
        }
        assertFalse(expectedFiles.isEmpty(), "no expected-<cloud>.html in " + scenario);
        List<String> failures = new ArrayList<>();
        for (Path expectedFile : expectedFiles) {
            String name = expectedFile.getFileName().toString();
            Cloud cloud = CATALOG.find(name.substring("expected-".length(), name.length() - 5)).orElseThrow();
            HtmlBody body = post.process(markdown.render(pre.process("articles/input.md", input, cloud)), cloud);
            StringBuilder actual = new StringBuilder();
            actual.append("<!-- title: ").append(body.title()).append(" -->\n");
            for (TocEntry t : body.toc()) {
                actual.append("<!-- toc: h").append(t.level()).append(" #").append(t.id()).append(" ").append(t.text()).append(" -->\n");
            }
            actual.append(body.html().strip()).append('\n');
            if (REGENERATE) {
                Files.writeString(expectedFile, actual.toString(), StandardCharsets.UTF_8);
            } else if (!Files.readString(expectedFile, StandardCharsets.UTF_8).equals(actual.toString())) {
                failures.add(name);
                assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual.toString(), scenario + "/" + name);
            }
        }
    }
}
