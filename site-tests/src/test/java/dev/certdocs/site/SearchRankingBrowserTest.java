package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How the theme's search.js ranks, on a small site that generate builds: an article holding the
 * query's words in its title comes before one holding them only in headings, description and
 * body, however often; more of the words in the title comes first; among titles holding them all,
 * the shorter title first.
 */
class SearchRankingBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Path repo;
    private static Path profile;
    private static StaticSiteServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        repo = Files.createTempDirectory("certdocs-ranking-");
        // Sorted by path, so that the article order (the last tie-break) is the wrong order for every assertion below.
        article("compute/a-everywhere-else.md", "Restart guide", "Disk snapshot troubleshooting",
                "## Disk snapshot\n\n" + "The disk snapshot of the disk snapshot. ".repeat(6));
        article("compute/b-one-title-word.md", "Disk cleanup for the many small volumes of a legacy cluster", "A test article",
                "Take a snapshot first.\n");
        article("compute/c-long-title.md", "Notes on disk and snapshot handling for the nodes of a legacy regional cluster",
                "A test article", "Nothing else here.\n");
        article("compute/d-short-title.md", "Disk snapshot fails", "A test article", "Nothing else here.\n");
        BuildConfig config = BuildConfig.builder(repo).threads(1).clouds(List.of("public")).siteVersion("1.0.0")
                .outputDirectory(repo.resolve("site")).reportsDirectory(repo.resolve("reports")).incremental(false).build();
        GenerateResult result = CertDocs.generate(config, BuildLog.SILENT);
        assertFalse(result.failed(), result.reason());
        server = StaticSiteServer.start(repo.resolve("site"));
        profile = Files.createTempDirectory("certdocs-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() throws IOException {
        HeadlessChromium.stop(browser, List.of(server), profile, repo);
    }

    @Test
    void titleMatchesRankFirstThenMoreTitleWordsThenTheShorterTitle() {
        assertEquals(List.of("Disk snapshot fails",
                        "Notes on disk and snapshot handling for the nodes of a legacy regional cluster",
                        "Disk cleanup for the many small volumes of a legacy cluster",
                        "Restart guide"),
                search("disk%20snapshot"));
    }

    @Test
    void aWordBeingTypedThatBeginsATitleWordCountsAsATitleMatch() {
        // "snaps" is a prefix of "snapshot": the long title's article still comes before the body-only one.
        List<String> titles = search("disk%20snaps");
        assertEquals("Disk snapshot fails", titles.get(0));
        assertEquals("Restart guide", titles.get(titles.size() - 1));
    }

    private static List<String> search(String query) {
        browser.get(server.baseUri().resolve("/public/1.0.0/search.html?q=" + query).toString());
        List<WebElement> results = new WebDriverWait(browser, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#search-results .search-result"));
            return found.isEmpty() ? null : found;
        });
        return results.stream().map(r -> r.findElement(By.cssSelector(".search-result-title")).getText()).toList();
    }

    private static void article(String path, String title, String description, String body) throws IOException {
        String id = path.replaceAll("\\W", "-");
        String text = "<properties\n\tpageTitle=\"" + title + "\"\n\tdescription=\"" + description + "\"\n"
                + "\tservice=\"microsoft.compute\"\n\tresource=\"virtualmachines\"\n\tselfHelpType=\"generic\"\n"
                + "\tsupportTopicIds=\"32600001\"\n\tproductPesIds=\"14749\"\n\tcloudEnvironments=\"public\"\n"
                + "\tarticleId=\"" + id + "\"\n\townershipId=\"Fixture_Team\"\n/>\n\n# " + title + "\n\n" + body;
        Path file = repo.resolve("articles").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
