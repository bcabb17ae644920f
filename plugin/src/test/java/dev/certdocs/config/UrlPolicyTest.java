package dev.certdocs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one URL allow-list: what it refuses however it is disguised, what it lets through, and relative page URLs. */
class UrlPolicyTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            javascript:alert(1)                        | a javascript: URL
            JavaScript:alert(1)                        | a javascript: URL
            javascript%3aalert(1)                      | a javascript: URL
            javascript%3Aalert(1)                      | a javascript: URL
            javascript%253Aalert(1)                    | a javascript: URL
            %6A%61%76%61%73%63%72%69%70%74:alert(1)    | a javascript: URL
            &#106;avascript:alert(1)                   | a javascript: URL
            &#x6A;avascript:alert(1)                   | a javascript: URL
            &#0000106avascript:alert(1)                | a javascript: URL
            javascript&colon;alert(1)                  | a javascript: URL
            javascript&#58;alert(1)                    | a javascript: URL
            java&Tab;script:alert(1)                   | a javascript: URL
            java&#9;script:alert(1)                    | a javascript: URL
            "java\tscript:alert(1)"                    | a javascript: URL
            "java\nscript:alert(1)"                    | a javascript: URL
            "\u0001 javascript:alert(1)"               | a javascript: URL
            " \u0000javascript:alert(1)"               | a javascript: URL
            "javascript\u0000:alert(1)"                | a javascript: URL
            %20javascript:alert(1)                     | a javascript: URL
            &amp;#106;avascript:alert(1)               | a javascript: URL
            vbscript:msgbox(1)                         | a vbscript: URL
            VBScript%3Amsgbox(1)                       | a vbscript: URL
            data:text/html;base64,PHNjcmlwdD4=         | a data: URL
            data%3Atext/html,<script>alert(1)</script> | a data: URL
            DATA:text/html,x                           | a data: URL
            data:image/png;base64,iVBORw0KGgo=         | a data: URL
            file:///etc/passwd                         | a file: URL
            ftp://example.com/x                        | a ftp: URL
            C:\\Windows\\x.png                         | a c: URL
            %25252525252525253A                        | a URL encoded 4 times over
            """)
    void refusesALinkTo(String url, String why) {
        assertEquals(why, UrlPolicy.refusal(unescape(url), false), url);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"https://learn.microsoft.com/a?b=c#d", "HTTP://example.com", "mailto:help@contoso.com",
            "tel:+1-555-0100", "compute/x.html", "../x.html#a", "#section", "?q=1", "/root/x.html", "//cdn.example.com/x.js",
            "./javascript:alert(1).html", "../javascript:alert(1).html", "1x:y", "a/b:c", "", "my%20file.html",
            "{{cloud.portalUrl}}/x"})
    void letsThroughALinkTo(String url) {
        assertNull(UrlPolicy.refusal(url, false), url);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            data:image/png;base64,iVBORw0KGgo=      |
            DATA:IMAGE/JPEG;base64,/9j/             |
            data:image/webp,x                       |
            data:image/svg+xml;base64,PHN2Zz4=      | a data: URL
            data:image/svg+xml,<svg onload=alert(1)> | a data: URL
            data%3Aimage/svg+xml,x                  | a data: URL
            data:text/html;base64,PHNjcmlwdD4=      | a data: URL
            javascript:alert(1)                     | a javascript: URL
            media/x.png                             |
            """)
    void letsThroughOnlyRasterDataInAnImage(String url, String why) {
        assertEquals(why, UrlPolicy.refusal(url, true), url);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            data-blade:Microsoft_Azure_Compute.VirtualMachinesBlade |
            button-link:https://portal.azure.com                     |
            button-link:javascript:alert(1)                          | a javascript: URL
            BUTTON-LINK:%6Aavascript:alert(1)                        | a javascript: URL
            """)
    void readsPortalLinksAsTheRendererWritesThem(String href, String why) {
        assertEquals(why, UrlPolicy.linkRefusal(href), href);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            compute/x.html                        | compute/x.html
            javascript:alert(document.domain).html | ./javascript:alert(document.domain).html
            tools:v2/guide.html                   | ./tools:v2/guide.html
            javascript%3Aalert(1).html            | ./javascript%3Aalert(1).html
            a/b:c.html                            | a/b:c.html
            ../x:y.html                           | ../x:y.html
            ./x:y.html                            | ./x:y.html
            x.html#a:b                            | x.html#a:b
            """)
    void writesARelativeUrlThatCouldReadAsASchemeWithADotSlash(String url, String written) {
        assertEquals(written, UrlPolicy.relative(url));
        assertNull(UrlPolicy.refusal(UrlPolicy.relative(url), false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "a.png 1x, b.png 2x"                               | a.png b.png
            "data:image/png;base64,iVBO,RK 1x, c.png 2x"       | data:image/png;base64,iVBO,RK c.png
            "  a.png,b.png,  "                                 | a.png,b.png
            "a.png (max-width: 10px, 2x) 100w, javascript:x 2x" | a.png javascript:x
            """)
    void readsTheUrlsOfASrcset(String srcset, String urls) {
        assertEquals(List.of(urls.split(" ")), UrlPolicy.srcsetUrls(srcset));
    }

    /** CSV cannot hold control characters: {@code \t}, {@code \n}, {@code \u0001} are written as escapes. */
    private static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\u0001", "\u0001").replace("\\u0000", "\u0000");
    }

    /** The hand-written scheme syntax reads as the pattern it replaced, on every short string of the characters that matter. */
    @org.junit.jupiter.api.Test
    void schemeNameIsThePatternsSyntax() {
        java.util.regex.Pattern scheme = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
        String alphabet = "aZ09+.-_:/ \u00e9";
        List<String> strings = new java.util.ArrayList<>(List.of(""));
        for (int length = 1; length <= 3; length++) {
            List<String> longer = new java.util.ArrayList<>();
            for (String s : strings) {
                if (s.length() != length - 1) continue;
                for (char c : alphabet.toCharArray()) longer.add(s + c);
            }
            strings.addAll(longer);
        }
        strings.addAll(List.of("https", "HTTP", "mailto", "data-blade", "button-link", "x+y.z-1", "1http", "ht tp"));
        for (String s : strings) {
            assertEquals(scheme.matcher(s).matches(), UrlPolicy.isSchemeName(s), "'" + s + "'");
        }
    }
}
