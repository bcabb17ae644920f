package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.diagnostic.Severity;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in schema, a schema file merged over it, and what a broken schema file says. */
class SchemaLoaderTest {

    @TempDir
    Path dir;

    private Path schemaFile(String json) throws IOException {
        Path file = dir.resolve("certdocs-schema.json");
        Files.writeString(file, json);
        return file;
    }

    private ArticleSchema load(String json) throws IOException {
        return SchemaLoader.load(Optional.of(schemaFile(json)));
    }

    private String failure(String json) throws IOException {
        Path file = schemaFile(json);
        return assertThrows(CertDocsException.class, () -> SchemaLoader.load(Optional.of(file))).getMessage();
    }

    // ---- the built-in schema

    @Test
    void builtInSchemaHasTheKindsAndRequiredSetsOfTheDesign() {
        ArticleSchema schema = SchemaLoader.builtIn();
        assertEquals(List.of("pageTitle", "selfHelpType", "articleId", "cloudEnvironments", "ownershipId"),
                schema.alwaysRequired());
        assertEquals(List.of("generic", "tsg_content", "resource", "rca", "diagnostics", "serviceHealthInsights",
                "problemScopingQuestions", "supportTopicDescription", "advisorRecommendationMetadata"),
                schema.kinds().stream().map(KindSpec::name).toList());
        assertEquals(List.of("description", "service", "resource", "supportTopicIds", "productPesIds"),
                schema.kind("generic").orElseThrow().required());
        assertEquals(List.of("description", "supportTopicIds", "productPesIds", "schemaVersion"),
                schema.kind("problemScopingQuestions").orElseThrow().required());
        assertEquals(KindSpec.BodyType.FORM, schema.kind("problemScopingQuestions").orElseThrow().body());
        assertEquals(KindSpec.BodyType.JSON, schema.kind("supportTopicDescription").orElseThrow().body());
        assertEquals(Map.of(), schema.severities());
    }

    @Test
    void builtInSchemaKnowsEveryAttributeOfTheDesignWithItsFormat() {
        ArticleSchema schema = SchemaLoader.builtIn();
        assertEquals(List.of("pageTitle", "description", "service", "resource", "authors", "ms.author", "displayOrder",
                "selfHelpType", "supportTopicIds", "productPesIds", "cloudEnvironments", "disableClouds", "articleId",
                "ownershipId", "resourceTags", "articleTags", "infoBubbleText", "diagnosticScenario", "schemaVersion",
                "clientIds", "resourceRequired", "category"),
                schema.attributes().stream().map(AttributeSpec::name).toList());
        AttributeSpec title = schema.attribute("PAGETITLE").orElseThrow();
        assertEquals(150, title.maxLength());
        assertFalse(title.markup());
        assertEquals(300, schema.attribute("description").orElseThrow().maxLength());
        assertTrue(schema.attribute("service").orElseThrow().allowEmpty());
        assertEquals(AttributeSpec.Type.CLOUDS, schema.attribute("disableClouds").orElseThrow().type());
        assertEquals(AttributeSpec.Type.INTEGER, schema.attribute("displayOrder").orElseThrow().type());
        assertTrue(schema.attribute("displayOrder").orElseThrow().pattern().orElseThrow().matcher("-12").matches());
        assertTrue(schema.attribute("ownershipId").orElseThrow().pattern().orElseThrow().matcher("Team_1").matches());
        assertFalse(schema.attribute("ownershipId").orElseThrow().pattern().orElseThrow().matcher("Team-1").matches());
    }

    // ---- a schema file merged over it

    @Test
    void schemaFileAddsAnAttributeWithPatternEnumMaxLengthAndSeverity() throws IOException {
        ArticleSchema schema = load("""
                {
                  "attributes": {
                    "region": { "type": "list", "pattern": "[a-z]+-[0-9]", "patternHelp": "a region code such as 'eu-1'",
                                "enum": ["eu-1", "us-2"], "maxLength": 12, "severity": "warning", "allowEmpty": true }
                  }
                }
                """);
        AttributeSpec region = schema.attribute("Region").orElseThrow();
        assertEquals("region", region.name());
        assertEquals(AttributeSpec.Type.LIST, region.type());
        assertEquals("[a-z]+-[0-9]", region.pattern().orElseThrow().pattern());
        assertEquals("a region code such as 'eu-1'", region.patternHelp());
        assertEquals(List.of("eu-1", "us-2"), region.enumValues());
        assertEquals(12, region.maxLength());
        assertEquals(Optional.of(Severity.WARNING), region.severity());
        assertTrue(region.allowEmpty());
        assertTrue(schema.attribute("pageTitle").isPresent(), "the built-in attributes stay");
    }

    @Test
    void schemaFileChangesOnlyTheFieldsItGivesOfABuiltInAttribute() throws IOException {
        ArticleSchema schema = load("""
                { "attributes": { "PageTitle": { "maxLength": 80 } } }
                """);
        AttributeSpec title = schema.attribute("pageTitle").orElseThrow();
        assertEquals("pageTitle", title.name(), "the canonical spelling is kept");
        assertEquals(80, title.maxLength());
        assertFalse(title.markup(), "fields the file does not give are kept");
    }

    @Test
    void schemaFileAddsAKindAndOverridesTheRequiredSetOfABuiltInOne() throws IOException {
        ArticleSchema schema = load("""
                {
                  "kinds": {
                    "howTo": { "required": ["description", "resource"], "description": "step-by-step guides" },
                    "generic": { "required": ["description"] },
                    "faq": { "required": [], "body": "json" }
                  }
                }
                """);
        KindSpec howTo = schema.kind("HOWTO").orElseThrow();
        assertEquals(List.of("description", "resource"), howTo.required());
        assertEquals(KindSpec.BodyType.MARKDOWN, howTo.body());
        assertEquals(List.of("description"), schema.kind("generic").orElseThrow().required());
        assertEquals(KindSpec.BodyType.MARKDOWN, schema.kind("generic").orElseThrow().body());
        assertEquals(KindSpec.BodyType.JSON, schema.kind("faq").orElseThrow().body());
        assertEquals(11, schema.kinds().size());
    }

    @Test
    void schemaFileReplacesTheAlwaysRequiredSetAndSetsSeverities() throws IOException {
        ArticleSchema schema = load("""
                {
                  "$schema": "https://example.com/certdocs-schema.json",
                  "description": "our content rules",
                  "alwaysRequired": ["pageTitle", "articleId"],
                  "severities": { "field/unknown": "error", "image/missing-alt": "off", "field/casing": "NOTE" }
                }
                """);
        assertEquals(List.of("pageTitle", "articleId"), schema.alwaysRequired());
        assertEquals(Map.of("field/unknown", Severity.ERROR, "image/missing-alt", Severity.OFF,
                "field/casing", Severity.NOTE), schema.severities());
    }

    @Test
    void buildConfigReadsTheSchemaFileAtTheRepositoryRootAndLetsThePomOverrideItsSeverities() throws IOException {
        schemaFile("""
                { "severities": { "field/unknown": "error", "field/casing": "off" } }
                """);
        BuildConfig config = BuildConfig.builder(dir).severities(List.of("field/casing=warning")).build();
        assertEquals(Severity.ERROR, config.severityOf("field/unknown", Severity.WARNING));
        assertEquals(Severity.WARNING, config.severityOf("field/casing", Severity.WARNING));
        assertEquals(Severity.ERROR, config.severityOf("kind/unknown", Severity.ERROR));
    }

    @Test
    void validationAppliesTheSchemaFile(@TempDir Path repoDir) {
        ContentRepo repo = ContentRepo.in(repoDir)
                .file("certdocs-schema.json", """
                        {
                          "attributes": {
                            "region": { "type": "list", "pattern": "[a-z]+-[0-9]", "patternHelp": "a region code such as 'eu-1'",
                                        "enum": ["eu-1", "eu-2", "us-2"], "maxLength": 12, "severity": "warning" },
                            "pageTitle": { "maxLength": 20 }
                          },
                          "kinds": {
                            "howTo": { "required": ["description", "region"] },
                            "generic": { "required": ["description"] }
                          },
                          "severities": { "field/unknown": "error" }
                        }
                        """)
                .file("articles/a.md", ArticleText.generic("a").remove("supportTopicIds").remove("productPesIds")
                        .set("region", "eu-1, eu-3, west").set("reviewer", "jdoe"))
                .file("articles/b.md", ArticleText.generic("b").set("selfHelpType", "howTo").remove("description")
                        .set("pageTitle", "A title over twenty characters"))
                .file("articles/c.md", ArticleText.generic("c").set("region", "eu-1, eu-2, us-2, eu-1"));
        assertEquals(List.of(
                "articles/a.md:10:10: warning [field/format] 'region' is 16 characters long; at most 12 are allowed",
                "articles/a.md:10:16: warning [field/format] 'region' item 'eu-3' must be one of eu-1, eu-2, us-2, did you mean 'eu-1'?",
                "articles/a.md:10:22: warning [field/format] 'region' item 'west' must be a region code such as 'eu-1'",
                "articles/a.md:10:22: warning [field/format] 'region' item 'west' must be one of eu-1, eu-2, us-2",
                "articles/a.md:11:2: error [field/unknown] unknown attribute 'reviewer'",
                "articles/b.md:1:1: error [field/required] missing required attribute 'description' (required for selfHelpType 'howTo')",
                "articles/b.md:1:1: error [field/required] missing required attribute 'region' (required for selfHelpType 'howTo')",
                "articles/b.md:2:13: error [field/format] 'pageTitle' is 30 characters long; at most 20 are allowed",
                "articles/c.md:12:10: warning [field/format] 'region' is 22 characters long; at most 12 are allowed"),
                ContentRepo.allProblems(repo.validate()));
    }

    // ---- a broken schema file

    @Test
    void invalidJsonNamesTheFileLineAndColumn() throws IOException {
        String message = failure("""
                {
                  "attributes": {
                    "region": { "type": "text", }
                  }
                }
                """);
        assertEquals(dir.resolve("certdocs-schema.json") + ":3:33: the schema file is not valid JSON: a ',' before '}' has"
                + " nothing after it: remove the trailing comma", message);
    }

    @Test
    void eachStructuralMistakeNamesTheFileLineAndColumn() throws IOException {
        String file = dir.resolve("certdocs-schema.json").toString();
        assertEquals(file + ":1:1: the schema must be a JSON object", failure("[]"));
        assertEquals(file + ":1:3: unknown top-level key 'attribute', did you mean 'attributes'?",
                failure("{ \"attribute\": {} }"));
        assertEquals(file + ":1:3: unknown top-level key 'rules' (expected one of $schema, description, attributes, kinds, "
                + "alwaysRequired, severities)", failure("{ \"rules\": {} }"));
        assertEquals(file + ":1:3: 'kinds' must be an object", failure("{ \"kinds\": [] }"));
        assertEquals(file + ":1:3: alwaysRequired must be an array of strings", failure("{ \"alwaysRequired\": \"pageTitle\" }"));
        assertEquals(file + ":1:31: attributes.region.type: 'string' is not one of text, list, integer, kind, clouds",
                failure("{ \"attributes\": { \"region\": { \"type\": \"string\" } } }"));
        assertEquals(file + ":1:31: attributes.region.pattern is not a valid regular expression: Unclosed character class",
                failure("{ \"attributes\": { \"region\": { \"pattern\": \"[a-z\" } } }"));
        assertEquals(file + ":1:31: attributes.region.enum must be an array of strings",
                failure("{ \"attributes\": { \"region\": { \"enum\": \"eu-1\" } } }"));
        assertEquals(file + ":1:31: attributes.region.severity: 'fatal' is not one of error, warning, note, off",
                failure("{ \"attributes\": { \"region\": { \"severity\": \"fatal\" } } }"));
        assertEquals(file + ":1:31: attributes.region.maxLength must be a whole number of 0 or more",
                failure("{ \"attributes\": { \"region\": { \"maxLength\": \"12\" } } }"));
        assertEquals(file + ":1:31: attributes.region.markup must be true or false",
                failure("{ \"attributes\": { \"region\": { \"markup\": \"no\" } } }"));
        assertEquals(file + ":1:23: kinds.faq.body: 'yaml' is not one of markdown, json, form",
                failure("{ \"kinds\": { \"faq\": { \"body\": \"yaml\" } } }"));
        assertEquals(file + ":1:23: kinds.faq.required must be an array of strings",
                failure("{ \"kinds\": { \"faq\": { \"required\": \"description\" } } }"));
        assertEquals(file + ":1:19: severities: unknown rule id 'field/unknwon', did you mean 'field/unknown'?",
                failure("{ \"severities\": { \"field/unknwon\": \"off\" } }"));
        assertEquals(file + ":1:19: severities.field/unknown: 'loud' is not one of error, warning, note, off",
                failure("{ \"severities\": { \"field/unknown\": \"loud\" } }"));
        assertEquals(file + ":1:16: duplicate key 'kinds' (the later one would win)",
                failure("{ \"kinds\": {}, \"kinds\": {} }"));
    }

    @Test
    void reportsEveryUnknownKeyAtEveryLevelAndEveryUnknownRequiredAttributeInOneRun() throws IOException {
        String file = dir.resolve("certdocs-schema.json").toString();
        assertEquals(String.join("\n",
                        file + ":2:3: unknown top-level key 'kind', did you mean 'kinds'?",
                        file + ":5:7: unknown key in attributes.contosoTier 'enmu', did you mean 'enum'?",
                        file + ":6:7: unknown key in attributes.contosoTier 'maxLenght', did you mean 'maxLength'?",
                        file + ":7:7: attributes.contosoTier.severity: 'warnig' is not one of error, warning, note, off, did you mean 'warning'?",
                        file + ":12:20: kinds.faq.required: unknown attribute 'descripton', did you mean 'description'?",
                        file + ":12:34: kinds.faq.required: unknown attribute 'reviewer' (define it under 'attributes')",
                        file + ":13:7: unknown key in kinds.faq 'bdy', did you mean 'body'?",
                        file + ":16:35: alwaysRequired: unknown attribute 'pageTitel', did you mean 'pageTitle'?"),
                failure("""
                        {
                          "kind": {},
                          "attributes": {
                            "contosoTier": {
                              "enmu": ["standard", "premium"],
                              "maxLenght": 20,
                              "severity": "warnig"
                            }
                          },
                          "kinds": {
                            "faq": {
                              "required": ["descripton", "reviewer", "contosoTier"],
                              "bdy": "markdown"
                            }
                          },
                          "alwaysRequired": ["pageTitle", "pageTitel"]
                        }
                        """));
    }

    @Test
    void aSchemaFileThatDoesNotExistIsNamed() {
        var e = assertThrows(CertDocsException.class,
                () -> BuildConfig.builder(dir).schemaFile(Path.of("config/schema.json")).build());
        assertEquals("the schema file " + dir.resolve("config/schema.json") + " does not exist", e.getMessage());
    }
}
