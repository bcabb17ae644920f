package dev.certdocs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The air-gapped check's attribute scanner finds exactly what the pattern it replaced found. */
class BundlesUrlAttributesTest {

    private static final Pattern WAS = Pattern.compile(
            "\\b(?:src|href|srcset|poster|action|data|content)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    @Test
    void findsTheQuotedValuesOfUrlAttributesAsThePatternDid() {
        for (String html : List.of(
                "<a href=\"https://a.example/\">x</a><img SRC = 'https://b.example/i.png' srcset=\"a.png 1x, https://c.example/b.png 2x\">",
                "<meta content=\"a href='https://hidden.example'\"><p>src=\"not a tag\" x</p>",
                "<img data-src=\"https://d.example\" xsrc=\"https://no.example\" ésrc=\"https://no2.example\" src=unquoted>",
                "<a href=\"unclosed><a href='https://e.example'>", "<form action\n=\n\"https://f.example/post\">", "=", "", "src=",
                "<a HREF=\"https://i.example\" actİon=\"https://no4.example\" Data=\"https://j.example\" cONTENT='https://k.example'>",
                "<object data='https://g.example/o'><video poster=\"https://h.example/p.jpg\"><a hrefx=\"https://no3.example\">")) {
            List<String> expected = new ArrayList<>();
            Matcher m = WAS.matcher(html);
            while (m.find()) expected.add(m.group(1) != null ? m.group(1) : m.group(2));
            List<String> found = new ArrayList<>();
            Bundles.urlAttributes(html, found);
            assertEquals(expected, found, html);
        }
    }

    @Test
    void onlyTheValuesThatHoldTwoSlashesAreTheValuesThatHoldThemInTheScanOfAll() {
        String[] pieces = {"<a href=\"", "<img SRC = '", " srcset=\"", "content='", "\"", "'", "//", "/", "https:", "=",
            "x", " ", "\n", "é", "\uD83D\uDE00", ">", "data=\"//cdn.example\"", "href='a/b'", "class=\"c//d\""};
        java.util.Random random = new java.util.Random(16);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
            String html = sb.toString();
            List<String> all = new ArrayList<>();
            Bundles.urlAttributes(html, all);
            List<String> absolute = new ArrayList<>();
            Bundles.urlAttributes(html, absolute, true);
            assertEquals(all.stream().filter(v -> v.contains("//")).toList(), absolute, html);
        }
    }

    @Test
    void theFirstTokenIsWhatSplittingAtWhitespaceGave() {
        for (String s : List.of("", "a", "a b", "https://x.example/a.png 2x", "a\tb", "a\n\nb c", "ab\u000Bc", "a\u00A0b")) {
            assertEquals(s.split("\\s+")[0], Bundles.firstToken(s), s);
        }
    }
}
