package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.Cloud;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The air-gapped check of pages (issue 16, point 15) against the plain way it replaces, kept here
 * as {@link #reference}: the pattern for the URL attributes, {@code split(",")} for a srcset's
 * parts, a matcher for each URL's host, and the article's own references taken away one by one.
 * Random pages are made of the pieces a template and an article write (every URL attribute, either
 * quote, unclosed values, srcset lists, entities, hosts inside and outside the cloud, other
 * scripts), with the article's HTML in them once, twice, not at all, inside an attribute, or empty.
 */
class AirGapCheckScanTest {

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\b(?:src|href|srcset|poster|action|data|content)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)|@import\\s+['\"]([^'\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)?//([^/?#:]+)", Pattern.CASE_INSENSITIVE);
    private static final Cloud USNAT = new Cloud("usnat", "Azure US Secret (usnat)",
            Map.of("portalUrl", "https://portal.usnat.example", "docsUrl", "https://docs.usnat.example"),
            List.of(), true, List.of("*.allowed.example", "cdn.usnat.example"), false);
    private static final List<String> SITE = List.of("support.example");

    private static final String[] URLS = {"https://outside.example/a", "HTTPS://Outside.Example/b?x=1&amp;y=2",
        "//cdn.outside.example/c.js", "http://outside.example:8080/d", "https://portal.usnat.example/e",
        "https://docs.usnat.example", "https://x.allowed.example/f", "https://cdn.usnat.example/g.png",
        "https://support.example/usnat/1.0.0/a.html", "../assets/site.js", "#main", "mailto:a@outside.example",
        "tel:+1", "a.png 1x, https://outside.example/b.png 2x", "https://outside.example/c.png 2x,", ",", " , ,",
        "https://outside.example/é", "https://[::1]/h", "https://bad host.example/i", "ftp://files.outside.example/j",
        "data:text/plain,x//y", "x //outside.example/k", "", " ", "https://outside.example/a", "//", "https:///l"};
    private static final String[] NAMES = {"href", "src", "srcset", "poster", "action", "data", "content", "HREF",
        "Src", "data-src", "xsrc", "ésrc", "actİon", "class", "id", "d", "aria-hidden", "hrefx"};
    private static final String[] TEXT = {"<p>", "</p>", "<a ", ">", " ", "\n", "=", "\"", "'", "text", "é", "日本",
        "\uD83D\uDE00", "<code>x=\"</code>", "don't", "<!-- href=\"https://outside.example/comment\" -->", "&quot;", "//"};

    /** What the check reported for a page before point 15: the page's references less the article's, one by one. */
    private static List<String> reference(String path, String text, String content) {
        List<String> found = referenceReferences(path, text);
        if (!found.isEmpty() && !content.isEmpty()) {
            for (String own : referenceReferences(path, content)) found.remove(own);
        }
        return found;
    }

    private static List<String> referenceReferences(String page, String text) {
        List<String> problems = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        Matcher m = (page.toLowerCase(Locale.ROOT).endsWith(".html") ? ATTRIBUTE : CSS_URL).matcher(text);
        while (m.find()) urls.add(m.group(1) != null ? m.group(1) : m.group(2));
        for (String url : urls) {
            if (url == null) continue;
            for (String part : url.split(",")) {
                String u = part.strip().split("\\s+")[0];
                String host = referenceHost(u);
                if (host != null && !USNAT.reaches(host) && SITE.stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
                    problems.add(page + ": " + u);
                }
            }
        }
        return problems;
    }

    private static String referenceHost(String url) {
        String u = url.replace("&amp;", "&").strip();
        if (u.regionMatches(true, 0, "mailto:", 0, 7) || u.regionMatches(true, 0, "tel:", 0, 4)) return null;
        Matcher m = ABSOLUTE.matcher(u);
        if (!m.find()) return null;
        try {
            String h = new URI(u.startsWith("//") ? "https:" + u : u).getHost();
            return h == null ? m.group(1) : h;
        } catch (URISyntaxException e) {
            return m.group(1);
        }
    }

    private static List<String> checked(String path, String text, String content) {
        return AirGapCheck.outside(path, text, content, USNAT, SITE);
    }

    /** Some HTML as a template or an article writes it, with attributes that hold URLs and others, well formed or not. */
    private static String html(Random random, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> {
                    String quote = random.nextInt(5) == 0 ? "'" : "\"";
                    String space = random.nextInt(6) == 0 ? " \n" : "";
                    sb.append('<').append(random.nextBoolean() ? "a" : "img").append(' ')
                            .append(NAMES[random.nextInt(NAMES.length)]).append(space).append('=').append(space).append(quote)
                            .append(URLS[random.nextInt(URLS.length)]);
                    if (random.nextInt(15) != 0) sb.append(quote); // now and then unclosed
                    sb.append('>');
                }
                case 3 -> sb.append("<span class=\"c\" aria-hidden=\"true\">").append(TEXT[random.nextInt(TEXT.length)])
                        .append("</span>");
                default -> sb.append(TEXT[random.nextInt(TEXT.length)]);
            }
        }
        return sb.toString();
    }

    @Test
    void randomPagesReportWhatThePlainWayReported() {
        Random random = new Random(15);
        int withProblems = 0;
        for (int k = 0; k < 20_000; k++) {
            String body = random.nextInt(12) == 0 ? "" : html(random, random.nextInt(12));
            String before = html(random, random.nextInt(15));
            String after = html(random, random.nextInt(15));
            String page = switch (random.nextInt(8)) {
                case 0 -> before + after;                                                // the body absent
                case 1 -> before + body + html(random, 3) + body + after;                // twice
                case 2 -> before + "<meta content=\"" + body + "\">" + after;           // inside an attribute
                case 3 -> before + "<a href='" + body + after;                          // inside an unclosed value
                case 4 -> before + "href=" + body + "\"" + after;                      // right after an '='
                case 5 -> before + "<div data-page=\"" + body + "\" src=\"" + after;  // and before an unclosed one
                default -> before + "<div class=\"article-body\">\n" + body + "\n</div>" + after;
            };
            String path = random.nextInt(10) == 0 ? "a/PAGE.HTML" : random.nextInt(10) == 0 ? "assets/x.css" : "a/page.html";
            List<String> expected = reference(path, page, body);
            if (!expected.isEmpty()) withProblems++;
            assertEquals(expected, checked(path, page, body), () -> path + "\n" + page + "\n--- body:\n" + body);
        }
        assertTrue(withProblems > 2_000, "the pages hit outside hosts often enough: " + withProblems);
    }

    @Test
    void aTemplateThatWritesTheArticlesUrlOnceMoreIsCaught() {
        String body = "<p><a href=\"https://outside.example/a\">a</a></p>";
        String page = "<a href=\"https://outside.example/a\">again</a><div>" + body + "</div>";
        assertEquals(List.of("a.html: https://outside.example/a"), checked("a.html", page, body));
        assertEquals(List.of(), checked("a.html", "<div>" + body + "</div>", body));
    }

    @Test
    void theEdgeCasesOfTheArticlesHtml() {
        String body = "<p><a href=\"https://outside.example/a\">a</a> <img src='//cdn.outside.example/b.png'></p>";
        for (String page : List.of(
                "<html>" + body + "</html>",                                                    // once
                "<html>" + body + body + "</html>",                                             // twice
                "<html>" + "<a href=\"https://portal.usnat.example\">p</a></html>",           // absent
                "<meta content=\"" + body + "\">",                                              // inside an attribute
                "<meta content='" + body + "'>",
                "<a href=\"" + body,                                                            // inside an unclosed value
                body.substring(0, 20) + body.substring(20),                                     // the same text, one string
                "")) {
            for (String content : List.of(body, "", "<p>", "href=\"https://outside.example/a\"", "\"")) {
                assertEquals(reference("p.html", page, content), checked("p.html", page, content), page + " / " + content);
            }
        }
    }

    @Test
    void srcsetPartsAndTheirTrailingCommasAreReadAsSplitReadThem() {
        String page = "<img srcset=\"a.png 1x, https://outside.example/b.png 2x,, ,\"><img srcset=\",https://outside.example/c.png\">";
        assertEquals(List.of("p.html: https://outside.example/b.png", "p.html: https://outside.example/c.png"),
                checked("p.html", page, ""));
        assertEquals(reference("p.html", page, ""), checked("p.html", page, ""));
    }
}
