package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.engine.GenerateResult;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON kinds render through their own templates: a problemScopingQuestions form as a
 * read-only preview in the order of its elements' {@code order}, a supportTopicDescription as a
 * table of its JSON fields.
 */
class JsonKindPagesTest {

    @TempDir
    static Path dir;
    static GeneratedSite site;

    @BeforeAll
    static void generate() {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/scoping.md", ArticleText.generic("scoping")
                        .set("pageTitle", "VM scoping questions").set("selfHelpType", "problemScopingQuestions")
                        .set("schemaVersion", "1")
                        .body("""

                                # VM scoping questions

                                ---
                                {
                                  "formElements": [
                                    { "id": "details", "order": 3, "controlType": "multilinetextbox",
                                      "displayLabel": "Third: describe it", "required": false,
                                      "watermarkText": "Full error text" },
                                    { "id": "method", "order": 1, "controlType": "dropdown",
                                      "displayLabel": "First: how do you connect?", "required": true,
                                      "infoBalloonText": "Pick the client you use.",
                                      "dropdownOptions": [
                                        { "value": "ssh", "text": "SSH" },
                                        { "value": "rdp", "text": "Remote Desktop" },
                                        { "value": "bastion", "text": "Bastion" }
                                      ] },
                                    { "id": "worked", "order": 2, "controlType": "RadioButtonGroup",
                                      "displayLabel": "Second: did it work before?", "required": true,
                                      "dropdownOptions": [
                                        { "value": "yes", "text": "Yes" },
                                        { "value": "no", "text": "No" }
                                      ] },
                                    { "id": "agree", "order": 4, "controlType": "checkbox",
                                      "displayLabel": "Fourth: I restarted the VM", "required": false }
                                  ]
                                }
                                ---
                                """))
                .file("articles/storage/topic.md", ArticleText.generic("topic")
                        .set("pageTitle", "Data deleted").set("selfHelpType", "supportTopicDescription")
                        .set("service", "microsoft.storage")
                        .body("""

                                # Data deleted

                                ---
                                {
                                  "title": "Data deleted <script>alert(1)</script>",
                                  "whenToUse": ["Blobs were deleted", "A container was deleted"],
                                  "severity": { "default": "B" }
                                }
                                ---
                                """));
        GenerateResult result = repo.generate(b -> b.clouds(List.of("public")));
        assertFalse(result.failed(), result.reason());
        site = GeneratedSite.at(repo.siteDirectory());
    }

    @Test
    void aScopingFormShowsItsQuestionsInTheOrderOfOrder() {
        List<Element> fields = form().select(".form-field");
        assertEquals(List.of("First: how do you connect?", "Second: did it work before?", "Third: describe it",
                "Fourth: I restarted the VM"), fields.stream().map(JsonKindPagesTest::question).toList());
        assertEquals(List.of("Drop-down list", "Radio buttons", "Multi-line text box", "Check box"),
                fields.stream().map(f -> f.selectFirst(".control-type").text()).toList());
    }

    @Test
    void aScopingFormMarksTheRequiredQuestions() {
        List<Element> fields = form().select(".form-field");
        assertEquals(List.of(true, true, false, false),
                fields.stream().map(f -> f.selectFirst(".required-mark") != null).toList());
        assertTrue(fields.get(0).selectFirst("select").hasAttr("required"));
        assertFalse(fields.get(2).selectFirst("textarea").hasAttr("required"));
    }

    @Test
    void aScopingFormListsTheOptionsAsWritten() {
        List<Element> fields = form().select(".form-field");
        Element select = fields.get(0).selectFirst("select");
        assertEquals(List.of("", "ssh", "rdp", "bastion"), select.select("option").eachAttr("value"));
        assertEquals(List.of("SSH", "Remote Desktop", "Bastion"), select.select("option[value~=.]").eachText());
        assertEquals(List.of("yes", "no"), fields.get(1).select("input[type=radio]").eachAttr("value"));
        assertEquals(List.of("Yes", "No"), fields.get(1).select(".form-choice label").eachText());
    }

    @Test
    void aScopingFormIsReadOnlyWithItsHintsAndWatermarks() {
        Element form = form();
        for (Element control : form.select("input, select, textarea")) {
            assertTrue(control.hasAttr("disabled"), control.outerHtml());
        }
        Element select = form.select(".form-field").get(0).selectFirst("select");
        assertEquals("Pick the client you use.", form.getElementById(select.attr("aria-describedby")).text());
        assertEquals("Full error text", form.selectFirst("textarea").attr("placeholder"));
        assertFalse(page("public/1.0.0/compute/scoping.html").selectFirst(".article-body").text().contains("formElements"),
                "the JSON document is shown as a form, not as text");
    }

    @Test
    void aSupportTopicShowsItsJsonFieldsAsATable() {
        Document page = page("public/1.0.0/storage/topic.html");
        Element table = page.selectFirst("table.json-table");
        assertNotNull(table);
        List<Element> rows = table.select("tbody tr:not(.json-group)");
        assertEquals(List.of("title", "whenToUse[0]", "whenToUse[1]", "severity.default"),
                rows.stream().map(r -> r.selectFirst("code.json-key").text()).toList());
        assertEquals(List.of("Data deleted <script>alert(1)</script>", "Blobs were deleted", "A container was deleted", "B"),
                rows.stream().map(r -> r.selectFirst("td").text()).toList());
        assertEquals(List.of("assets/site.js"), page.select("script").eachAttr("src").stream()
                .map(s -> s.replace("../", "")).toList(), "the JSON value's script is text");
    }

    private static Element form() {
        Element form = page("public/1.0.0/compute/scoping.html").selectFirst("section.form-preview");
        assertNotNull(form);
        return form;
    }

    /** A field's question: its label or legend without the required mark. */
    private static String question(Element field) {
        Element label = field.selectFirst("label.form-label, legend, .form-choice label");
        return label.ownText().strip();
    }

    private static Document page(String path) {
        return site.page(path);
    }

    @Test
    void aForcedRenderOfJsonKindsWithBrokenJsonStillWritesTheirPages(@TempDir Path other) {
        ContentRepo repo = ContentRepo.in(other)
                .file("articles/compute/scoping.md", ArticleText.generic("scoping")
                        .set("pageTitle", "Broken scoping").set("selfHelpType", "problemScopingQuestions")
                        .set("schemaVersion", "1")
                        .body("\n# Broken scoping\n\n---\n{ \"formElements\": [ }\n---\n"))
                .file("articles/storage/topic.md", ArticleText.generic("topic")
                        .set("pageTitle", "Broken topic").set("selfHelpType", "supportTopicDescription")
                        .body("\n# Broken topic\n\n---\n{ \"title\": }\n---\n"));
        GenerateResult result = repo.generate(b -> b.clouds(List.of("public")).force(true));
        assertFalse(result.failed(), result.reason());
        assertTrue(result.validation().failed(), "the JSON is invalid");
        GeneratedSite out = GeneratedSite.at(repo.siteDirectory());
        assertEquals("This form has no questions.",
                out.page("public/1.0.0/compute/scoping.html").selectFirst("section.form-preview p.muted").text());
        assertEquals("This article has no fields.",
                out.page("public/1.0.0/storage/topic.html").selectFirst("section.json-section p.muted:last-child").text());
    }
}
