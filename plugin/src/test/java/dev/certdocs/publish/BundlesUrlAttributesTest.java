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

    @Test
    void theScanOfTheBytesFindsWhatTheScanOfTheCharactersFound() {
        // Non-ASCII characters right before a name: letters (é, ª, µ), a symbol whose last UTF-8
        // byte reads as a Latin-1 letter (∪ ends in 0xAA), a character beyond U+FFFF.
        String[] pieces = {"<a href=\"", "<img SRC = '", "srcset=\"", "content='", "\"", "'", "//", "/", "https://h.example",
            "=", "x", " ", "\n", "é", "ª", "µ", "∪", "İ", "\uD83D\uDE00", "\uD835\uDC9C", ">", "href", "src", "data=\"//cdn.example\"",
            "\u00A0", "\t", "_"};
        java.util.Random random = new java.util.Random(24);
        for (int k = 0; k < 50_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
            String html = sb.toString();
            for (boolean absoluteOnly : new boolean[] {false, true}) {
                List<String> before = new ArrayList<>();
                urlAttributesAsBefore(html, before, absoluteOnly);
                List<String> now = new ArrayList<>();
                Bundles.urlAttributes(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), now, absoluteOnly);
                assertEquals(before, now, html);
            }
        }
    }

    /** The scan as it read a page's characters before it read its bytes (issue 16, point 24). */
    private static void urlAttributesAsBefore(String text, List<String> out, boolean absoluteOnly) {
        int n = text.length();
        int from = 0;
        // The first '/' after the opening quote of the last value looked at, or a later one with
        // none between (-1 before the first value and once none is left).
        int slash = -1;
        while (true) {
            int eq = text.indexOf('=', from);
            if (eq < 0) return;
            from = eq + 1;
            int nameEnd = eq;
            while (nameEnd > 0 && isSpaceAsBefore(text.charAt(nameEnd - 1))) nameEnd--;
            int nameStart = nameEnd;
            while (nameStart > 0 && isWordAsBefore(text.charAt(nameStart - 1))) nameStart--;
            if (nameStart == nameEnd || !isUrlAttributeAsBefore(text, nameStart, nameEnd)) {
                continue;
            }
            int q = eq + 1;
            while (q < n && isSpaceAsBefore(text.charAt(q))) q++;
            if (q >= n || (text.charAt(q) != '"' && text.charAt(q) != '\'')) continue;
            int close = text.indexOf(text.charAt(q), q + 1);
            if (close < 0) continue;
            if (absoluteOnly) {
                // From one '/' to the next (in HTML never far: "</" closes most elements), not
                // the whole text for the next "//"; the cursor only moves forward.
                if (slash <= q) slash = text.indexOf('/', q + 1);
                while (slash >= 0 && slash + 1 < close && text.charAt(slash + 1) != '/') {
                    slash = text.indexOf('/', slash + 2);
                }
                if (slash < 0) return; // no "//" in this value or any later one
                if (slash + 1 >= close) { // no "//" inside this value
                    from = close + 1;
                    continue;
                }
            }
            out.add(text.substring(q + 1, close));
            from = close + 1;
        }
    }
    private static boolean isUrlAttributeAsBefore(String text, int start, int end) {
        int length = end - start;
        if (length < 3 || length > 7) return false;
        for (String name : new String[] {"src", "href", "srcset", "poster", "action", "data", "content"}) {
            if (name.length() != length) continue;
            int i = 0;
            while (i < length) {
                char c = text.charAt(start + i);
                if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
                if (c != name.charAt(i)) break;
                i++;
            }
            if (i == length) return true;
        }
        return false;
    }

    private static boolean isSpaceAsBefore(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isWordAsBefore(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
