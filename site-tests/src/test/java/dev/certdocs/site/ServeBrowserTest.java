package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.serve.LivePreview;
import dev.certdocs.support.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code certdocs:serve} in headless Chromium: an article page open in the browser follows the
 * file on disk without anyone reloading it — new text, broken properties (the overlay shows the
 * rule and the line), fixed again (the overlay goes), a template override (the page re-renders).
 * The preview is the engine's ({@link CertDocs#serve}) on 127.0.0.1, any free port.
 */
class ServeBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ARTICLE = "articles/compute/a.md";
    private static Path repo;
    private static Path profile;
    private static ChromeDriver browser;
    private static LivePreview preview;

    @BeforeAll
    static void start() throws IOException {
        repo = Files.createTempDirectory("certdocs-serve-");
        write(ARTICLE, article("pageTitle=\"Alpha\"", "First text."));
        preview = CertDocs.serve(() -> BuildConfig.builder(repo).threads(2).siteVersion("1.0.0")
                .clouds(List.of("public", "fairfax")).build(), BuildLog.SILENT, "127.0.0.1", 0);
        profile = Files.createTempDirectory("certdocs-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() throws IOException {
        HeadlessChromium.stop(browser, java.util.Arrays.asList(preview), profile, repo);
    }

    static String article(String titleAttribute, String text) {
        return "<properties\n\t" + titleAttribute + "\n\tdescription=\"A test article\"\n\tservice=\"microsoft.compute\"\n"
                + "\tresource=\"virtualmachines\"\n\tselfHelpType=\"generic\"\n\tsupportTopicIds=\"32600001\"\n"
                + "\tproductPesIds=\"14749\"\n\tcloudEnvironments=\"public, fairfax\"\n"
                + "\tarticleId=\"11111111-1111-1111-1111-111111111111\"\n\townershipId=\"Test_Team\"\n/>\n\n# Alpha\n\n" + text + "\n";
    }

    @Test
    @Timeout(180)
    void theOpenPageFollowsTheFileOnDiskWithoutAManualReload() throws IOException {
        browser.get(preview.url() + "public/1.0.0/compute/a.html");
        assertEquals("First text.", paragraph());
        awaitListening();

        write(ARTICLE, article("pageTitle=\"Alpha\"", "Second text."));
        new WebDriverWait(browser, WAIT).until(b -> "Second text.".equals(paragraph()));

        // A closing quote missing: the properties block is broken at line 2; the page stays, with the overlay.
        awaitListening();
        write(ARTICLE, article("pageTitle=\"Alpha", "Second text."));
        WebElement overlay = new WebDriverWait(browser, WAIT).until(b -> {
            List<WebElement> found = b.findElements(By.id("certdocs-problems"));
            return found.isEmpty() ? null : found.get(0);
        });
        String problems = overlay.getText();
        assertTrue(problems.contains("properties/syntax"), problems);
        assertTrue(problems.contains(ARTICLE + ":3:"), problems);
        assertTrue(overlay.isDisplayed());

        awaitListening();
        write(ARTICLE, article("pageTitle=\"Alpha\"", "Third text."));
        new WebDriverWait(browser, WAIT).until(b -> "Third text.".equals(paragraph())
                && b.findElements(By.id("certdocs-problems")).isEmpty());

        awaitListening();
        write("src/site-templates/article.ftl", "<#ftl output_format=\"HTML\"><!DOCTYPE html>\n<html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>${article.title}</title></head><body>\n<p id=\"own\">Own template for ${article.title}</p>\n"
                + "${article.html?no_esc}\n</body></html>\n");
        new WebDriverWait(browser, WAIT).until(b -> !b.findElements(By.id("own")).isEmpty());
        assertEquals("Own template for Alpha", browser.findElement(By.id("own")).getText());
        assertEquals("Third text.", paragraph());
    }

    /** The article's paragraph of text (each version of it ends in "text."), or "" while the page is between two loads. */
    private static String paragraph() {
        Object text = ((JavascriptExecutor) browser).executeScript("var found = Array.from(document.querySelectorAll('p'))"
                + ".map(function (p) { return p.textContent.trim(); }).filter(function (t) { return /^\\w+ text\\.$/.test(t); });"
                + " return found.length ? found[0] : '';");
        return text == null ? "" : text.toString();
    }

    /** Waits until the page (loaded anew after each change) listens for reloads again. */
    private static void awaitListening() {
        new WebDriverWait(browser, WAIT).until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                "return window.certdocsLive === true && document.readyState === 'complete'")));
    }

    private static void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
