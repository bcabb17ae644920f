package dev.certdocs.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * Where a template writes its page: a {@link StringBuilder} kept by each rendering thread from one
 * page to the next. {@link java.io.StringWriter} appends to a {@link StringBuffer}, which takes a
 * lock on each of the many small writes a template makes, and a new one grows from 8 KB to the
 * page's size by copies on every page. Not for use by two threads; a render inside a render (a
 * template calling back into Java that renders) gets a writer of its own.
 *
 * <p>Each page gets a new builder, as large as the last page and an eighth: a builder that once
 * held a character above U+00FF (one page in six of a real repository) keeps two bytes per
 * character for every later page, and each append would then widen the template's Latin-1 text
 * and each {@code toString} narrow it back (issue 16: 50 against 28 µs CPU per 17 KB page, C1 only).
 */
final class PageWriter extends Writer {

    /** A builder that grew past this (a huge page) is not kept for the next page. */
    private static final int KEEP = 1 << 20;
    private static final ThreadLocal<PageWriter> FREE = new ThreadLocal<>();

    private static final int FIRST = 16 * 1024;
    private StringBuilder text = new StringBuilder(FIRST);

    /** Shorter static text is appended as it comes: looking it up would cost more than the copy. */
    private static final int SHORT_TEXT = 16;
    /** Longer text (an included file, a transform's buffer) too: it is seldom written twice, and would be kept. */
    private static final int LONG_TEXT = 4096;
    /** The static text this thread's pages wrote, as strings, by a hash of its length and three characters. */
    private static final int TEXTS = 1024;
    private final char[][] textChars = new char[TEXTS][];
    private final String[] textStrings = new String[TEXTS];

    private PageWriter() {
    }

    /** This thread's writer, empty; {@link #give} it back when the page is taken. */
    static PageWriter take() {
        PageWriter w = FREE.get();
        if (w == null) return new PageWriter();
        FREE.remove();
        return w;
    }

    /** Back to this thread for its next page. */
    void give() {
        int last = text.length();
        if (last > KEEP) return;
        text = new StringBuilder(Math.max(FIRST, last + (last >> 3)));
        FREE.set(this);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    /**
     * A template's static text: FreeMarker writes it as the {@code char[]} of its parse tree, which
     * {@link StringBuilder} appends one character at a time, testing each for Latin-1 (under C1,
     * the JIT users run, a tenth of the templates' time). A run of text met before is appended as
     * the string made of it the first time, a copy of its bytes. The text is compared with the one
     * kept, not only its array: a writer in between (a transform's buffer) may reuse an array.
     */
    @Override
    public void write(char[] buf, int off, int len) {
        if (len < SHORT_TEXT || len > LONG_TEXT) {
            text.append(buf, off, len);
            return;
        }
        int h = ((len * 31 + buf[off]) * 31 + buf[off + (len >> 1)]) * 31 + buf[off + len - 1];
        int slot = (h ^ (h >>> 9)) & (TEXTS - 1);
        String s = known(slot, buf, off, len);
        if (s == null) {
            // Two tries: two texts of one slot (of a hundred or so a template has) do not evict each other.
            int other = (slot + 1) & (TEXTS - 1);
            s = known(other, buf, off, len);
            if (s == null) {
                s = new String(buf, off, len);
                int into = textChars[slot] == null ? slot : other;
                textChars[into] = Arrays.copyOfRange(buf, off, off + len);
                textStrings[into] = s;
            }
        }
        text.append(s);
    }

    private String known(int slot, char[] buf, int off, int len) {
        char[] chars = textChars[slot];
        return chars != null && chars.length == len && Arrays.equals(chars, 0, len, buf, off, off + len) ? textStrings[slot] : null;
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(String s, int off, int len) {
        text.append(s, off, off + len);
    }

    @Override
    public PageWriter append(CharSequence csq) {
        text.append(csq);
        return this;
    }

    @Override
    public PageWriter append(CharSequence csq, int start, int end) {
        text.append(csq, start, end);
        return this;
    }

    @Override
    public PageWriter append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The builder the next writes go to (tests). */
    StringBuilder builder() {
        return text;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
