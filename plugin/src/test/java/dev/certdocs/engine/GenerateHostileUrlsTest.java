package dev.certdocs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.testing.ArticleText;
import dev.certdocs.testing.ContentRepo;
import dev.certdocs.testing.GeneratedSite;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site generated from hostile articles (script URLs hidden behind percent-encoding, entities,
 * control characters, reference links, images, {@code srcset}; an article file and a service
 * whose names read as a scheme) holds no URL a browser would run, in any file: every URL
 * attribute of every page, the sitemap and the JSON files are scanned. The check here is the
 * browser's own reading of a URL, written apart from the generator's allow-list.
 */
class GenerateHostileUrlsTest {

    static final String HOSTILE_BODY = """

            # Hostile links

            [percent](javascript%3aalert(1)) [upper](JAVASCRIPT%3Aalert(2)) [data](data%3Atext/html;base64,PHNjcmlwdD4=)
            [vb](vbscript%3Amsgbox(3)) [plain](javascript:alert(4)) [entity](&#106;avascript:alert(5))
            [tab](java&#9;script:alert(6)) [colon](javascript&colon;alert(7)) [double](javascript%253Aalert(8))
            [reference][r1] and ![image](javascript%3Aalert(9)) and ![svg](data:image/svg+xml;base64,PHN2Zz4=)
            <javascript:alert(10)> and [space]( javascript:alert(11))

            <a href="javascript&#x3A;alert(12)">raw entity</a> <a href="javascript%3Aalert(13)">raw percent</a>
            <a href=" &#1;javascript:alert(14)">raw control</a> <img src="data%3Atext/html,x" alt="x">
            <picture><source srcset="javascript:alert(15) 1x, media/ok.png 2x"></picture>
            <video src="javascript:alert(16)" poster="javascript:alert(17)"></video>
            <blockquote cite="javascript:alert(18)">quoted</blockquote>
            <a href="ftp://example.com/file">ftp</a> <a href="file:///etc/passwd">file</a>

            [Allowed](https://learn.microsoft.com) [mail](mailto:help@contoso.com) [call](tel:+1-555-0100)
            ![pixel](data:image/png;base64,iVBORw0KGgo=) [Colon page](../javascript:alert(document.domain).md)

            [r1]: javascript%3Aalert(19)
            """;

    @TempDir
    static Path dir;
    static GeneratedSite site;

    @BeforeAll
    static void generate() {
        ContentRepo repo = ContentRepo.in(dir)
                .file("articles/compute/hostile.md", ArticleText.generic("hostile").body(HOSTILE_BODY))
                .file("articles/javascript:alert(document.domain).md", ArticleText.generic("colon-path")
                        .body("\n# A file name that reads as a scheme\n\nText.\n"))
                .file("articles/colon-service.md", ArticleText.generic("colon-service").set("service", "javascript:alert(1)")
                        .body("\n# A service that reads as a scheme\n\nText.\n"));
        // The colon path and service are validation errors: rendering them needs force.
        GenerateResult result = repo.generate(b -> b.force(true));
        assertFalse(result.failed(), result.reason());
        site = GeneratedSite.at(repo.siteDirectory());
    }

    @Test
    void noFileOfTheSiteHoldsAUrlABrowserWouldRun() throws IOException {
        List<String> bad = new ArrayList<>();
        List<String> files = site.files();
        assertTrue(files.contains("public/1.0.0/javascript:alert(document.domain).html"), files.toString());
        for (String path : files) {
            if (path.endsWith(".html")) {
                for (Element e : site.page(path).getAllElements()) {
                    for (Attribute a : e.attributes()) {
                        for (String url : urlsOf(a.getKey(), a.getValue())) {
                            if (!safe(url)) bad.add(path + ": <" + e.tagName() + " " + a.getKey() + "=\"" + a.getValue() + "\">");
                        }
                    }
                }
            } else if (path.endsWith(".xml")) {
                for (Element loc : Jsoup.parse(site.text(path), "", Parser.xmlParser()).select("loc")) {
                    if (!safe(loc.text())) bad.add(path + ": <loc>" + loc.text() + "</loc>");
                }
            } else if (path.endsWith(".json")) {
                jsonUrls(new ObjectMapper().readTree(site.text(path)), path, bad);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void keepsTheAllowedUrls() {
        Document page = site.page("public/1.0.0/compute/hostile.html");
        List<String> hrefs = page.select("main a[href]").eachAttr("href");
        assertTrue(hrefs.contains("https://learn.microsoft.com"), hrefs.toString());
        assertTrue(hrefs.contains("mailto:help@contoso.com"), hrefs.toString());
        assertTrue(hrefs.contains("tel:+1-555-0100"), hrefs.toString());
        assertTrue(hrefs.contains("../javascript:alert(document.domain).html"), hrefs.toString());
        assertTrue(page.select("main img").eachAttr("src").contains("data:image/png;base64,iVBORw0KGgo="));
    }

    @Test
    void linksAPageWhoseNameReadsAsASchemeWithADotSlash() {
        Document home = site.page("public/1.0.0/index.html");
        List<String> hrefs = home.select("main a[href]").eachAttr("href");
        assertTrue(hrefs.contains("./javascript:alert(document.domain).html"), hrefs.toString());
        assertTrue(hrefs.contains("./javascript:alert(1)/index.html"), hrefs.toString());
        Document own = site.page("public/1.0.0/javascript:alert(document.domain).html");
        assertEquals("./javascript:alert(document.domain).html", own.selectFirst(".cloud-switcher a[aria-current]").attr("href"));
    }

    /** The URLs an attribute holds: one for most, each candidate of a srcset, the url= of a meta refresh. */
    private static List<String> urlsOf(String attribute, String value) {
        String name = attribute.toLowerCase(Locale.ROOT);
        switch (name) {
            case "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data", "background", "data-versions-url",
                 "data-index-url" -> {
                return List.of(value);
            }
            case "srcset" -> {
                List<String> out = new ArrayList<>();
                for (String candidate : value.split(",")) {
                    String c = candidate.strip();
                    if (!c.isEmpty()) out.add(c.split("\\s+")[0]);
                }
                return out;
            }
            case "content" -> {
                Matcher m = Pattern.compile("(?i)url\\s*=\\s*(.*)").matcher(value);
                return m.find() ? List.of(m.group(1)) : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    private static void jsonUrls(JsonNode node, String path, List<String> bad) {
        if (node.isArray()) {
            node.forEach(n -> jsonUrls(n, path, bad));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && List.of("u", "url", "href").contains(e.getKey())
                        && !safe(e.getValue().asText())) {
                    bad.add(path + ": \"" + e.getKey() + "\": \"" + e.getValue().asText() + "\"");
                }
                jsonUrls(e.getValue(), path, bad);
            }
        }
    }

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    /**
     * How a browser reads the URL (leading and trailing C0 controls and spaces stripped, tabs and
     * line breaks removed), and, stricter, the same after percent-decoding: no scheme but
     * http, https, mailto, tel and raster-image data; and no relative URL whose first segment holds a ':'.
     */
    static boolean safe(String url) {
        String read = url.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        String decoded = read;
        for (int i = 0; i < 3 && decoded.contains("%"); i++) {
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8).replaceAll("[\\x00-\\x20]", "");
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        return allowed(read) && allowed(decoded);
    }

    private static boolean allowed(String url) {
        Matcher m = SCHEME.matcher(url);
        if (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (scheme.equals("data")) return url.toLowerCase(Locale.ROOT).matches("data:image/(png|gif|jpeg|webp)[;,].*");
            return List.of("http", "https", "mailto", "tel").contains(scheme);
        }
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return url.substring(0, end).indexOf(':') < 0;
    }
}
