package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page of sample-content's site, over HTTP on 127.0.0.1 and opened from disk
 * ({@code file://}, as an unzipped bundle is): the sharded index in {@code search/} loads through
 * script elements in both, a word found only in an article's body finds that article as it is
 * typed, and what the index says is shown as text, never as markup.
 */
class SearchBrowserTest {

    private static final String VERSION = System.getProperty("certdocs.version", "0.1.0-SNAPSHOT");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Written once in sample-content, in the body of one article ("retry with exponential back-off"). */
    private static final String WORD = "exponential";
    private static final String TITLE = "Network connectivity issue in your region";
    private static final String MARKUP = "<img src=x onerror=\"window.pwned=1\"><b>Bold</b> &amp; <script>window.pwned=2</script>";

    private static Path site;
    private static Path tampered;
    private static Path profile;
    private static StaticSiteServer server;
    private static StaticSiteServer tamperedServer;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        site = Path.of(System.getProperty("certdocs.site.directory", "../sample-content/target/certdocs/site")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(site.resolve("public").resolve(VERSION).resolve("search/index.js"))) {
            throw new IllegalStateException("No rendered sample site at " + site + ": run `./mvnw verify` from the repository root.");
        }
        tampered = Files.createTempDirectory("certdocs-tampered-");
        copyTree(site.resolve("public").resolve(VERSION), tampered.resolve("public").resolve(VERSION));
        server = StaticSiteServer.start(site);
        tamperedServer = StaticSiteServer.start(tampered);
        profile = Files.createTempDirectory("certdocs-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() throws IOException {
        HeadlessChromium.stop(browser, java.util.Arrays.asList(server, tamperedServer), profile, tampered);
    }

    @Test
    void overHttpAWordFoundOnlyInAnArticlesBodyFindsItAsItIsTypedAndOpensIt() {
        assertEquals(List.of(TITLE), titlesOfArticlesWith(WORD), "sample-content changed: pick another word of one article's body");
        browser.get(server.baseUri().resolve("/public/" + VERSION + "/search.html").toString());
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("Exponentiál"); // case, accents and the word being typed (a prefix) are all folded
        List<WebElement> results = waitForResults();
        assertEquals(List.of(TITLE), titles(results));
        // The word is far into the article: its snippet comes once the article's text (search/s/<doc>.js) is loaded.
        List<WebElement> marks = new WebDriverWait(browser, WAIT).until(d -> {
            List<WebElement> found = results.get(0).findElements(By.cssSelector(".search-result-snippet mark"));
            return found.isEmpty() ? null : found;
        });
        assertEquals(List.of("exponential"), marks.stream().map(WebElement::getText).toList(), "the matched word is marked");
        assertEquals("1 result for \u201cExponenti\u00e1l\u201d.", browser.findElement(By.id("search-status")).getText());
        assertEquals("status", browser.findElement(By.id("search-status")).getDomAttribute("role"));

        // The arrow key moves from the box to the first result; Enter opens it.
        box.sendKeys(Keys.ARROW_DOWN);
        assertEquals(TITLE, browser.switchTo().activeElement().getText());
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/network/network-connectivity-health-insight.html"));
        assertEquals(TITLE, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".article-body")).getText().contains(WORD));
    }

    @Test
    void fromDiskTheSameSearchFindsTheArticleAndOpensIt() {
        Path page = site.resolve("public").resolve(VERSION).resolve("search.html");
        browser.get(page.toUri() + "?q=" + WORD);
        List<WebElement> results = waitForResults();
        assertEquals(List.of(TITLE), titles(results));
        results.get(0).findElement(By.cssSelector("a.search-result-title")).click();
        new WebDriverWait(browser, WAIT).until(d -> !d.getCurrentUrl().contains("search.html"));
        assertTrue(browser.getCurrentUrl().startsWith("file:"), browser.getCurrentUrl());
        assertEquals(TITLE, browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void pluralAndSingularFindTheSameArticles() {
        browser.get(server.baseUri().resolve("/public/" + VERSION + "/search.html?q=machine").toString());
        List<String> singular = titles(waitForResults());
        browser.get(server.baseUri().resolve("/public/" + VERSION + "/search.html?q=machines").toString());
        assertEquals(singular, titles(waitForResults()));
    }

    @Test
    void aTitleFullOfMarkupStaysText() throws IOException {
        // The index is rewritten by hand: the article's title, description and snippet source become markup.
        Path version = tampered.resolve("public").resolve(VERSION);
        int doc = docsWith(WORD, site.resolve("public").resolve(VERSION)).get(0);
        JsonNode head = call(version.resolve("search/index.js")).get(0);
        int pageSize = head.get("pageSize").asInt();
        Path pageFile = version.resolve("search/m/" + (doc / pageSize) + ".js");
        ArrayNode rows = (ArrayNode) call(pageFile).get(1);
        ArrayNode row = (ArrayNode) rows.get(doc % pageSize);
        row.set(0, MARKUP);
        row.set(3, MARKUP);
        row.set(5, MARKUP + " " + WORD + " " + MARKUP);
        Files.writeString(pageFile, "certdocsSearch.page(" + (doc / pageSize) + "," + rows + ");\n", StandardCharsets.UTF_8);

        browser.get(tamperedServer.baseUri().resolve("/public/" + VERSION + "/search.html?q=" + WORD).toString());
        List<WebElement> results = waitForResults();
        assertEquals(List.of(MARKUP), titles(results));
        WebElement list = browser.findElement(By.id("search-results"));
        assertEquals(List.of(), list.findElements(By.cssSelector("img, b, script")).stream().map(WebElement::getTagName).toList());
        assertEquals(MARKUP, results.get(0).findElement(By.cssSelector(".search-result-description")).getText());
        assertTrue(results.get(0).findElement(By.cssSelector(".search-result-snippet")).getText().contains("<b>Bold</b>"));
        assertNull(browser.executeScript("return window.pwned;"));
    }

    // ---------------------------------------------------------------- helpers

    private static List<WebElement> waitForResults() {
        return new WebDriverWait(browser, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#search-results .search-result"));
            return found.isEmpty() ? null : found;
        });
    }

    private static List<String> titles(List<WebElement> results) {
        return results.stream().map(r -> r.findElement(By.cssSelector(".search-result-title")).getText()).toList();
    }

    /** The titles of the articles whose index entry holds {@code term}, read from the shard files. */
    private static List<String> titlesOfArticlesWith(String term) {
        try {
            Path version = site.resolve("public").resolve(VERSION);
            int pageSize = call(version.resolve("search/index.js")).get(0).get("pageSize").asInt();
            return docsWith(term, version).stream().map(doc -> {
                try {
                    return call(version.resolve("search/m/" + (doc / pageSize) + ".js")).get(1).get(doc % pageSize).get(0).asText();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The documents of {@code term}, from the shard that holds it. */
    private static List<Integer> docsWith(String term, Path version) throws IOException {
        JsonNode keys = call(version.resolve("search/index.js")).get(0).get("shards");
        String key = null;
        for (JsonNode k : keys) {
            if (term.startsWith(k.asText()) && (key == null || k.asText().length() > key.length())) key = k.asText();
        }
        JsonNode postings = call(version.resolve("search/t/" + key + ".js")).get(1).get(term);
        List<Integer> docs = new java.util.ArrayList<>();
        int doc = 0;
        for (int i = 0; postings != null && i < postings.size(); i += 2) docs.add(doc += postings.get(i).asInt());
        return docs;
    }

    /** The JSON arguments of the call an index file makes: {@code certdocsSearch.x(a,b);} gives [a, b]. */
    private static JsonNode call(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new ObjectMapper().readTree("[" + text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')) + "]");
    }

    private static void copyTree(Path link, Path to) throws IOException {
        Path from = link.toRealPath(); // a version's folder is a symbolic link to the real one
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

}
