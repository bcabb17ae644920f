package dev.certdocs.engine;

import static dev.certdocs.testing.ContentRepo.allProblems;
import static dev.certdocs.testing.ContentRepo.newProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How severities, {@code failOnWarning} and the baseline decide whether validation fails the build. */
class ValidateBaselineTest {

    @TempDir
    Path dir;

    /** An article with one warning (an unknown attribute, line 12) and nothing else. */
    private static ArticleText withUnknownAttribute(String id) {
        return ArticleText.generic(id).set("reviewer", "jdoe");
    }

    /** An article with one error: a missing include, line 16. */
    private static ArticleText withMissingInclude(String id) {
        return ArticleText.generic(id).body("\n# Title\n\n[!INCLUDE [steps](../includes/steps.md)]\n");
    }

    // ---- severities

    @Test
    void aWarningDoesNotFailTheBuild() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        var result = repo.validate();
        assertEquals(List.of("articles/a.md:12:2: warning [field/unknown] unknown attribute 'reviewer'"), allProblems(result));
        assertFalse(result.failed());
    }

    @Test
    void anErrorFailsTheBuild() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withMissingInclude("a"));
        var result = repo.validate();
        assertEquals(List.of("articles/a.md:16:1: error [include/missing] included file '../includes/steps.md' does not exist "
                + "(looked for includes/steps.md)"), allProblems(result));
        assertTrue(result.failed());
    }

    @Test
    void severityOverrideTurnsAWarningIntoAnError() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        var result = repo.validate(b -> b.severities(List.of("field/unknown=error")));
        assertEquals(List.of("articles/a.md:12:2: error [field/unknown] unknown attribute 'reviewer'"), allProblems(result));
        assertTrue(result.failed());
    }

    @Test
    void severityOverrideTurnsAnErrorIntoANoteThatDoesNotFail() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withMissingInclude("a"));
        var result = repo.validate(b -> b.severities(List.of(" include/missing = note ")));
        assertEquals(List.of("articles/a.md:16:1: note [include/missing] included file '../includes/steps.md' does not exist "
                + "(looked for includes/steps.md)"), allProblems(result));
        assertFalse(result.failed());
    }

    @Test
    void severityOffRemovesTheRuleEverywhere() {
        var repo = ContentRepo.in(dir)
                .file("articles/a.md", withUnknownAttribute("a"))
                .file("articles/b.md", withMissingInclude("b"));
        var result = repo.validate(b -> b.severities(List.of("field/unknown=off", "include/missing=off")));
        assertEquals(List.of(), allProblems(result));
        assertFalse(result.failed());
    }

    @Test
    void severityOffAlsoSilencesTheLoadStagesRules() {
        var repo = ContentRepo.in(dir).file("articles/a.md", "# No properties\n");
        assertEquals(List.of(), allProblems(repo.validate(b -> b.severities(List.of("properties/missing=off")))));
    }

    @Test
    void thePomOverrideWinsOverTheSchemaFilesSeverity() {
        var repo = ContentRepo.in(dir)
                .file("certdocs-schema.json", "{ \"severities\": { \"field/unknown\": \"error\" } }")
                .file("articles/a.md", withUnknownAttribute("a"));
        assertEquals(List.of("articles/a.md:12:2: error [field/unknown] unknown attribute 'reviewer'"),
                allProblems(repo.validate()));
        assertEquals(List.of("articles/a.md:12:2: note [field/unknown] unknown attribute 'reviewer'"),
                allProblems(repo.validate(b -> b.severities(List.of("field/unknown=note")))));
    }

    @Test
    void anUnknownRuleInASeverityOverrideIsAConfigurationError() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        var e = assertThrows(CertDocsException.class, () -> repo.validate(b -> b.severities(List.of("field/unknwon=off"))));
        assertEquals("severity override 'field/unknwon=off': expected rule-id=severity with a known rule id "
                + "(see the README's rule list)", e.getMessage());
        e = assertThrows(CertDocsException.class, () -> repo.validate(b -> b.severities(List.of("field/unknown=loud"))));
        assertEquals("severity override 'field/unknown=loud': 'loud' is not one of error, warning, note, off", e.getMessage());
    }

    // ---- failOnWarning

    @Test
    void failOnWarningFailsOnAWarning() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        assertTrue(repo.validate(b -> b.failOnWarning(true)).failed());
    }

    @Test
    void failOnWarningDoesNotFailOnANoteOrACleanRun() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        assertFalse(repo.validate(b -> b.failOnWarning(true).severities(List.of("field/unknown=note"))).failed());
        var clean = ContentRepo.in(dir.resolve("clean")).file("articles/a.md", ArticleText.generic("a"));
        assertFalse(clean.validate(b -> b.failOnWarning(true)).failed());
    }

    @Test
    void failOnWarningDoesNotFailOnABaselinedWarning() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        repo.validate(b -> b.updateBaseline(true));
        assertFalse(repo.validate(b -> b.failOnWarning(true)).failed());
    }

    // ---- baseline

    @Test
    void updateBaselineWritesEveryProblemAndPasses() throws IOException {
        var repo = ContentRepo.in(dir)
                .file("articles/a.md", withUnknownAttribute("a"))
                .file("articles/b.md", withMissingInclude("b"));
        var result = repo.validate(b -> b.updateBaseline(true));
        assertFalse(result.failed());
        assertEquals(List.of(), newProblems(result));
        assertEquals(2, result.summary().baselined());

        JsonNode baseline = new ObjectMapper().readTree(dir.resolve("certdocs-baseline.json").toFile());
        List<String> entries = new ArrayList<>();
        baseline.path("entries").forEach(e -> entries.add(e.path("rule").asText() + " " + e.path("path").asText()
                + " [" + e.path("context").asText() + "] x" + e.path("count").asInt()));
        assertEquals(List.of(
                "field/unknown articles/a.md [reviewer=\"jdoe\"] x1",
                "include/missing articles/b.md [[!INCLUDE [steps](../includes/steps.md)]] x1"), entries);
    }

    @Test
    void theRunAfterUpdatingTheBaselinePasses() {
        var repo = ContentRepo.in(dir)
                .file("articles/a.md", withUnknownAttribute("a"))
                .file("articles/b.md", withMissingInclude("b"));
        repo.validate(b -> b.updateBaseline(true));
        var result = repo.validate();
        assertFalse(result.failed());
        assertEquals(List.of(), newProblems(result));
        assertEquals(2, result.summary().baselined());
    }

    @Test
    void aNewProblemAfterTheBaselineFailsTheBuildAndIsTheOnlyOneReported() {
        var repo = ContentRepo.in(dir).file("articles/b.md", withMissingInclude("b"));
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/c.md", withMissingInclude("c").body("\n# Title\n\n[!INCLUDE [more](../includes/more.md)]\n"));
        var result = repo.validate();
        assertTrue(result.failed());
        assertEquals(List.of("articles/c.md:16:1: error [include/missing] included file '../includes/more.md' does not exist "
                + "(looked for includes/more.md)"), newProblems(result));
    }

    @Test
    void theSameProblemInAnotherFileIsNew() {
        var repo = ContentRepo.in(dir).file("articles/b.md", withMissingInclude("b"));
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/c.md", withMissingInclude("c"));
        var result = repo.validate();
        assertTrue(result.failed());
        assertEquals(List.of("articles/c.md:16:1: error [include/missing] included file '../includes/steps.md' does not exist "
                + "(looked for includes/steps.md)"), newProblems(result));
    }

    @Test
    void aBaselinedProblemStillMatchesWhenUnrelatedLinesAboveItMove() {
        ArticleText article = withMissingInclude("b");
        var repo = ContentRepo.in(dir).file("articles/b.md", article);
        repo.validate(b -> b.updateBaseline(true));

        repo.file("articles/b.md", "<!-- reviewed in May -->\n\n" + article.body(
                "\n# Title\n\nA new introduction\nover two lines.\n\n## Steps\n\n[!INCLUDE [steps](../includes/steps.md)]\n").text());
        var result = repo.validate();
        assertEquals(List.of("articles/b.md:23:1: error [include/missing] included file '../includes/steps.md' does not exist "
                + "(looked for includes/steps.md)"), allProblems(result), "the problem moved from line 16 to 23");
        assertEquals(List.of(), newProblems(result));
        assertFalse(result.failed());
    }

    @Test
    void aBaselinedAttributeProblemStillMatchesWhenTheBlockMovesAndIsReindented() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/a.md", "<!-- moved -->\n" + withUnknownAttribute("a").text().replace("\treviewer", "    reviewer"));
        var result = repo.validate(b -> b.failOnWarning(true));
        assertEquals(List.of("articles/a.md:13:5: warning [field/unknown] unknown attribute 'reviewer'"), allProblems(result));
        assertEquals(List.of(), newProblems(result));
        assertFalse(result.failed());
    }

    @Test
    void aBaselineEntryCountsItsProblems() {
        String image = "![](diagram.png)\n";
        var repo = ContentRepo.in(dir).file("articles/a.md", ArticleText.generic("a").body("\n# Title\n\n" + image + "\n" + image))
                .file("articles/diagram.png", "not read");
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/a.md", ArticleText.generic("a").body("\n# Title\n\n" + image + "\n" + image + "\n" + image));
        var result = repo.validate(b -> b.failOnWarning(true));
        assertEquals(3, allProblems(result).size());
        assertEquals(List.of("articles/a.md:20:1: warning [image/missing-alt] image 'diagram.png' has no alt text; "
                + "describe what it shows for readers who cannot see it"), newProblems(result),
                "two identical problems are accepted, the third is new");
        assertTrue(result.failed());
    }

    @Test
    void changingTheLineOfABaselinedProblemMakesItNew() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/a.md", ArticleText.generic("a").set("reviewer", "someone else"));
        assertEquals(List.of("articles/a.md:12:2: warning [field/unknown] unknown attribute 'reviewer'"),
                newProblems(repo.validate()));
    }

    @Test
    void aFixedProblemLeavesAHarmlessEntry() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withUnknownAttribute("a"));
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/a.md", ArticleText.generic("a"));
        var result = repo.validate(b -> b.failOnWarning(true));
        assertEquals(List.of(), allProblems(result));
        assertFalse(result.failed());
    }

    @Test
    void updatingTheBaselineAgainDropsFixedProblems() throws IOException {
        var repo = ContentRepo.in(dir)
                .file("articles/a.md", withUnknownAttribute("a"))
                .file("articles/b.md", withMissingInclude("b"));
        repo.validate(b -> b.updateBaseline(true));
        repo.file("articles/a.md", ArticleText.generic("a"));
        repo.validate(b -> b.updateBaseline(true));
        JsonNode baseline = new ObjectMapper().readTree(dir.resolve("certdocs-baseline.json").toFile());
        assertEquals(1, baseline.path("entries").size());
        assertEquals("include/missing", baseline.path("entries").get(0).path("rule").asText());
    }

    @Test
    void aBaselineFileSetInTheConfigurationIsUsed() {
        var repo = ContentRepo.in(dir).file("articles/a.md", withMissingInclude("a"));
        repo.validate(b -> b.updateBaseline(true).baselineFile(Path.of("config/accepted.json")));
        assertTrue(Files.isRegularFile(dir.resolve("config/accepted.json")));
        assertFalse(Files.exists(dir.resolve("certdocs-baseline.json")));
        assertFalse(repo.validate(b -> b.baselineFile(Path.of("config/accepted.json"))).failed());
        assertTrue(repo.validate().failed(), "without that baseline the error counts");
    }

    @Test
    void aBaselineThatIsNotJsonIsAConfigurationErrorNamingItsPosition() {
        var repo = ContentRepo.in(dir)
                .file("articles/a.md", withUnknownAttribute("a"))
                .file("certdocs-baseline.json", "{\n  \"entries\": [\n    { \"rule\": \"field/unknown\" \n  ]\n}\n");
        var e = assertThrows(CertDocsException.class, repo::validate);
        // Between the two is Jackson's own wording of the problem.
        assertTrue(e.getMessage().startsWith(dir.resolve("certdocs-baseline.json") + ":4:3: the baseline is not valid JSON ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; fix it or write it anew with -Dcertdocs.updateBaseline"), e.getMessage());
    }
}
