package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
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
    void thePageIsWhatEncodingItsCharactersAsOneStringGives() {
        // Writes of every kind, split anywhere (surrogate pairs too), unpaired surrogates, and
        // static arrays written again after a caller changed them: the bytes are the whole text's.
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = "aé€<&\"\n\ud83d\ude00\ud800\udc00x".toCharArray();
        char[][] statics = new char[6][];
        for (int round = 0; round < 2_000; round++) {
            PageWriter w = PageWriter.take();
            StringBuilder expected = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                StringBuilder piece = new StringBuilder();
                for (int n = random.nextInt(40); n > 0; n--) piece.append(alphabet[random.nextInt(alphabet.length)]);
                String text = piece.toString();
                switch (random.nextInt(6)) {
                    case 0 -> w.write(text);
                    case 1 -> {
                        int slot = random.nextInt(statics.length);
                        if (statics[slot] == null || statics[slot].length != text.length() || random.nextInt(4) == 0) {
                            if (statics[slot] != null && statics[slot].length == text.length()) {
                                text.getChars(0, text.length(), statics[slot], 0); // the same array, changed
                            } else {
                                statics[slot] = text.toCharArray();
                            }
                        }
                        text = new String(statics[slot]);
                        w.write(statics[slot]);
                    }
                    case 2 -> {
                        int from = text.isEmpty() ? 0 : random.nextInt(text.length());
                        w.write(("<<" + text + ">>").toCharArray(), 2 + from, text.length() - from);
                        text = text.substring(from);
                    }
                    case 3 -> w.append(text);
                    case 4 -> {
                        w.write("[" + text + "]", 1, text.length());
                    }
                    default -> {
                        if (text.isEmpty()) break;
                        w.write(text.charAt(0));
                        text = text.substring(0, 1);
                    }
                }
                expected.append(text);
            }
            assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), w.utf8(), "round " + round);
            w.give();
        }
    }

    @Test
    void longTextsWrittenAgainGiveTheirOwnBytesEachTime() {
        // An article's body is one long string written on each page of its clouds: the writer
        // remembers the last one with its bytes. The same string, an equal copy, another string of
        // that length, and one after a dangling high surrogate: each page is its own text's bytes.
        java.util.Random random = new java.util.Random(11);
        char[] alphabet = "ab<é€\ud83d\ude00".toCharArray();
        String[] bodies = new String[4];
        for (int round = 0; round < 400; round++) {
            PageWriter w = PageWriter.take();
            StringBuilder expected = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                int slot = random.nextInt(bodies.length);
                if (bodies[slot] == null || random.nextInt(5) == 0) {
                    StringBuilder b = new StringBuilder();
                    for (int n = 1000 + random.nextInt(200); n > 0; n--) b.append(alphabet[random.nextInt(alphabet.length)]);
                    bodies[slot] = b.toString();
                }
                String text = random.nextInt(4) == 0 ? new String(bodies[slot].toCharArray()) : bodies[slot];
                if (random.nextInt(6) == 0) {
                    w.write("\ud83d"); // waits for its low half: the long text is written the slow way
                    expected.append('\ud83d');
                }
                w.write(text);
                expected.append(text);
            }
            assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), w.utf8(), "round " + round);
            w.give();
        }
    }

    @Test
    void aSurrogatePairSplitBetweenTwoWritesIsOneCharacter() {
        PageWriter w = PageWriter.take();
        w.write("a\ud83d");
        w.write('\ude00');
        w.write("\ud83d".toCharArray());
        w.write("\ude00b");
        assertEquals("a😀😀b", w.toString());
        w.give();
        PageWriter lone = PageWriter.take();
        lone.write("\ud83d");
        lone.write("x\ude00");
        lone.write("\ud800");
        assertEquals("?x??", lone.toString());
        lone.give();
    }

    @Test
    void theBufferIsKeptForTheNextPage() {
        PageWriter first = PageWriter.take();
        first.write("x".repeat(40_000));
        int grown = first.capacity();
        first.give();
        PageWriter second = PageWriter.take();
        assertSame(first, second);
        assertEquals(grown, second.capacity());
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
