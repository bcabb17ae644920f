package dev.certdocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture repository per validation rule (the link checks made without the network included), under {@code src/test/resources/fixtures/validate/<rule id
 * with '/' as '_'>/}: articles (and includes, and a schema file where needed) that make the rule fire
 * in several ways, and {@code expected.txt} with the exact log lines validation must print, in order.
 * Each fixture article is otherwise valid, so an expected file names only the rule under test; where
 * another rule must fire too, a comment in the article says why.
 *
 * <p>A ':' in a fixture's file or folder name is written {@code %3A} (Windows cannot check out a
 * name with ':'); the test decodes it before validating.
 *
 * <p>Run with {@code -Dcertdocs.regenerate=true} to rewrite the expected files from what validation
 * reports now; then read every changed line and check it is the right problem at the right
 * {@code line:col} before committing it.
 */
class RuleFixturesTest {

    private static final Path FIXTURES = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/fixtures/validate");
    private static final boolean REGENERATE = Boolean.getBoolean("certdocs.regenerate");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedDiagnostics(String fixture, @TempDir Path reports, @TempDir Path copy) throws IOException {
        Path repo = withColons(FIXTURES.resolve(fixture), copy);
        assertFalse(Files.exists(repo.resolve("certdocs-baseline.json")), "a fixture must not have a baseline");

        ValidationResult result = CertDocs.validate(
                BuildConfig.builder(repo).reportsDirectory(reports).threads(2).build(), BuildLog.SILENT);
        List<String> actual = result.summary().findings().stream().map(f -> f.diagnostic().format()).toList();

        Path expectedFile = FIXTURES.resolve(fixture).resolve("expected.txt");
        if (REGENERATE) {
            Files.writeString(expectedFile, actual.stream().map(l -> l + "\n").collect(Collectors.joining()),
                    StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected), String.join("\n", actual), fixture);

        String rule = ruleId(fixture);
        assertTrue(actual.stream().anyMatch(l -> l.contains(" [" + rule + "] ")),
                fixture + " must make " + rule + " fire at least once");
        assertFalse(Files.exists(repo.resolve("certdocs-baseline.json")), "validation must not write a baseline");
    }

    @Test
    void everyValidationRuleHasAFixture() throws IOException {
        Set<String> fixtures = fixtures().collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = new ArrayList<>();
        for (Rule rule : CertDocs.validationRules()) {
            String folder = folderOf(rule.id());
            if (!fixtures.contains(folder) || !Files.isRegularFile(FIXTURES.resolve(folder).resolve("expected.txt"))) {
                missing.add(rule.id() + " (" + FIXTURES.resolve(folder) + ")");
            }
        }
        assertEquals(List.of(), missing, "rules without a fixture folder holding expected.txt");
    }

    @Test
    void everyFixtureIsNamedAfterAValidationRule() throws IOException {
        Set<String> ruleFolders = CertDocs.validationRules().stream().map(r -> folderOf(r.id())).collect(Collectors.toSet());
        List<String> stray = fixtures().filter(f -> !ruleFolders.contains(f)).toList();
        assertEquals(List.of(), stray, "fixture folders that name no rule validation reports");
    }

    /**
     * The fixture as validation should see it: a file or folder name's {@code %3A} stands for the
     * ':' that Windows cannot check out (and the whole clone would fail there), so a fixture holding
     * one is copied to {@code copy} with its names decoded.
     */
    private static Path withColons(Path fixture, Path copy) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixture)) {
            files = walk.toList();
        }
        if (files.stream().noneMatch(f -> f.getFileName().toString().contains("%3A"))) return fixture;
        for (Path f : files) {
            Path to = copy.resolve(fixture.relativize(f).toString().replace("%3A", ":"));
            if (Files.isDirectory(f)) Files.createDirectories(to);
            else Files.copy(f, to);
        }
        return copy;
    }

    private static String folderOf(String ruleId) {
        return ruleId.replace('/', '_');
    }

    private static String ruleId(String folder) {
        return folder.replaceFirst("_", "/");
    }
}
