package dev.certdocs.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser half of {@code bench/search.sh} (not a test: it prints figures). Serves a generated
 * site on 127.0.0.1, and in headless Chromium, with the HTTP cache off so that each query starts
 * cold: for each typical query, the bytes of index files fetched (certdocs: {@code search/} and
 * {@code assets/search.js}; Pagefind: everything under {@code pagefind/}) and the time from the
 * query being put in the box to the first result shown; for each title query, whether its
 * article is in the top 5.
 *
 * <p>{@code SearchBrowserBenchmark <site root> <cloud/version> <typical.txt> <titles.txt> certdocs|pagefind}
 */
public final class SearchBrowserBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private SearchBrowserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        String version = args[1];
        List<String> typical = Files.readAllLines(Path.of(args[2]));
        List<String> titles = Files.readAllLines(Path.of(args[3]));
        String engine = args[4];
        Path profile = Files.createTempDirectory("certdocs-bench-chromium-");
        try (StaticSiteServer server = StaticSiteServer.start(root)) {
            ChromeDriver browser = HeadlessChromium.start(profile);
            try {
                browser.executeCdpCommand("Network.enable", Map.of());
                browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                String base = server.baseUri().resolve("/" + version + "/").toString();
                // Bytes are counted by the server, by path: Pagefind fetches its index from a web worker, which the page's
                // resource timing does not list.
                Engine e = engine.equals("pagefind") ? new Pagefind(browser, base, server) : new Certdocs(browser, base, server);
                e.query("warm up"); // the JVM, the browser and the server: not measured
                List<Double> bytes = new ArrayList<>();
                List<Double> millis = new ArrayList<>();
                for (String q : typical) {
                    Result r = e.query(q);
                    bytes.add((double) r.bytes());
                    millis.add(r.millis());
                }
                int hits = 0;
                int sameTitle = 0;
                for (String line : titles) {
                    String[] parts = line.split("\t");
                    Result r = e.query(parts[0]);
                    if (r.top5().stream().anyMatch(u -> u.endsWith("/" + parts[1]) || u.equals(parts[1]))) hits++;
                    if (r.top5Titles().contains(parts[2])) sameTitle++;
                }
                System.out.printf(Locale.ROOT, "%s.bytesPerQueryMedian=%.0f%n", engine, percentile(bytes, 50));
                System.out.printf(Locale.ROOT, "%s.bytesPerQueryP95=%.0f%n", engine, percentile(bytes, 95));
                System.out.printf(Locale.ROOT, "%s.firstResultMsMedian=%.1f%n", engine, percentile(millis, 50));
                System.out.printf(Locale.ROOT, "%s.firstResultMsP95=%.1f%n", engine, percentile(millis, 95));
                System.out.printf(Locale.ROOT, "%s.top5Share=%.3f%n", engine, hits / (double) titles.size());
                System.out.printf(Locale.ROOT, "%s.top5SameTitleShare=%.3f%n", engine, sameTitle / (double) titles.size());
            } finally {
                browser.quit();
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    record Result(long bytes, double millis, List<String> top5, List<String> top5Titles) {
    }

    interface Engine {
        Result query(String q);
    }

    /** The theme's search page: the query set in the box as one input event, timed to the first result element. */
    private record Certdocs(ChromeDriver browser, String base, StaticSiteServer server) implements Engine {
        @Override
        public Result query(String q) {
            server.takeSent();
            browser.get(base + "search.html");
            new WebDriverWait(browser, WAIT).until(d -> !String.valueOf(browser.executeScript(
                    "return document.getElementById('search-status').textContent")).startsWith("Loading"));
            Object ms = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const q = arguments[0];
                    const results = document.getElementById('search-results');
                    const status = document.getElementById('search-status');
                    let first = -1;
                    const t0 = performance.now();
                    const check = () => {
                      if (first < 0 && results.querySelector('.search-result')) first = performance.now() - t0;
                      if (status.textContent.indexOf('\\u201c' + q + '\\u201d') >= 0) { observer.disconnect(); done(first); }
                    };
                    const observer = new MutationObserver(check);
                    observer.observe(document.body, {childList: true, subtree: true, characterData: true});
                    const box = document.getElementById('search-q');
                    box.value = q;
                    box.dispatchEvent(new Event('input', {bubbles: true}));
                    """, q);
            // The snippet texts a result may load after it is shown.
            browser.executeScript("return new Promise(r => setTimeout(r, 100));");
            return new Result(bytes(server, "/search/", "/assets/search.js"), ((Number) ms).doubleValue(), top5("getAttribute('href')"),
                    top5("textContent"));
        }


        @SuppressWarnings("unchecked")
        private List<String> top5(String what) {
            return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                    + "'#search-results .search-result-title')).slice(0, 5).map(a => a." + what + ");");
        }
    }

    /** Pagefind's JS API on the site's home page: search, then the first result's data (what its UI shows first). */
    private record Pagefind(ChromeDriver browser, String base, StaticSiteServer server) implements Engine {
        @Override
        @SuppressWarnings("unchecked")
        public Result query(String q) {
            server.takeSent();
            browser.get(base + "index.html");
            Map<String, Object> r = (Map<String, Object>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      // Loaded and initialised first, as certdocs' entry file is loaded with the page.
                      const pf = await import('./pagefind/pagefind.js');
                      await pf.init();
                      const t0 = performance.now();
                      const search = await pf.search(arguments[0]);
                      if (search.results.length > 0) await search.results[0].data();
                      const ms = performance.now() - t0;
                      const top = await Promise.all(search.results.slice(0, 5).map(x => x.data()));
                      // The rest of a first page of results (10), as a results list shows them.
                      await Promise.all(search.results.slice(5, 10).map(x => x.data()));
                      done({ms: ms, top: top.map(d => d.url), titles: top.map(d => d.meta.title)});
                    })().catch(e => done({ms: -1, top: [], error: String(e)}));
                    """, q);
            if (r.containsKey("error")) throw new IllegalStateException("pagefind: " + r.get("error"));
            if (Boolean.getBoolean("certdocs.bench.debug")) {
                System.err.println(browser.executeScript("return performance.getEntriesByType('resource')"
                        + ".map(e => e.name + ' ' + e.encodedBodySize + ' ' + e.transferSize + ' ' + e.decodedBodySize).join('\\n');"));
            }
            return new Result(bytes(server, "/pagefind/"), ((Number) r.get("ms")).doubleValue(), (List<String>) r.get("top"),
                    (List<String>) r.get("titles"));
        }
    }

    /** The bytes the server sent since the page was asked for, for paths holding one of {@code parts}. */
    static long bytes(StaticSiteServer server, String... parts) {
        long sum = 0;
        for (var e : server.takeSent().entrySet()) {
            for (String p : parts) {
                if (e.getKey().contains(p)) {
                    sum += e.getValue();
                    break;
                }
            }
        }
        return sum;
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int k = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }
}
