package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;

/**
 * One paragraph of 400 KB made of one inline construct repeated: each is rendered in time that
 * grows with its length (the timeout only guards against a hang: flexmark alone took 4–10 s for
 * 80 KB of most of these, so minutes for 400 KB), and every repetition is still there in the HTML.
 */
class HostileParagraphsTest {

    private static final MarkdownHtml MARKDOWN = new MarkdownHtml();

    @ParameterizedTest
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'x&amp; '|&amp;",
        "'[a](b) '|<a href=\"b\">a</a>",
        "'<b>x</b> '|<b>x</b>",
        "'`c` '|<code>c</code>",
        "'[r] '|<a href=\"https://u.example/\">r</a>",
        "'![i](j) '|<img src=\"j\" alt=\"i\" />",
        "'<http://a.b> '|<a href=\"http://a.b\">http://a.b</a>",
        "'&#64;&#58;//&#119;ww. '|@://www. ",
        "'a\\@b '|a@b",
        "'x www.a.b '|<a href=\"http://www.a.b\">www.a.b</a>",
    })
    void aLongParagraphOfOneConstructIsReadInOnePass(String unit, String rendered) {
        int times = 400_000 / unit.length();
        long start = System.nanoTime();
        String html = MARKDOWN.render(unit.repeat(times) + "\n\n[r]: https://u.example/\n");
        System.out.printf("%-24s %,d characters: %.0f ms%n", unit, times * unit.length(), (System.nanoTime() - start) / 1e6);
        Matcher m = Pattern.compile(Pattern.quote(rendered)).matcher(html);
        int found = 0;
        while (m.find()) found++;
        assertEquals(times, found, unit);
    }
}
