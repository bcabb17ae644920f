package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The triage report of a small repository with known findings, built with the plugin's engine
 * (validate with a baseline, then check-links) and opened from disk in headless Chromium:
 * overview counts, filters by rule and by team, keyboard, source links, print, both goals.
 *
 * <p>The repository: compute (Compute_Team) has three articles without a level-1 heading, one
 * with an image without alternative text; network (Network_Team) has two articles, each with an
 * image without alternative text and an unknown attribute, one with a broken link (no image file
 * exists, so check-links finds four broken links). The baseline
 * was written when only compute/c1 and network/n1 existed, so their four findings are known.
 */
class ReportBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Path repo;
    private static Path profile;
    private static Path screenshots;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        repo = Files.createTempDirectory("certdocs-report-");
        article("compute/c1.md", "Compute_Team", "", "Text without a heading.\n\n![](diagram.png)\n");
        article("network/n1.md", "Network_Team", "\tsupportToicIds=\"1\"\n", "# Network one\n\n![](n1.png)\n");
        CertDocs.validate(validateConfig().updateBaseline(true).build(), BuildLog.SILENT);
        article("compute/c2.md", "Compute_Team", "", "Text.\n");
        article("compute/c3.md", "Compute_Team", "", "More text.\n");
        article("network/n2.md", "Network_Team", "\tsupportToicIds=\"2\"\n", "# Network two\n\n![](n2.png)\n\n[x](missing.md)\n");
        CertDocs.validate(validateConfig().build(), BuildLog.SILENT);
        CertDocs.checkLinks(config().build(), BuildLog.SILENT);
        screenshots = Files.createDirectories(Path.of(System.getProperty("certdocs.screenshots", "target/screenshots")));
        profile = Files.createTempDirectory("certdocs-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    /**
     * validate checks links too (the offline gate); here it leaves the broken links to
     * check-links, so that each goal's section holds its own findings as the counts below expect.
     */
    private static BuildConfig.Builder validateConfig() {
        return config().severities(List.of("link/broken-internal=off"));
    }

    private static BuildConfig.Builder config() {
        return BuildConfig.builder(repo).threads(1).clouds(List.of("public"))
                .sourceUrl("https://git.example.com/docs/blob/main/{path}#L{line}");
    }

    private static void article(String path, String team, String extra, String body) throws IOException {
        String id = path.replaceAll("\\W", "-");
        String text = "<properties\n\tpageTitle=\"" + id + "\"\n\tdescription=\"A test article\"\n"
                + "\tservice=\"microsoft.compute\"\n\tresource=\"virtualmachines\"\n\tselfHelpType=\"generic\"\n"
                + "\tsupportTopicIds=\"32600001\"\n\tproductPesIds=\"14749\"\n\tcloudEnvironments=\"public\"\n"
                + "\tarticleId=\"" + id + "\"\n\townershipId=\"" + team + "\"\n" + extra + "/>\n\n" + body;
        Path file = repo.resolve("articles").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @AfterAll
    static void stop() throws IOException {
        HeadlessChromium.stop(browser, List.of(), profile, repo);
    }

    @BeforeEach
    void open() {
        browser.get(repo.resolve("target/certdocs/report.html").toUri().toString());
        new WebDriverWait(browser, WAIT).until(d -> "true".equals(d.findElement(By.tagName("html")).getAttribute("data-ready")));
    }

    private static WebElement validate() {
        return browser.findElement(By.id("goal-validate"));
    }

    private static String status() {
        return validate().findElement(By.cssSelector(".shown")).getText();
    }

    private static Select filter(String name) {
        return new Select(validate().findElement(By.name(name)));
    }

    /** The overview table's rows as {@code name findings new}. */
    private static List<String> overview(String table) {
        return validate().findElements(By.cssSelector("table." + table + " tbody tr")).stream()
                .map(tr -> tr.findElement(By.tagName("th")).getText() + " "
                        + tr.findElements(By.cssSelector("td.n")).stream().map(WebElement::getText).collect(Collectors.joining(" ")))
                .toList();
    }

    private static List<String> groups() {
        return validate().findElements(By.cssSelector(".group h4 button")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theOverviewCountsByRuleSeverityTeamAndFolderLargestFirst() {
        assertEquals(List.of("body/missing-h1 3 2", "image/missing-alt 3 1", "field/unknown 2 1"), overview("by-rule"));
        assertEquals(List.of("error 3 2", "warning 5 2"), overview("by-severity").stream().sorted().toList());
        assertEquals(List.of("Compute_Team 4 2", "Network_Team 4 2"), overview("by-team"));
        assertEquals(List.of("compute 4 2", "network 4 2"), overview("by-folder"));
        assertEquals("Showing 8 of 8 findings (4 new, 4 in the baseline) in 3 groups", status());
        assertEquals(List.of("body/missing-h1 3 (2 new)", "image/missing-alt 3 (1 new)", "field/unknown 2 (1 new)"), groups());
        screenshot("report-overview");
    }

    @Test
    void filtersByOneRuleThenByOneTeam() {
        filter("rule").selectByValue("image/missing-alt");
        assertEquals("Showing 3 of 8 findings (1 new, 2 in the baseline) in 1 group", status());
        filter("team").selectByValue("Network_Team");
        assertEquals("Showing 2 of 8 findings (1 new, 1 in the baseline) in 1 group", status());
        filter("rule").selectByValue("");
        assertEquals("Showing 4 of 8 findings (2 new, 2 in the baseline) in 2 groups", status());
        assertEquals(List.of("field/unknown 2 (1 new)", "image/missing-alt 2 (1 new)"), groups());
        filter("base").selectByValue("new");
        assertEquals("Showing 2 of 8 findings (2 new, 0 in the baseline) in 2 groups", status());
        screenshot("report-filtered-by-team");
    }

    @Test
    void aNameInTheOverviewFiltersByIt() {
        validate().findElement(By.cssSelector("table.by-team button[data-v='Compute_Team']")).click();
        assertEquals("Compute_Team", filter("team").getFirstSelectedOption().getAttribute("value"));
        assertEquals("Showing 4 of 8 findings (2 new, 2 in the baseline) in 2 groups", status());
    }

    @Test
    void searchFindsMessagesAndPaths() {
        WebElement search = validate().findElement(By.name("q"));
        search.sendKeys("n2.png");
        new WebDriverWait(browser, WAIT).until(d -> status().startsWith("Showing 1 of"));
        search.clear();
        search.sendKeys("compute/c");
        new WebDriverWait(browser, WAIT).until(d -> status().startsWith("Showing 4 of"));
    }

    @Test
    void groupsOpenFromTheKeyboardAndLinkEachFindingToItsSourceLine() {
        WebElement first = validate().findElement(By.cssSelector(".group h4 button"));
        assertEquals("false", first.getAttribute("aria-expanded"), "collapsed until opened");
        first.sendKeys(Keys.ENTER);
        assertEquals("true", first.getAttribute("aria-expanded"));
        List<WebElement> rows = validate().findElements(By.cssSelector(".gbody:not([hidden]) tbody tr"));
        assertEquals(3, rows.size());
        WebElement link = rows.get(0).findElement(By.cssSelector("td.pos a"));
        assertEquals("articles/compute/c1.md:12:1", link.getText());
        assertEquals("https://git.example.com/docs/blob/main/articles/compute/c1.md#L12", link.getAttribute("href"));
        screenshot("report-group-open");
    }

    @Test
    void printingOpensEveryGroup() {
        browser.executeScript("window.dispatchEvent(new Event('beforeprint'))");
        assertEquals(List.of(), validate().findElements(By.cssSelector(".gbody[hidden]")));
        assertEquals(8, validate().findElements(By.cssSelector(".gbody tbody tr")).size());
    }

    @Test
    void checkLinksHasItsSectionInTheSameLayoutWithTheLinkResults() {
        WebElement links = browser.findElement(By.id("goal-check-links"));
        assertTrue(links.findElement(By.cssSelector("table.results caption")).getText().contains("Link results"));
        // the three images that do not exist and missing.md
        assertEquals("internal broken 4", links.findElements(By.cssSelector("table.results tbody tr")).get(1).getText());
        assertEquals("Showing 4 of 4 findings (4 new, 0 in the baseline) in 1 group",
                links.findElement(By.cssSelector(".shown")).getText());
    }

    @Test
    void theReportLogsNoErrorToTheConsole() {
        browser.manage().logs().get(LogType.BROWSER);
        browser.navigate().refresh();
        new WebDriverWait(browser, WAIT).until(d -> "true".equals(d.findElement(By.tagName("html")).getAttribute("data-ready")));
        assertFalse(validate().getText().isEmpty());
        assertEquals(List.of(), browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList());
    }

    private static void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
