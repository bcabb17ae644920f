package dev.certdocs.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's Chromium, headless, driven through Debian's chromedriver; the browser console is recorded. */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** Starts a browser with its profile in {@code profile}; fails with the install line when Chromium is missing. */
    static ChromeDriver start(Path profile) {
        Path chromium = Path.of(System.getProperty("certdocs.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("certdocs.chromedriver", "/usr/bin/chromedriver"));
        for (Path p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " not found. The browser tests use Debian's Chromium and its driver:"
                        + " apt-get install chromium chromium-driver (listed in .ci/packages; .ci/run installs them).");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        // The driver is given explicitly, so Selenium Manager never runs (it would try to download one).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * What every browser test does after its last test: quits the browser, then closes the
     * servers and deletes the folders (the profile first), each even when an earlier step failed.
     */
    static void stop(ChromeDriver browser, List<? extends AutoCloseable> servers, Path... folders) throws IOException {
        try {
            if (browser != null) browser.quit();
        } finally {
            try {
                for (AutoCloseable server : servers) {
                    if (server == null) continue;
                    try {
                        server.close();
                    } catch (Exception e) {
                        throw new IOException("cannot stop a test server: " + e.getMessage(), e);
                    }
                }
            } finally {
                for (Path folder : folders) deleteTree(folder);
            }
        }
    }

    /** Deletes a folder and everything in it; nothing when it is null or gone. */
    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
