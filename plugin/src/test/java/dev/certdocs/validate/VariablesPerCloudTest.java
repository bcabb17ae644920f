package dev.certdocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.CloudSettings;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code variable/unknown} per cloud: a variable the catalog defines for some clouds only. (A
 * fixture folder cannot configure the catalog, which lives in the POM; so this scenario is here.)
 */
class VariablesPerCloudTest {

    private static final List<CloudSettings> PHONE_IN_PUBLIC_AND_FAIRFAX = List.of(
            new CloudSettings("public", null, null, null, Map.of("supportPhone", "+1 800 555 0100"), null, null, null, null),
            new CloudSettings("fairfax", null, null, null, Map.of("supportPhone", "+1 800 555 0199"), null, null, null, null));

    private static ContentRepo repo(Path dir) {
        return ContentRepo.in(dir)
                .file("articles/a.md", ArticleText.generic("a").set("cloudEnvironments", "public, fairfax, mooncake, usnat")
                        .body("""

                                # Support

                                Call {{cloud.supportPhone}}.

                                ::: cloud include="public,fairfax"
                                Or {{cloud.supportPhone}} here.
                                ::: cloud-end

                                ::: cloud exclude="usnat"
                                Mooncake too: {{cloud.supportPhone}}
                                ::: cloud-end

                                [!INCLUDE [phone](../includes/phone.md)]
                                """))
                .file("includes/phone.md", "Phone: {{cloud.supportPhone}}\n");
    }

    @Test
    void aVariableMissingInCloudsTheArticleIsPublishedToIsOneErrorNamingThemAtItsPosition(@TempDir Path dir) {
        assertEquals(List.of(
                "articles/a.md:16:6: error [variable/unknown] '{{cloud.supportPhone}}' is not defined for mooncake, usnat,"
                        + " where the article is published, and would render as empty text there;"
                        + " define it in <cloudCatalog> or keep it in a '::: cloud' block",
                "articles/a.md:23:15: error [variable/unknown] '{{cloud.supportPhone}}' is not defined for mooncake,"
                        + " where the article is published, and would render as empty text there;"
                        + " define it in <cloudCatalog> or keep it in a '::: cloud' block",
                "articles/a.md:26:1: error [variable/unknown] '{{cloud.supportPhone}}' in the included includes/phone.md:1:8"
                        + " is not defined for mooncake, usnat, where the article is published, and would render as empty text there"),
                ContentRepo.allProblems(repo(dir).validate(b -> b.cloudSettings(PHONE_IN_PUBLIC_AND_FAIRFAX))));
    }

    @Test
    void onlyTheCloudsTheBuildWorksOnCount(@TempDir Path dir) {
        assertEquals(List.of(), ContentRepo.allProblems(repo(dir).validate(
                b -> b.cloudSettings(PHONE_IN_PUBLIC_AND_FAIRFAX).clouds(List.of("public", "fairfax")))));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void walksEachIncludeFileOnceHoweverManyPathsLeadToIt(@TempDir Path dir) {
        // Ten levels of ten-fold fan-out (ten billion paths), a variable missing in mooncake at the bottom.
        ContentRepo repo = ContentRepo.in(dir).file("articles/fan.md", ArticleText.generic("fan")
                .set("cloudEnvironments", "public, mooncake").body("\n# Fan\n\n[!INCLUDE [level 0](../includes/fan-0.md)]\n"));
        for (int i = 0; i <= 10; i++) {
            repo.file("includes/fan-" + i + ".md", (i < 10 ? ("[!INCLUDE [next](fan-" + (i + 1) + ".md)]\n\n").repeat(10)
                    : "Call {{cloud.supportPhone}}.\n"));
        }
        List<String> problems = ContentRepo.allProblems(repo.validate(b -> b.cloudSettings(PHONE_IN_PUBLIC_AND_FAIRFAX)));
        assertEquals(List.of("articles/fan.md:16:1: error [variable/unknown] '{{cloud.supportPhone}}' in the included "
                + "includes/fan-10.md:1:6 is not defined for mooncake, where the article is published, and would render as "
                + "empty text there"), problems.stream().filter(p -> p.contains("variable/unknown")).toList());
    }
}
