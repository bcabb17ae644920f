package dev.certdocs.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * Where a template writes its page: the page's UTF-8 bytes, in a buffer kept by each rendering
 * thread from one page to the next. The page is written to disk and compressed for the bundle as
 * bytes, so it is encoded once, as it is written, instead of gathered as characters, copied into a
 * string and encoded again. Not for use by two threads; a render inside a render (a template
 * calling back into Java that renders) gets a writer of its own.
 *
 * <p>A template's static text comes from FreeMarker as the same {@code char[]} on every page: its
 * bytes (of a text of 16 to 4,096 characters) are encoded once per thread and copied after that;
 * shorter ASCII text is copied into the buffer as it comes. The array is compared with the copy
 * the bytes were made from on each use, so a caller that writes a reused buffer (FreeMarker's
 * {@code compress} directive does) gets its current characters encoded. Other text is encoded
 * with {@link String#getBytes}; a surrogate pair split between two writes is joined, and an
 * unpaired surrogate becomes {@code ?}, as encoding the whole page as one string does.
 */
final class PageWriter extends Writer {

    /** A buffer that grew past this (a huge page) is not kept for the next page. */
    private static final int KEEP = 1 << 20;
    private static final ThreadLocal<PageWriter> FREE = new ThreadLocal<>();
    /** Static text shorter than this is encoded each time: looking it up would cost as much. */
    private static final int CACHED_FROM = 16;
    /** Longer static text is not kept: its copy and bytes would hold memory for one rare write. */
    private static final int CACHED_TO = 4096;
    /** Arrays remembered per thread; past this the cache starts again (templates reloaded by {@code serve}). */
    private static final int CACHE_LIMIT = 4096;

    private static final ThreadLocal<IdentityHashMap<char[], Chunk>> STATIC = ThreadLocal.withInitial(IdentityHashMap::new);

    /** A static text's characters as they were when encoded, and their bytes. */
    private record Chunk(char[] chars, byte[] utf8) {
    }

    /**
     * A string this long is remembered with its bytes until the next one: an article's body is one
     * string that the pages of its clouds share (when their HTML is the same), written once per page.
     */
    private static final int REMEMBERED_FROM = 1024;

    private byte[] bytes = new byte[16 * 1024];
    /** The last string of at least {@link #REMEMBERED_FROM} characters written whole, and its UTF-8. */
    private String remembered;
    private byte[] rememberedUtf8;
    private int size;
    /** A high surrogate that ended the last write, waiting for its low half; 0 for none. */
    private char pending;

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
        if (bytes.length > KEEP) return;
        size = 0;
        pending = 0;
        FREE.set(this);
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void write(char[] buf, int off, int len) {
        if (len >= CACHED_FROM && len <= CACHED_TO && off == 0 && len == buf.length && pending == 0
                && !Character.isLowSurrogate(buf[0]) && !Character.isHighSurrogate(buf[len - 1])) {
            IdentityHashMap<char[], Chunk> cache = STATIC.get();
            Chunk chunk = cache.get(buf);
            if (chunk == null || !Arrays.equals(chunk.chars, buf)) {
                if (cache.size() >= CACHE_LIMIT) cache.clear();
                chunk = new Chunk(buf.clone(), new String(buf).getBytes(StandardCharsets.UTF_8));
                cache.put(buf, chunk);
            }
            put(chunk.utf8);
            return;
        }
        if (pending == 0) {
            // ASCII as it comes (most short static text: "\">", "</a></li>"); from the first other character on, as a string.
            int end = off + len;
            if (size + len > bytes.length) grow(len);
            byte[] b = bytes;
            int k = size;
            int i = off;
            while (i < end) {
                char c = buf[i];
                if (c >= 0x80) break;
                b[k++] = (byte) c;
                i++;
            }
            size = k;
            if (i == end) return;
            len = end - i;
            off = i;
        }
        write(new String(buf, off, len));
    }

    @Override
    public void write(String s) {
        int n = s.length();
        if (n == 0) return;
        if (pending == 0 && !Character.isLowSurrogate(s.charAt(0)) && !Character.isHighSurrogate(s.charAt(n - 1))) {
            if (n < REMEMBERED_FROM) {
                put(s.getBytes(StandardCharsets.UTF_8));
            } else {
                if (s != remembered) { // the very same string: the same characters, the same bytes
                    remembered = s;
                    rememberedUtf8 = s.getBytes(StandardCharsets.UTF_8);
                }
                put(rememberedUtf8);
            }
            return;
        }
        int from = 0;
        if (pending != 0) {
            if (Character.isLowSurrogate(s.charAt(0))) {
                put(new String(new char[] {pending, s.charAt(0)}).getBytes(StandardCharsets.UTF_8));
                from = 1;
            } else {
                put((byte) '?');
            }
            pending = 0;
        }
        int to = n;
        if (to > from && Character.isHighSurrogate(s.charAt(to - 1))) {
            pending = s.charAt(to - 1);
            to--;
        }
        // A lone low surrogate at the start encodes as '?' here, as it does within one string.
        if (to > from) put(s.substring(from, to).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(String s, int off, int len) {
        write(s.substring(off, off + len));
    }

    @Override
    public PageWriter append(CharSequence csq) {
        write(String.valueOf(csq));
        return this;
    }

    @Override
    public PageWriter append(CharSequence csq, int start, int end) {
        write((csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }

    @Override
    public PageWriter append(char c) {
        write(c);
        return this;
    }

    private void put(byte[] b) {
        int n = b.length;
        if (size + n > bytes.length) grow(n);
        System.arraycopy(b, 0, bytes, size, n);
        size += n;
    }

    private void put(byte b) {
        if (size == bytes.length) grow(1);
        bytes[size++] = b;
    }

    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The page as UTF-8: what {@code toString().getBytes(UTF_8)} gives for the characters written. */
    byte[] utf8() {
        if (pending != 0) {
            put((byte) '?');
            pending = 0;
        }
        return Arrays.copyOf(bytes, size);
    }

    /** The buffer's capacity (tests). */
    int capacity() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return new String(utf8(), StandardCharsets.UTF_8);
    }
}
