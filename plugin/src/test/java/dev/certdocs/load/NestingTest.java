package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

/** The nesting measure against what flexmark nests: never less. */
class NestingTest {

    /**
     * Runs of {@code ~~} between two punctuation marks may open and close: flexmark nests them
     * (a strikethrough per pair), so the measure must count them (a fuzz case that overflowed a
     * 512 KiB stack in the renderer while the measure said 0).
     */
    @Test
    void aRunThatMayOpenAndCloseCountsWhenItOpens() {
        String text = "<b>" + "~~".repeat(1000) + "<i>text</i>" + "~~".repeat(1000) + "</b>\n";
        assertTrue(Nesting.crossing(text) >= 0, "crossing not found");
        assertTrue(flexmarkNestsDeeperThan(text, 100), "the case no longer nests in flexmark: the test proves nothing");
    }

    /** A fence left of a list item's content is not in the item: its closing line closes it (a fuzz case). */
    @Test
    void aFenceLeftOfAnItemsContentIsOutsideTheItem() {
        String around = "\n```\n".repeat(2);
        String text = "- " + around + "> ".repeat(200) + "text" + around;
        assertTrue(Nesting.crossing(text) >= 0, "crossing not found");
        assertTrue(flexmarkNestsDeeperThan(text, 100), "the case no longer nests in flexmark: the test proves nothing");
        assertEquals(-1, Nesting.crossing("- a\n\n  ```\n" + "> ".repeat(200) + "\n  ```\n"));
    }

    /**
     * A line that starts with hundreds of block markers crosses the limit even where the measure
     * sees fenced code: flexmark's parser recurses per marker, and raw HTML around fence lines
     * can make it see no fence there (a fuzz case: 1,047 list markers overflowed the parse).
     */
    @Test
    void hundredsOfBlockMarkersCrossTheLimitEvenInAFence() {
        String around = "\n```\n".repeat(3);
        String text = "<div>> > " + around + "- ".repeat(1047) + "text" + around + "</div>\n";
        assertTrue(Nesting.crossing(text) >= 0, "crossing not found");
        assertEquals(text.indexOf("- - "), Nesting.crossing(text));
        assertEquals(-1, Nesting.crossing("```\n" + ">".repeat(100) + "\n```\n"), "a hundred in code are code");
        assertTrue(Nesting.crossing("```\n" + "> ".repeat(300) + "\n```\n") >= 0);
    }

    @Test
    void aCloserGivesBackOnlyWhatItsOwnCharacterOpened() {
        // 20 strikethroughs open; emphasis closers and brackets that close nothing; 20 more open: 40 deep.
        assertTrue(Nesting.crossing("~~".repeat(20) + "a" + "a* ".repeat(20) + "~~".repeat(20) + "b\n") >= 0);
        assertTrue(Nesting.crossing("~~".repeat(20) + "a" + "]".repeat(20) + " " + "~~".repeat(20) + "b\n") >= 0);
        assertEquals(-1, Nesting.crossing("~~".repeat(20) + "a" + "a~~ ".repeat(20) + "~~".repeat(20) + "b\n"));
    }

    @Test
    void ordinaryProseStaysShallow() {
        String prose = "Set `max_retry_count` to 2*3*4 or snake_case_names_like_this_one_here, **bold**, *it*,"
                + " ~~gone~~, [link](x.md) and ~5 minutes; a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z.\n";
        Nesting.Depths d = Nesting.measure(prose.repeat(20), 0, new int[0]);
        assertEquals(-1, d.crossing());
        assertTrue(d.max() <= 2, "max " + d.max());
    }

    /** Whether flexmark's tree of {@code text} is more than {@code depth} nodes deep (walked without recursion). */
    private static boolean flexmarkNestsDeeperThan(String text, int depth) {
        Node root = Parser.builder(MarkdownDialect.options()).build().parse(text);
        Node n = root;
        int d = 0;
        while (true) {
            if (d > depth) return true;
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                d++;
                continue;
            }
            while (n != root && n.getNext() == null) {
                n = n.getParent();
                d--;
            }
            if (n == root) return false;
            n = n.getNext();
        }
    }
}
