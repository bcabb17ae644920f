package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certdocs.model.Body;
import dev.certdocs.model.Include;
import dev.certdocs.model.SourcePosition;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The nesting measure BodyScanner takes line by line in its own pass gives what {@link Nesting#measure} gives
 * in a pass of its own over the same text (the deepest point, where the limit is crossed, the depth at each
 * include directive): on tricky bodies and on thousands of random ones.
 */
class BodyScannerNestingTest {

    private static final String INCLUDE = "[!INCLUDE [t](../inc/a.md)]";

    @Test
    void sameAsASeparatePassOnTrickyBodies() {
        List<String> bodies = List.of(
                "",
                "\n",
                "# Title\n\n" + INCLUDE + "\n",
                "> > " + INCLUDE + "\n- - * " + INCLUDE + " " + INCLUDE + "\n",
                "**_~~[" + INCLUDE + "](x)~~_**\n\n" + INCLUDE + "\n",
                "- a\n\t- b\n\t\t- c " + INCLUDE + "\n\n" + INCLUDE,
                "```\n" + INCLUDE + "\n> > > >\n```\n" + INCLUDE + "\n",
                "~~~ info\n* * *\n~~~~\n" + "*".repeat(40) + "a " + INCLUDE + "\n",
                "> ".repeat(40) + INCLUDE + "\n" + INCLUDE + "\n",
                "- ".repeat(300) + "x\n" + INCLUDE + "\n",
                "* ".repeat(300) + "\n",
                "é ü ✓ 😀 **[" + INCLUDE + "\n文字 _x_ ~~y~~ ]\n",
                "text " + "[a](b) **c** `d` ".repeat(5_000) + INCLUDE + "\n",
                "`code " + INCLUDE + "` and ``" + INCLUDE + "``\n",
                "<!-- " + INCLUDE + " -->\n> " + INCLUDE + "\n",
                "    indented " + INCLUDE + "\n\n1. one\n   2) two " + INCLUDE + "\n");
        for (String body : bodies) {
            for (String head : List.of("", "<properties pageTitle=\"T\" />\n", "<properties pageTitle=\"T\" />> > ")) {
                assertSame(head + body, head.length());
            }
        }
    }

    @Test
    void sameAsASeparatePassOnRandomBodies() {
        String[] pieces = {"> ", "- ", "* ", "+ ", "1. ", "12) ", "  ", "\t", "    ", "```", "~~~", "`", "``", "*", "**", "_",
            "__", "~~", "[", "]", "(x)", "\\", "!", "text", " ", "é", "😀", INCLUDE, "<!--", "-->", "<div>", "#", "---",
            ":::", "{{cloud.x}}"};
        Random random = new Random(11);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder body = new StringBuilder();
            int lines = random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                int parts = random.nextInt(random.nextInt(10) == 0 ? 80 : 8);
                for (int p = 0; p < parts; p++) body.append(pieces[random.nextInt(pieces.length)]);
                body.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean()) body.setLength(Math.max(0, body.length() - 1));
            assertSame(body.toString(), 0);
        }
    }

    /** BodyScanner's measure of {@code text} from {@code start} against a pass of its own from that line's start. */
    private static void assertSame(String text, int start) {
        SourceText src = new SourceText("a.md", text);
        Body body = BodyScanner.scan(src, start, false);
        int[] offsets = body.includes().stream().mapToInt(inc -> offset(src, inc.position())).toArray();
        Nesting.Depths alone = Nesting.measure(src.text(), src.lineStart(src.lineOf(start)), offsets);
        String what = "on " + text.substring(0, Math.min(200, text.length())).replace("\n", "\\n");
        assertEquals(alone.max(), body.nesting(), "max " + what);
        Optional<SourcePosition> crossing = alone.crossing() < 0 ? Optional.empty() : Optional.of(src.position(alone.crossing()));
        assertEquals(crossing, body.tooDeep(), "crossing " + what);
        assertArrayEquals(alone.at(), body.includes().stream().mapToInt(Include::nesting).toArray(), "includes " + what);
    }

    private static int offset(SourceText src, SourcePosition p) {
        return src.lineStart(p.line()) + p.column() - 1;
    }
}
