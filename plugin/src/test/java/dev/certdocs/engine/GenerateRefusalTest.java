package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.BuildLog;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} validates first and renders nothing from content with errors unless forced. */
class GenerateRefusalTest {

    static final String REFUSAL = "validation found errors; fix them, or render anyway with -Dcertdocs.force";

    @TempDir
    Path dir;

    private ContentRepo broken() {
        return ContentRepo.in(dir)
                .file("articles/compute/good.md", ArticleText.generic("good").set("pageTitle", "Good"))
                .file("articles/compute/broken.md", ArticleText.generic("broken").set("pageTitle", "Broken").remove("description"));
    }

    @Test
    void refusesToRenderContentWithValidationErrorsAndPrintsThem() {
        List<String> errors = new ArrayList<>();
        GenerateResult result = broken().generate(b -> b, new BuildLog() {
            @Override public void info(String message) { }
            @Override public void warn(String message) { }
            @Override public void error(String message) { errors.add(message); }
        });
        assertTrue(result.failed());
        assertEquals(REFUSAL, result.reason());
        assertEquals(0, result.pages());
        assertTrue(result.validation().failed());
        assertEquals(List.of("articles/compute/broken.md:1:1: error [field/required] missing required attribute"
                + " 'description' (required for selfHelpType 'generic')"), errors);
        assertEquals(List.of(), GeneratedSite.at(dir.resolve("target/certdocs/site")).files());
    }

    @Test
    void aRefusedRunLeavesThePreviousSiteAsItWas() {
        ContentRepo repo = ContentRepo.in(dir).file("articles/compute/good.md", ArticleText.generic("good"));
        assertFalse(repo.generate().failed());
        GeneratedSite site = GeneratedSite.at(repo.siteDirectory());
        Map<String, String> before = site.hashes();
        repo.file("articles/compute/good.md", ArticleText.generic("good").set("pageTitle", "Changed").remove("description"));
        assertTrue(repo.generate().failed());
        assertEquals(before, site.hashes());
    }

    @Test
    void rendersContentWithValidationErrorsWhenForced() {
        ContentRepo repo = broken();
        GenerateResult result = repo.generate(b -> b.force(true));
        assertFalse(result.failed(), result.reason());
        assertTrue(result.validation().failed(), "the validation result still says it found errors");
        GeneratedSite site = GeneratedSite.at(repo.siteDirectory());
        assertEquals("Broken", site.page("public/1.0.0/compute/broken.html").selectFirst("main h1").text());
        assertEquals("Good", site.page("public/1.0.0/compute/good.html").selectFirst("main h1").text());
    }

    @Test
    void warningsDoNotStopRendering() {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/old.md", ArticleText.generic("old").set("cloudEnvironments", "public, blackforest"));
        GenerateResult result = repo.generate();
        assertFalse(result.validation().summary().findings().isEmpty(), "blackforest is warned about");
        assertFalse(result.failed(), result.reason());
        assertTrue(GeneratedSite.at(repo.siteDirectory()).exists("public/1.0.0/compute/old.html"));
    }

    @Test
    void publishesAnArticleWithSlipsInItsPropertiesBlockWithEveryAttributeItCouldRead() {
        String quoted = ArticleText.generic("quoted").set("pageTitle", "Quoted").text()
                .replace("pageTitle=\"Quoted\"", "pageTitle='Quoted'");
        String slipped = ArticleText.generic("slipped").set("pageTitle", "Slipped").text()
                .replace("pageTitle=\"Slipped\"", "pageTitle=\"Slipped\"\u200B")
                .replace("\"\n\tdescription=", "\"description=");
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/quoted.md", quoted)
                .file("articles/compute/slipped.md", slipped);

        GenerateResult refused = repo.generate();
        assertTrue(refused.failed(), "an invisible character and missing white space are errors");
        assertEquals(List.of(
                "articles/compute/quoted.md:2:12: warning [properties/single-quotes] the value of 'pageTitle' is in single quotes; write it in double quotes",
                "articles/compute/slipped.md:2:21: error [properties/syntax] invisible character U+200B (zero width space) in the properties block: delete it"),
                ContentRepo.allProblems(refused.validation()).stream().filter(p -> !p.contains("white space after")).toList());

        GenerateResult forced = repo.generate(b -> b.force(true));
        assertFalse(forced.failed(), forced.reason());
        GeneratedSite site = GeneratedSite.at(repo.siteDirectory());
        assertEquals("Quoted", site.page("public/1.0.0/compute/quoted.html").selectFirst("main h1").text());
        assertEquals("Slipped", site.page("public/1.0.0/compute/slipped.html").selectFirst("main h1").text());
    }
}
