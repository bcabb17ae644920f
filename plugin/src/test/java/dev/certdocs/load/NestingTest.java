package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
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
        assertTrue(renderOverflowsOnASmallStack(text), "the case no longer nests in flexmark: the test proves nothing");
    }

    /** A fence left of a list item's content is not in the item: its closing line closes it (a fuzz case). */
    @Test
    void aFenceLeftOfAnItemsContentIsOutsideTheItem() {
        String around = "\n```\n".repeat(2);
        String text = "- " + around + "> ".repeat(600) + "text" + around;
        assertTrue(Nesting.crossing(text) >= 0, "crossing not found");
        assertTrue(renderOverflowsOnASmallStack(text), "the case no longer nests in flexmark: the test proves nothing");
        assertEquals(-1, Nesting.crossing("- a\n\n  ```\n" + "> ".repeat(600) + "\n  ```\n"));
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

    private static boolean renderOverflowsOnASmallStack(String text) {
        boolean[] overflowed = new boolean[1];
        Thread t = new Thread(null, () -> {
            try {
                var options = MarkdownDialect.options();
                HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(text));
            } catch (StackOverflowError e) {
                overflowed[0] = true;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return overflowed[0];
    }
}
