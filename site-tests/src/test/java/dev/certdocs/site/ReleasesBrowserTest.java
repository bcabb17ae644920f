package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * sample-content publishes 1.0.0, then 1.1.0, into one directory (its verify phase): both stay,
 * versions.json and the version switcher of the old pages list both, latest/ leads to 1.1.0.
 */
class ReleasesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Path releases;
    private static Path profile;
    private static StaticSiteServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        releases = Path.of(System.getProperty("certdocs.releases.directory", "../sample-content/target/certdocs/releases"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(releases.resolve("public/versions.json"))) {
            throw new IllegalStateException("No published releases at " + releases
                    + ": run `./mvnw verify` from the repository root (sample-content publishes them in its verify phase).");
        }
        server = StaticSiteServer.start(releases);
        profile = Files.createTempDirectory("certdocs-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() throws IOException {
        HeadlessChromium.stop(browser, java.util.Collections.singletonList(server), profile);
    }

    @Test
    void bothReleasesArePublishedAndTheNewestIsLatest() throws IOException {
        for (String cloud : List.of("public", "fairfax", "mooncake", "usnat", "ussec")) {
            assertTrue(Files.isRegularFile(releases.resolve(cloud + "/1.0.0/index.html")), cloud);
            assertTrue(Files.isRegularFile(releases.resolve(cloud + "/1.1.0/index.html")), cloud);
            JsonNode json = new ObjectMapper().readTree(releases.resolve(cloud + "/versions.json").toFile());
            List<String> listed = new ArrayList<>();
            json.get("versions").forEach(v -> listed.add(v.get("name").asText() + (v.get("latest").asBoolean() ? "*" : "")));
            assertEquals(List.of("1.1.0*", "1.0.0"), listed, cloud);
        }
    }

    @Test
    void anOldPageOffersTheNewerVersionInItsSwitcher() {
        WebElement switcher = openVersionSwitcher(server.baseUri().resolve("/public/1.0.0/compute/vm-start-fails.html").toString());
        List<String> listed = switcher.findElements(By.cssSelector(".switcher-list a")).stream()
                .map(a -> a.getText().replaceAll("\\s+", " ") + " -> " + a.getDomProperty("href")).toList();
        assertEquals(List.of(
                "1.1.0 latest -> " + server.baseUri().resolve("/public/1.1.0/compute/vm-start-fails.html"),
                "1.0.0 -> " + server.baseUri().resolve("/public/1.0.0/compute/vm-start-fails.html")), listed);
        assertTrue(browser.findElement(By.id("version-notice")).isDisplayed(), "an old page says a newer version exists");
    }

    @Test
    void aLatestDeepLinkReachesTheNewestReleasesPage() {
        browser.get(server.baseUri().resolve("/fairfax/latest/compute/vm-start-fails.html").toString());
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/fairfax/1.1.0/"));
        assertEquals(server.baseUri().resolve("/fairfax/1.1.0/compute/vm-start-fails.html").toString(), browser.getCurrentUrl());
        assertEquals("A virtual machine does not start", browser.findElement(By.cssSelector("main h1")).getText());
    }

    @Test
    void theRootAndEachCloudFolderLeadToTheLatestVersion() {
        browser.get(server.baseUri().resolve("/").toString());
        List<String> clouds = browser.findElements(By.cssSelector("main li a")).stream().map(WebElement::getText).toList();
        assertTrue(clouds.contains("Azure Government"), clouds.toString());
        browser.findElement(By.linkText("Azure Government")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/fairfax/1.1.0/index.html"));

        browser.get(server.baseUri().resolve("/ussec/").toString());
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/ussec/1.1.0/index.html"));
    }

    @Test
    void aPageMissingInTheChosenVersionOpensThatVersionsHomePageWithANotice() throws IOException {
        // A copy of the public site in which 1.0.0 lacks the page, as a page new in 1.1.0 would.
        Path copy = Files.createTempDirectory("certdocs-releases-");
        try {
            Path source = releases.resolve("public").toRealPath();
            try (Stream<Path> files = Files.walk(source, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                for (Path f : files.toList()) {
                    Path rel = source.relativize(f);
                    if (rel.toString().startsWith(".certdocs-")) continue;
                    Path to = copy.resolve("public").resolve(rel.toString());
                    if (Files.isDirectory(f)) Files.createDirectories(to);
                    else Files.copy(f, to);
                }
            }
            Files.delete(copy.resolve("public/1.0.0/compute/vm-start-fails.html"));
            try (StaticSiteServer copyServer = StaticSiteServer.start(copy)) {
                WebElement switcher = openVersionSwitcher(
                        copyServer.baseUri().resolve("/public/1.1.0/compute/vm-start-fails.html").toString());
                switcher.findElements(By.cssSelector(".switcher-list a")).stream()
                        .filter(a -> a.getText().startsWith("1.0.0")).findFirst().orElseThrow().click();
                new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/public/1.0.0/index.html?missing="));
                WebElement notice = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#version-notice .missing-page-notice")));
                assertEquals("The page compute/vm-start-fails.html is not in version 1.0.0: this is that version's home page.",
                        notice.getText());
            }
        } finally {
            HeadlessChromium.deleteTree(copy);
        }
    }

    /** Opens the page, waits for versions.json to fill its version switcher, opens the switcher, and returns it. */
    private static WebElement openVersionSwitcher(String page) {
        browser.get(page);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".version-switcher .switcher-tag")));
        WebElement switcher = browser.findElement(By.cssSelector("details.version-switcher"));
        switcher.findElement(By.tagName("summary")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".version-switcher .switcher-list a")));
        return switcher;
    }
}
