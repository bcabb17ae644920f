package dev.certdocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * sample-content's site, as the plugin of this reactor rendered it, served on 127.0.0.1 and used
 * in headless Chromium as a person would: browsing by service, reading an article, searching,
 * switching cloud and version, using the keyboard. One browser for the whole class. Every page
 * visited is saved as a screenshot under {@code target/screenshots/}.
 */
class SampleSiteBrowserTest {

    private static final String VERSION = System.getProperty("certdocs.version", "0.1.0-SNAPSHOT");
    private static final List<String> CLOUDS = List.of("public", "fairfax", "mooncake", "usnat", "ussec");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Path site;
    private static Path screenshots;
    private static Path profile;
    private static StaticSiteServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        site = Path.of(System.getProperty("certdocs.site.directory", "../sample-content/target/certdocs/site")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(site.resolve("public").resolve(VERSION).resolve("index.html"))) {
            throw new IllegalStateException("No rendered sample site at " + site.resolve("public").resolve(VERSION)
                    + ". These tests drive the site that sample-content renders in the same build:"
                    + " run `./mvnw verify` from the repository root (or `./mvnw install -DskipTests` there first).");
        }
        screenshots = Files.createDirectories(Path.of(System.getProperty("certdocs.screenshots", "target/screenshots")));
        server = StaticSiteServer.start(site);
        profile = Files.createTempDirectory("certdocs-chromium-");

        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowserAndServer() throws IOException {
        HeadlessChromium.stop(browser, java.util.Collections.singletonList(server), profile);
    }

    @Test
    void homePageListsArticlesByService() {
        open("public", "index.html", "home-public");
        Map<String, List<String>> cards = new LinkedHashMap<>();
        for (WebElement card : browser.findElements(By.cssSelector(".service-card"))) {
            cards.put(card.findElement(By.cssSelector("h3")).getText(),
                    card.findElements(By.cssSelector(".service-card-list a")).stream().map(WebElement::getText).toList());
        }
        assertEquals(List.of("General", "Key Vault", "Networking", "Storage", "Virtual Machines"), List.copyOf(cards.keySet()));
        assertTrue(cards.get("Networking").contains("Bastion cannot connect to a virtual machine"), cards.get("Networking").toString());

        // Every article of the search index is listed under its own service, and nowhere else.
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Map<String, Object> entry : searchIndex("public")) {
            expected.computeIfAbsent((String) entry.get("s"), s -> new TreeSet<>()).add((String) entry.get("t"));
        }
        Map<String, Set<String>> listed = new TreeMap<>();
        cards.forEach((service, titles) -> listed.put(service, new TreeSet<>(titles)));
        assertEquals(expected, listed);

        browser.findElement(By.linkText("Bastion cannot connect to a virtual machine")).click();
        waitForPage("bastion-connect-fails-public");
        assertEquals(path("public", "network/bastion-connect-fails.html"), URI.create(browser.getCurrentUrl()).getPath());
        assertEquals("Bastion cannot connect to a virtual machine", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void articlePageShowsItsTableOfContentsAndAlerts() {
        open("public", "compute/vm-rdp-ssh-connectivity.html", "vm-rdp-ssh-connectivity-public");
        // The heading is shown in capitals by the style sheet; its text is as written.
        assertEquals("On this page", browser.findElement(By.id("toc-heading")).getDomProperty("textContent").strip());
        List<String> toc = browser.findElements(By.cssSelector("nav.toc li > a")).stream()
                .map(a -> a.getDomAttribute("href") + " " + a.getText()).toList();
        List<String> headings = browser.findElements(By.cssSelector(".article-body h2, .article-body h3")).stream()
                .map(h -> "#" + h.getDomAttribute("id") + " " + h.getText()).toList();
        assertEquals(List.of("#scope-the-problem Scope the problem", "#check-the-network-path Check the network path",
                "#check-the-guest-os Check the guest OS", "#windows-guests Windows guests", "#linux-guests Linux guests",
                "#check-authentication Check authentication", "#escalate Escalate"), toc);
        assertEquals(headings, toc);
        assertEquals(List.of("Windows guests", "Linux guests"),
                browser.findElements(By.cssSelector("nav.toc .toc-sub .toc-level-3 a")).stream().map(WebElement::getText).toList());

        WebElement entry = browser.findElement(By.cssSelector("nav.toc a[href='#linux-guests']"));
        entry.click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("#linux-guests"));
        WebElement heading = browser.findElement(By.id("linux-guests"));
        new WebDriverWait(browser, WAIT).until(d -> inViewport(heading));
        assertTrue(((Number) js("return window.scrollY")).doubleValue() > 0, "the page did not scroll");
        // site.js marks the entry of the section being read.
        new WebDriverWait(browser, WAIT).until(d -> entry.getDomAttribute("class") != null
                && entry.getDomAttribute("class").contains("is-active"));
        screenshot("vm-rdp-ssh-connectivity-public-linux-guests");

        List<WebElement> alerts = browser.findElements(By.cssSelector(".article-body .alert"));
        assertEquals(List.of("alert alert-caution: Caution", "alert alert-note: Note", "alert alert-note: Note", "alert alert-tip: Tip"),
                alerts.stream().map(a -> a.getDomAttribute("class") + ": " + a.findElement(By.cssSelector(".alert-title")).getText()).toList());
        for (WebElement alert : alerts) {
            assertTrue(alert.isDisplayed());
            assertEquals("note", alert.getDomAttribute("role"));
            assertEquals("4px", alert.getCssValue("border-left-width"), "callout border of " + alert.getDomAttribute("class"));
            assertFalse(alert.getText().contains("[!"), alert.getText());
        }
        // Each kind of callout has a colour of its own.
        assertEquals(3, alerts.stream().map(a -> a.getCssValue("border-left-color")).distinct().count());
    }

    @Test
    void searchFindsAnArticleByAWordFoundOnlyInItsBody() {
        // "exponential" is written once, in the body of one article ("retry with exponential back-off").
        String word = "exponential";
        String title = "Network connectivity issue in your region";
        // (SearchBrowserTest checks in the index's shards that it is in that article only.)
        assertEquals(List.of(), whereWordsBeginWith(word, searchIndex("public")).stream().filter(w -> !w.startsWith("body of")).toList(),
                "sample-content changed: pick another word that is in one article's body only");

        open("public", "compute/vm-start-fails.html", null);
        WebElement box = browser.findElement(By.cssSelector("header form[role=search] input[name=q]"));
        box.sendKeys(word);
        screenshot("search-typed-in-header-public");
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, WAIT).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path("public", "search.html")));
        List<WebElement> results = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#search-results .search-result"), 0));
        screenshot("search-results-public");
        assertEquals(word, browser.findElement(By.id("search-q")).getDomProperty("value"));
        assertEquals(List.of(title), results.stream()
                .map(r -> r.findElement(By.cssSelector(".search-result-title")).getText()).toList(), "results for " + word);

        results.get(0).findElement(By.cssSelector("a")).click();
        waitForPage("search-result-opened-public");
        assertEquals(title, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".article-body")).getText().contains(word), word + " in the body of " + title);
    }

    @Test
    void cloudSwitcherOpensTheSameArticleInAnotherCloud() {
        open("public", "compute/vm-start-fails.html", "vm-start-fails-public");
        assertEquals("Azure", browser.findElement(By.cssSelector(".cloud-badge")).getText());
        WebElement switcher = browser.findElement(By.cssSelector("details.cloud-switcher"));
        switcher.findElement(By.tagName("summary")).click();
        WebElement fairfax = new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                switcher.findElement(By.partialLinkText("Azure Government"))));
        screenshot("vm-start-fails-public-cloud-menu");
        fairfax.click();
        waitForPage("vm-start-fails-fairfax");

        assertEquals(path("fairfax", "compute/vm-start-fails.html"), URI.create(browser.getCurrentUrl()).getPath());
        assertEquals("Azure Government", browser.findElement(By.cssSelector(".cloud-badge")).getText());
        assertEquals("A virtual machine does not start", browser.findElement(By.tagName("h1")).getText());
        List<String> portalLinks = browser.findElements(By.cssSelector("a.portal-link, a.button-link")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertFalse(portalLinks.isEmpty());
        for (String href : portalLinks) {
            assertTrue(href.startsWith("https://portal.azure.us/"), href);
        }
        assertEquals("https://portal.azure.us", browser.findElement(By.linkText("Azure Government portal")).getDomAttribute("href"));
        assertEquals("cloud-fairfax", browser.findElement(By.tagName("html")).getDomAttribute("class"));
    }

    @Test
    void pagesHaveNoConsoleErrors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put("home", severeConsoleEntries(() -> open("public", "index.html", "console-home-public")));
        errors.put("article", severeConsoleEntries(() -> open("public", "compute/vm-start-fails.html", "console-vm-start-fails-public")));
        errors.put("search", severeConsoleEntries(() -> {
            open("public", "search.html?q=virtual+machine", null);
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#search-results .search-result"), 0));
            screenshot("console-search-public");
        }));
        errors.put("form preview", severeConsoleEntries(() -> open("public", "compute/vm-problem-scoping.html", "console-vm-problem-scoping-public")));
        errors.put("air-gapped home", severeConsoleEntries(() -> open("ussec", "index.html", "console-home-ussec")));
        assertEquals(Map.of("home", List.of(), "article", List.of(), "search", List.of(), "form preview", List.of(),
                "air-gapped home", List.of()), errors);
        // The form preview really rendered its form.
        open("public", "compute/vm-problem-scoping.html", null);
        assertFalse(browser.findElements(By.cssSelector("main form, main .form-field")).isEmpty(), "no form preview");
    }

    @Test
    void versionSwitcherListsTheVersionsOfVersionsJson() {
        open("public", "compute/vm-start-fails.html", null);
        // site.js replaces the list the page was rendered with by the one in versions.json; only that one tags the latest.
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".version-switcher .switcher-tag")));
        WebElement switcher = browser.findElement(By.cssSelector("details.version-switcher"));
        switcher.findElement(By.tagName("summary")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".version-switcher .switcher-list a")));
        screenshot("vm-start-fails-public-version-menu");

        List<String> expected = new ArrayList<>();
        for (Map<String, Object> v : versions("public")) {
            String name = (String) v.get("name");
            expected.add(name + (Boolean.TRUE.equals(v.get("latest")) ? " latest" : "") + " -> "
                    + server.baseUri().resolve(path("public", "compute/vm-start-fails.html").replace("/" + VERSION + "/", "/" + name + "/")));
        }
        List<String> listed = switcher.findElements(By.cssSelector(".switcher-list a")).stream()
                .map(a -> a.getText().replaceAll("\\s+", " ") + " -> " + a.getDomProperty("href")).toList();
        assertEquals(List.of(VERSION + " latest -> " + server.baseUri().resolve(path("public", "compute/vm-start-fails.html"))), expected);
        assertEquals(expected, listed);
        assertEquals("page", switcher.findElement(By.cssSelector(".switcher-list a")).getDomAttribute("aria-current"));
        // The latest version is being read: no "go to the latest version" notice.
        assertFalse(browser.findElement(By.id("version-notice")).isDisplayed());
    }

    @Test
    void tabFromTheTopFocusesTheSkipLinkWhichMovesFocusToMain() {
        open("public", "compute/vm-start-fails.html", null);
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("a skip-link Skip to main content", focused.getTagName() + " " + focused.getDomAttribute("class") + " " + focused.getText());
        // Hidden above the page until focused, then slides in.
        new WebDriverWait(browser, WAIT).until(d -> inViewport(focused));
        screenshot("skip-link-focused-public");

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, WAIT).until(d -> "main".equals(d.switchTo().activeElement().getDomAttribute("id")));
        assertEquals("main", browser.switchTo().activeElement().getTagName());
        assertTrue(browser.getCurrentUrl().endsWith("#main"), browser.getCurrentUrl());

        // The next Tab goes into the content, not back to the header.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement next = browser.switchTo().activeElement();
        assertEquals(Boolean.TRUE, js("return document.getElementById('main').contains(arguments[0])", next), next.getText());
    }

    /**
     * Every page reachable from each cloud's home and search pages, loaded in the browser: every
     * link, image, style sheet and script inside the site answers 200, and every link to a
     * heading of a page finds that id there. Links outside the site are not followed.
     */
    @Test
    void everyLinkWithinTheSiteLeadsToAPage() {
        HttpClient http = HttpClient.newHttpClient();
        Map<URI, Integer> status = new HashMap<>();
        Map<URI, Set<String>> idsByPage = new HashMap<>();
        List<LinkToId> linksToIds = new ArrayList<>();
        Set<String> broken = new TreeSet<>();
        for (String cloud : CLOUDS) {
            URI versionRoot = server.baseUri().resolve(path(cloud, ""));
            // 404.html is left out: its <base href> points at the published site, not at this server.
            Deque<URI> queue = new ArrayDeque<>(List.of(versionRoot.resolve("index.html"), versionRoot.resolve("search.html")));
            Set<URI> seen = new HashSet<>(queue);
            while (!queue.isEmpty()) {
                URI page = queue.poll();
                browser.get(page.toString());
                waitForPage(null);
                @SuppressWarnings("unchecked")
                Map<String, List<String>> found = (Map<String, List<String>>) js("""
                        return {
                          targets: Array.from(document.querySelectorAll('a[href], link[href], img[src], script[src]'), e => e.href || e.src),
                          ids: Array.from(document.querySelectorAll('[id]'), e => e.id)
                        };""");
                idsByPage.put(page, Set.copyOf(found.get("ids")));
                for (String target : found.get("targets")) {
                    URI uri = URI.create(target);
                    if (!sameOrigin(uri)) continue;
                    URI file = withoutFragment(uri);
                    int code = status.computeIfAbsent(file, u -> head(http, u));
                    if (code != 200) broken.add(page + " -> " + target + " (" + code + ")");
                    if (uri.getFragment() != null && !uri.getFragment().isEmpty()) linksToIds.add(new LinkToId(page, file, uri.getFragment()));
                    if (code == 200 && file.getPath().startsWith(versionRoot.getPath()) && file.getPath().endsWith(".html") && seen.add(file)) {
                        queue.add(file);
                    }
                }
            }
        }
        for (LinkToId link : linksToIds) {
            Set<String> ids = idsByPage.get(link.target());
            if (ids != null && !ids.contains(link.id())) broken.add(link.from() + " -> " + link.target() + "#" + link.id() + " (no such id)");
        }
        assertTrue(idsByPage.size() > CLOUDS.size() * 10, "crawled only " + idsByPage.size() + " pages");
        assertEquals(List.of(), List.copyOf(broken));
    }

    private record LinkToId(URI from, URI target, String id) {
    }

    // ---------------------------------------------------------------- helpers

    /** Where words beginning with {@code prefix} are, as search.js looks for them: "title of X", "description of X", "body of X". */
    static List<String> whereWordsBeginWith(String prefix, List<Map<String, Object>> index) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> entry : index) {
            for (String[] field : List.of(new String[] {"t", "title"}, new String[] {"d", "description"}, new String[] {"b", "body"})) {
                if (words((String) entry.get(field[0])).stream().anyMatch(w -> w.startsWith(prefix))) {
                    found.add(field[1] + " of " + entry.get("t"));
                }
            }
        }
        return found;
    }

    /** The words of a text as search.js splits them: lower case, accents removed, split at anything but letters and digits. */
    static List<String> words(String text) {
        String plain = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKD)
                .replaceAll("[\\u0300-\\u036f]", "").toLowerCase(Locale.ROOT);
        return Stream.of(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String path(String cloud, String page) {
        return "/" + cloud + "/" + VERSION + "/" + page;
    }

    /** Opens a page of a cloud's current version, waits for it to load, and saves a screenshot when named. */
    private static void open(String cloud, String page, String screenshotName) {
        browser.get(server.baseUri().resolve(path(cloud, page)).toString());
        waitForPage(screenshotName);
    }

    private static void waitForPage(String screenshotName) {
        new WebDriverWait(browser, WAIT).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (screenshotName != null) screenshot(screenshotName);
    }

    private static void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SEVERE browser console entries logged while {@code visit} ran (errors, uncaught exceptions, failed loads). */
    private static List<String> severeConsoleEntries(Runnable visit) {
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        visit.run();
        // Wait for the switcher's fetch of versions.json, the page's last request.
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.cssSelector(".version-switcher .switcher-tag")).isEmpty());
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    private static Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    private static boolean inViewport(WebElement e) {
        return Boolean.TRUE.equals(js("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", e));
    }

    private static boolean sameOrigin(URI uri) {
        URI base = server.baseUri();
        return "http".equals(uri.getScheme()) && base.getHost().equals(uri.getHost()) && base.getPort() == uri.getPort();
    }

    private static URI withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? uri : URI.create(s.substring(0, hash));
    }

    private static int head(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every article of a cloud's search index as {t: title, s: service, k: kind, d: description, u: url, b: snippet source}. */
    private static List<Map<String, Object>> searchIndex(String cloud) {
        Path version = site.resolve(cloud).resolve(VERSION);
        Map<?, ?> head = (Map<?, ?>) call(version.resolve("search/index.js")).get(0);
        int pageSize = ((Number) head.get("pageSize")).intValue();
        int pages = (((Number) head.get("articles")).intValue() + pageSize - 1) / pageSize;
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 0; n < pages; n++) {
            for (Object row : (List<?>) call(version.resolve("search/m/" + n + ".js")).get(1)) {
                List<?> r = (List<?>) row;
                Map<String, Object> entry = new LinkedHashMap<>();
                for (int k = 0; k < 6; k++) entry.put(List.of("t", "s", "k", "d", "u", "b").get(k), r.get(k));
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The JSON arguments of the call an index file makes: {@code certdocsSearch.x(a,b);} gives [a, b]. */
    private static List<?> call(Path file) {
        try {
            String text = Files.readString(file);
            return (List<?>) new Json().toType("[" + text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')) + "]", List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> versions(String cloud) {
        Map<String, Object> doc = (Map<String, Object>) readJson(site.resolve(cloud).resolve("versions.json"), Map.class);
        return (List<Map<String, Object>>) doc.get("versions");
    }

    private static Object readJson(Path file, Class<?> type) {
        try {
            return new Json().toType(Files.readString(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
