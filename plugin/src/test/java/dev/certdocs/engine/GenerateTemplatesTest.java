package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template overrides in a content repository's {@code src/site-templates/}, the choice of
 * {@code article-<kind>.ftl}, and what a template error does: fail with the template, line,
 * column and article, and leave the output directory as it was.
 */
class GenerateTemplatesTest {

    static final String FEEDBACK_TEMPLATE = """
            <#ftl output_format="HTML">
            <#import "layout.ftl" as layout>
            <@layout.articlePage>
            <p class="feedback">Feedback on ${article.articleId}</p>
            </@layout.articlePage>
            """;

    @TempDir
    Path dir;

    private ContentRepo repo() {
        return ContentRepo.in(dir)
                .file("articles/compute/plain.md", ArticleText.generic("plain").set("pageTitle", "Plain article")
                        .body("\n# Plain article\n\nText.\n"))
                .file("articles/compute/guide.md", ArticleText.generic("guide").set("pageTitle", "A guide")
                        .set("selfHelpType", "tsg_content").body("\n# A guide\n\nText.\n"));
    }

    /** One article only, so that a template error has one article to name whatever the thread order. */
    private ContentRepo oneArticle() {
        return ContentRepo.in(dir).file("articles/compute/plain.md", ArticleText.generic("plain")
                .set("pageTitle", "Plain article").body("\n# Plain article\n\nText.\n"));
    }

    private GeneratedSite generated(ContentRepo repo) {
        GenerateResult result = repo.generate();
        assertFalse(result.failed(), result.reason());
        return GeneratedSite.at(repo.siteDirectory());
    }

    @Test
    void aRepositoryTemplateOverridesTheThemesByName() {
        GeneratedSite site = generated(repo().file("src/site-templates/article.ftl", FEEDBACK_TEMPLATE));
        Document page = site.page("public/1.0.0/compute/plain.html");
        assertEquals("Feedback on plain", page.selectFirst("main p.feedback").text());
        // layout.ftl still comes from the theme: the page has its shell and its article layout.
        assertNotNull(page.selectFirst("a.skip-link[href=#main]"));
        assertEquals("Plain article", page.selectFirst("main h1").text());
        assertNull(site.page("public/1.0.0/index.html").selectFirst("p.feedback"), "only article.ftl is replaced");
    }

    @Test
    void anArticleKindTemplateIsPickedFirstForThatKind() {
        GeneratedSite site = generated(repo()
                .file("src/site-templates/article.ftl", FEEDBACK_TEMPLATE)
                .file("src/site-templates/article-tsg_content.ftl", """
                        <#ftl output_format="HTML">
                        <#import "layout.ftl" as layout>
                        <@layout.articlePage>
                        <p class="kind-template">Kind ${article.kind}</p>
                        </@layout.articlePage>
                        """));
        Document guide = site.page("public/1.0.0/compute/guide.html");
        assertEquals("Kind tsg_content", guide.selectFirst("p.kind-template").text());
        assertNull(guide.selectFirst("p.feedback"));
        Document plain = site.page("public/1.0.0/compute/plain.html");
        assertNull(plain.selectFirst("p.kind-template"));
        assertEquals("Feedback on plain", plain.selectFirst("p.feedback").text());
    }

    @Test
    void aTemplatesDirectoryElsewhereIsUsedWhenConfigured() {
        ContentRepo repo = repo().file("theme/article.ftl", FEEDBACK_TEMPLATE);
        GenerateResult result = repo.generate(b -> b.templatesDirectory(Path.of("theme")));
        assertFalse(result.failed(), result.reason());
        Document page = GeneratedSite.at(repo.siteDirectory()).page("public/1.0.0/compute/plain.html");
        assertEquals("Feedback on plain", page.selectFirst("p.feedback").text());
    }

    @Test
    void aMissingValueInATemplateFailsNamingTemplateLineColumnAndArticle() {
        ContentRepo repo = oneArticle().file("src/site-templates/article.ftl", """
                <#ftl output_format="HTML">
                <#import "layout.ftl" as layout>
                <@layout.articlePage>
                <p>${article.nosuchthing}</p>
                </@layout.articlePage>
                """);
        CertDocsException e = assertThrows(CertDocsException.class, repo::generate);
        assertEquals("template article.ftl:4:6: The following has evaluated to null or missing: article.nosuchthing"
                + " (rendering articles/compute/plain.md)", e.getMessage());
    }

    @Test
    void aTemplateSyntaxErrorFailsNamingTemplateLineColumnAndArticle() {
        ContentRepo repo = oneArticle().file("src/site-templates/article.ftl", """
                <#ftl output_format="HTML">
                <#import "layout.ftl" as layout>
                <#if article.title?has_content>
                <@layout.articlePage/>
                """);
        CertDocsException e = assertThrows(CertDocsException.class, repo::generate);
        assertEquals("template article.ftl:4:23: Unexpected end of file reached. You have an unclosed #if. Check if the FreeMarker"
                + " end-tags are present, and aren't malformed. (Note that FreeMarker end-tags must have # or @ after the / character.)"
                + " (rendering articles/compute/plain.md)\n"
                + "  4 | <@layout.articlePage/>\n"
                + "    |                       ^", e.getMessage());
    }

    @Test
    void anUnexpectedTokenIsOneLineAndTheTemplateLineNotTheParsersAlternatives() {
        ContentRepo repo = oneArticle().file("src/site-templates/article.ftl", """
                <#ftl output_format="HTML">
                <#import "layout.ftl" as layout>
                <@layout.articlePage>
                	<p>${article.title</p>
                </@layout.articlePage>
                """);
        CertDocsException e = assertThrows(CertDocsException.class, repo::generate);
        assertEquals("template article.ftl:4:21: unexpected \"/\" (rendering articles/compute/plain.md)\n"
                + "  4 | \t<p>${article.title</p>\n"
                + "    | \t                   ^", e.getMessage());
    }

    @Test
    void aShortListOfWhatTheParserExpectedIsKept() {
        ContentRepo repo = oneArticle().file("src/site-templates/article.ftl", """
                <#ftl output_format="HTML">
                <#list article.headings as>x</#list>
                """);
        CertDocsException e = assertThrows(CertDocsException.class, repo::generate);
        assertEquals("template article.ftl:2:27: unexpected \">\", expected a name (rendering articles/compute/plain.md)\n"
                + "  2 | <#list article.headings as>x</#list>\n"
                + "    |                           ^", e.getMessage());
    }

    @Test
    void anErrorInAnImportedTemplateNamesThatTemplate() {
        ContentRepo repo = oneArticle().file("src/site-templates/layout.ftl", """
                <#ftl output_format="HTML">
                <#macro articlePage>
                ${article.nosuchthing}
                </#macro>
                <#macro shell>
                <#nested>
                </#macro>
                """);
        CertDocsException e = assertThrows(CertDocsException.class, repo::generate);
        assertEquals("template layout.ftl:3:3: The following has evaluated to null or missing: article.nosuchthing"
                + " (rendering articles/compute/plain.md)", e.getMessage());
    }

    @Test
    void aTemplateErrorWritesNothingIntoAnEmptyOutputDirectory() throws IOException {
        ContentRepo repo = repo().file("src/site-templates/article.ftl", "<#ftl output_format=\"HTML\">${article.nosuchthing}\n");
        assertThrows(CertDocsException.class, repo::generate);
        assertEquals(List.of(), GeneratedSite.at(repo.siteDirectory()).files());
        assertEquals(List.of(), leftovers(repo));
    }

    @Test
    void aTemplateErrorLeavesThePreviousSiteAsItWas() throws IOException {
        ContentRepo repo = repo();
        GeneratedSite site = generated(repo);
        Map<String, String> before = site.hashes();
        repo.file("articles/compute/plain.md", ArticleText.generic("plain").set("pageTitle", "Changed title")
                        .body("\n# Changed title\n\nNew text.\n"))
                .file("src/site-templates/index.ftl", "<#ftl output_format=\"HTML\">${nosuchthing}\n");
        assertThrows(CertDocsException.class, repo::generate);
        assertEquals(before, site.hashes());
        assertEquals(List.of(), leftovers(repo));
    }

    /** Staging or backup directories left beside or inside the site (the site's lock file stays, by design). */
    private static List<String> leftovers(ContentRepo repo) throws IOException {
        Path certdocs = repo.siteDirectory().getParent();
        try (Stream<Path> a = Files.list(certdocs); Stream<Path> b = Files.list(repo.siteDirectory())) {
            return Stream.concat(a, b).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
                    .filter(n -> !n.endsWith(".certdocs.lock")).toList();
        }
    }
}
