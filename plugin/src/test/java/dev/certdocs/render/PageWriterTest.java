package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageWriterTest {

    @Test
    void everyWriteLandsInOrder() {
        PageWriter w = PageWriter.take();
        w.write('<');
        w.write("html>".toCharArray(), 0, 5);
        w.write("é€😀");
        w.write("xxabcxx", 2, 3);
        w.append("def").append("-ghi-", 1, 4).append('!');
        assertEquals("<html>é€😀abcdefghi!", w.toString());
        w.give();
    }

    @Test
    void theNextPageStartsEmptyOnTheSameWriter() {
        PageWriter first = PageWriter.take();
        first.write("page one");
        first.give();
        PageWriter second = PageWriter.take();
        assertSame(first, second);
        assertEquals("", second.toString());
        second.give();
    }

    @Test
    void eachPageGetsANewBuilderAsLargeAsTheLastPage() {
        // A builder that held a character above U+00FF stays two bytes per character: not reused.
        PageWriter first = PageWriter.take();
        StringBuilder used = first.builder();
        first.write("x".repeat(40_000) + "→");
        first.give();
        PageWriter second = PageWriter.take();
        assertNotSame(used, second.builder());
        assertTrue(second.builder().capacity() >= 40_001, "sized to the last page: " + second.builder().capacity());
        assertEquals("", second.toString());
        second.give();
    }

    @Test
    void aRenderInsideARenderGetsItsOwnWriter() {
        PageWriter outer = PageWriter.take();
        outer.write("outer");
        PageWriter inner = PageWriter.take();
        assertNotSame(outer, inner);
        inner.write("inner");
        inner.give();
        assertEquals("outer", outer.toString());
        outer.give();
    }

    @Test
    void aHugePageIsNotKept() {
        PageWriter big = PageWriter.take();
        big.write("x".repeat(2 << 20));
        big.give();
        PageWriter next = PageWriter.take();
        assertNotSame(big, next);
        assertEquals("", next.toString());
        next.give();
    }

    @Test
    void staticTextIsWrittenAsItIsEachTimeEvenFromAReusedArray() {
        PageWriter w = PageWriter.take();
        char[] text = "<li class=\"entry\"><a href=\"".toCharArray();
        char[] reused = "0123456789abcdefghij".toCharArray();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            w.write(text, 0, text.length);
            expected.append(text);
            // A transform's buffer: the same array, the same length, other characters each time.
            reused[10] = (char) ('k' + i);
            w.write(reused, 0, reused.length);
            expected.append(reused);
            w.write(reused, 3, 17);
            expected.append(reused, 3, 17);
            // Wide text, and short text appended as it comes.
            w.write("é€😀 and some more text".toCharArray(), 0, 22);
            expected.append("é€😀 and some more text", 0, 22);
            w.write(text, 0, 4);
            expected.append(text, 0, 4);
        }
        // Many texts of one length and first, middle and last character: they share slots.
        for (int i = 0; i < 3000; i++) {
            char[] many = ("<" + (char) ('a' + i % 26) + "-" + String.format("%05d", i) + "-----x---->").toCharArray();
            w.write(many, 0, many.length);
            expected.append(many);
        }
        assertEquals(expected.toString(), w.toString());
        w.give();
    }
}
