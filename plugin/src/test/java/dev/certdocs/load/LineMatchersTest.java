package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.config.SchemaLoader;
import dev.certdocs.model.Body;
import dev.certdocs.model.HeadingIds;
import dev.certdocs.model.Properties;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The line tests written out by hand (setext underlines, fences, heading slugs) answer as the
 * patterns they replace, and the scanner's matchers, made once per scan and reset per line, find
 * on each line what a fresh matcher would, after whatever the line before left in them.
 */
class LineMatchersTest {

    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CLOUD_MARKER = Pattern.compile("^\\s*:::\\s*(cloud-end|cloud)(?![\\w-])(.*)$");
    private static final Pattern CLOUD_ATTR = Pattern.compile("(include|exclude)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private static String line(Random random, String alphabet, int maxLength) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(maxLength);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    @Test
    void readsSetextUnderlinesAsThePatternDoes() {
        Random random = new Random(21);
        for (int i = 0; i < 300_000; i++) {
            String line = line(random, "   \t==--=-x\r\u2028\u0085\u00a0", 10);
            Matcher m = SETEXT.matcher(line);
            int expected = !m.matches() ? 0 : m.group(1).charAt(0) == '=' ? 1 : 2;
            assertEquals(expected, BodyScanner.setextLevel(line), () -> "line '" + line + "'");
        }
        assertEquals(1, BodyScanner.setextLevel("   ===  \t"));
        assertEquals(2, BodyScanner.setextLevel("-"));
        assertEquals(0, BodyScanner.setextLevel("    ---"));
        assertEquals(0, BodyScanner.setextLevel("==-"));
        assertEquals(0, BodyScanner.setextLevel("---\r"));
    }

    @Test
    void findsFencesAsThePatternDoes() {
        Random random = new Random(22);
        for (int i = 0; i < 300_000; i++) {
            String line = line(random, "    ``````~~~~~~a\t\r", 12);
            Matcher m = FENCE.matcher(line);
            String expected = m.find() ? m.group(1) : null;
            assertEquals(expected, MarkdownDialect.fenceOpening(line), () -> "line '" + line + "'");
            String fence = random.nextBoolean() ? "```" : "~~~~";
            assertEquals(closesByPattern(line, fence), MarkdownDialect.closesFence(line, fence),
                    () -> "line '" + line + "' after " + fence);
        }
        assertEquals("````", MarkdownDialect.fenceOpening("   ````java"));
        assertNull(MarkdownDialect.fenceOpening("    ```"));
        assertTrue(MarkdownDialect.closesFence(" ~~~~~ \t\u2028", "~~~~"));
    }

    /** How closesFence read the line before: the run found again in the line, and the rest blank. */
    private static boolean closesByPattern(String line, String fence) {
        Matcher m = FENCE.matcher(line);
        if (!m.find()) return false;
        String run = m.group(1);
        if (run.charAt(0) != fence.charAt(0) || run.length() < fence.length()) return false;
        return line.substring(line.indexOf(run) + run.length()).isBlank();
    }

    @Test
    void readsCloudMarkersAsBeforeWithMatchersReusedFromLineToLine() {
        Random random = new Random(23);
        MarkdownDialect.Matchers matchers = new MarkdownDialect.Matchers();
        String[] parts = {"::: ", ":::", "cloud", "cloud-end", "cloud-x", " include=\"", " exclude = \"", "public, Fairfax",
                "\"", " ", "\t", "\r", "\u2028", "x", "clouds", "\u000B", "\f", "\n", "\u00A0"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(7);
            for (int k = 0; k < n; k++) s.append(parts[random.nextInt(parts.length)]);
            String line = s.toString();
            MarkdownDialect.CloudMarker expected = markerAsBefore(line);
            assertEquals(expected, MarkdownDialect.cloudMarker(line), () -> "line '" + line + "'");
            assertEquals(expected, matchers.cloudMarker(line), () -> "line '" + line + "'");
        }
        assertEquals(new MarkdownDialect.CloudMarker(true, true, List.of("usnat", "ussec"), true),
                matchers.cloudMarker("  :::   cloud   exclude=\"usnat, ussec\" include=\"public\""));
        assertEquals(new MarkdownDialect.CloudMarker(false, false, List.of(), false), matchers.cloudMarker("::: cloud-end"));
        assertNull(matchers.cloudMarker("::: clouds include=\"public\""));
    }

    /** The marker as the pattern read it, the attributes from the text after the marker copied out. */
    private static MarkdownDialect.CloudMarker markerAsBefore(String line) {
        if (line.indexOf(":::") < 0) return null;
        Matcher m = CLOUD_MARKER.matcher(line);
        if (!m.matches()) return null;
        if (m.group(1).equals("cloud-end")) return new MarkdownDialect.CloudMarker(false, false, List.of(), false);
        Matcher attr = CLOUD_ATTR.matcher(m.group(2));
        if (!attr.find()) return new MarkdownDialect.CloudMarker(true, false, List.of(), false);
        return new MarkdownDialect.CloudMarker(true, attr.group(1).equals("exclude"), Properties.splitList(attr.group(2)), true);
    }

    @Test
    void slugsHeadingsAsThePatternDoes() {
        Random random = new Random(24);
        String alphabet = "aZ09 -_.:'`?!()é\u0301\u00b2\u2160\u203f\u00a0\t\ud835\udc00\ud800\u4e2dÄ\u0130";
        for (int i = 0; i < 200_000; i++) {
            String text = line(random, alphabet, 14);
            String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
            String expected = DROPPED.matcher(lower).replaceAll("").replace(' ', '-');
            assertEquals(expected, HeadingIds.slug(text), () -> "text '" + text + "'");
        }
        assertEquals("whats-new-in-20", HeadingIds.slug("What's new in 2.0?"));
    }

    private static Body body(String body) {
        String text = "<properties pageTitle=\"T\" />\n" + body;
        return new ArticleLoader(Path.of("."), SchemaLoader.builtIn()).parse("articles/a.md", Path.of("a.md"), text)
                .article().body();
    }

    private static String show(Body b) {
        StringBuilder s = new StringBuilder();
        b.variables().forEach(v -> s.append("var ").append(v.name()).append(' ').append(v.position().line()).append('\n'));
        b.includes().forEach(v -> s.append("inc ").append(v.target()).append(' ').append(v.position().line()).append('\n'));
        b.images().forEach(v -> s.append("img ").append(v.source()).append(' ').append(v.position().line()).append('\n'));
        b.links().forEach(v -> s.append("link ").append(v.destination()).append(v.image() ? " image " : " ")
                .append(v.position().line()).append('\n'));
        b.cloudBlocks().forEach(v -> s.append("marker ").append(v.opening()).append(v.exclude()).append(v.clouds())
                .append(' ').append(v.position().line()).append('\n'));
        return s.toString();
    }

    @Test
    void findsOnEachLineWhatTheLineHoldsWhateverTheLineBeforeLeftInTheMatchers() {
        // Every line twice over: a matcher reset to the second copy must find what it found on the first, and a
        // line's leftovers (a match that ran to the line's end, a failed match, no match) must not reach the next.
        String lines = """
                Use {{cloud.a}} and {{ cloud.b }} then {{cloud.c}}
                [!INCLUDE [t](../includes/x.md)] text [!include[u](<y.md>)]
                ![alt](img.png) and ![ref][r] and ![bare] <https://a.example/p> <b>bold</b>
                [r]: images/r.png
                ::: cloud include="public, fairfax"
                [d]:
                  next-line.md
                ::: cloud-end
                {{cloud.only}} <mailto:x@y.example> ![x](
                  dest.png)
                """;
        String first = show(body(lines));
        assertEquals("""
                var a 2
                var b 2
                var c 2
                var only 10
                inc ../includes/x.md 3
                inc y.md 3
                img img.png 4
                img r 4
                img  10
                link img.png image 4
                link https://a.example/p 4
                link images/r.png image 5
                link next-line.md 8
                link mailto:x@y.example 10
                link dest.png image 11
                marker truefalse[public, fairfax] 6
                marker falsefalse[] 9
                """, first);
        assertEquals(sorted(first), sorted(shift(show(body(lines + "\n" + lines)), 12, -11)));
    }

    /** The findings of lines after {@code fromLine}, moved up by {@code delta} lines. */
    private static String shift(String shown, int fromLine, int delta) {
        StringBuilder out = new StringBuilder();
        for (String l : shown.lines().toList()) {
            int at = l.lastIndexOf(' ');
            int line = Integer.parseInt(l.substring(at + 1));
            if (line > fromLine) out.append(l, 0, at + 1).append(line + delta).append('\n');
        }
        return out.toString();
    }

    private static List<String> sorted(String shown) {
        return shown.lines().sorted().toList();
    }

    @Test
    void findsWhatFollowsALineThePatternsCouldNotRead() {
        // The definition pattern recurses per character of this label: it overflows the stack part-way.
        String hostile = "[" + "\\]".repeat(200_000) + "]: x\n";
        String after = "Use {{cloud.a}} [!INCLUDE [t](x.md)] ![i](i.png) <https://a.example/>\n[l]: l.md\n";
        Body body = body(hostile + after);
        assertTrue(body.tooDeep().isPresent(), "the hostile line is reported");
        assertEquals(shift(show(body(after)), 0, 1), show(body));
    }
}
