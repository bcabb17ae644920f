package dev.certdocs.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.testing.ContentRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code certdocs:new} writes, as validation sees it. */
class NewArticleTest {

    @Test
    void everyPlaceholderOfANewArticleIsAWarningAtItsPosition(@TempDir Path dir) {
        ContentRepo repo = ContentRepo.in(dir);
        NewArticle.create(BuildConfig.builder(dir).build(),
                new NewArticle.Request("VM does not start", "tsg_content", List.of("public"), ""));
        assertEquals(List.of(
                "articles/vm-does-not-start.md:14:1: warning [body/placeholder] placeholder text 'Describe the symptom in a sentence or two.' from certdocs:new is still here; replace it with the article's own words",
                "articles/vm-does-not-start.md:18:1: warning [body/placeholder] placeholder text 'What causes it.' from certdocs:new is still here; replace it with the article's own words",
                "articles/vm-does-not-start.md:22:4: warning [body/placeholder] placeholder text 'The first step.' from certdocs:new is still here; replace it with the article's own words"),
                ContentRepo.allProblems(repo.validate()).stream().filter(l -> l.contains("[body/placeholder]")).toList());
    }
}
