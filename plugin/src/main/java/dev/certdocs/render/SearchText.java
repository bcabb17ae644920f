package dev.certdocs.render;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A body's text for the search index in one walk: what jsoup's {@link Element#text()} gives,
 * then every run of white space folded into one space and the ends stripped (as
 * {@code replaceAll("\\s+", " ").strip()}), cut at {@link SearchEntry#MAX_BODY} characters.
 *
 * <p>Before issue 16's point 20 this was {@code text()}, then a fold of its string: two passes
 * and two strings per body, jsoup's through a pooled builder that stays two bytes per character
 * once a body held a character above U+00FF. Here each character jsoup's text would hold goes
 * straight into the folded text: jsoup's own rules (its spaces around block elements and
 * {@code <br>}, white space normalised outside {@code <pre>}, zero-width space and soft hyphen
 * dropped, which look at the last character of jsoup's unfolded text, tracked here) then its
 * trim (characters up to U+0020 at either end), then the fold. {@code SearchTextTest} holds it to
 * the two-pass way on random, hostile and corpus bodies.
 */
final class SearchText implements NodeVisitor {

    private final StringBuilder out;
    /** The text node being read, and its characters (runs are appended from the string: a copy, not a loop per character). */
    private String text;
    private char[] chars = new char[256];
    /** The last character of jsoup's unfolded text so far, and whether there is one. */
    private char last;
    private boolean any;
    /** Whether a character above U+0020 was seen (jsoup's trim drops what comes before). */
    private boolean started;
    /** A run of white space seen since the last character written to {@code out}. */
    private boolean space;
    /** The length of {@code out} at its last character above U+0020 (jsoup's trim drops what comes after). */
    private int kept;

    /** {@code capacity}: a guess at the text's length. */
    SearchText(int capacity) {
        out = new StringBuilder(Math.min(capacity, SearchEntry.MAX_BODY + 64));
    }

    /** The search text of {@code body}; {@code capacity}: a guess at its length. */
    static String of(Element body, int capacity) {
        SearchText t = new SearchText(capacity);
        NodeTraversor.traverse(t, body);
        return t.result();
    }

    /**
     * The search text of what this visitor saw, in document order: the nodes given to {@link #head},
     * {@link #text} and {@link #tail} ({@link BodyHtml#withSearchText} walks the body for both).
     */
    String result() {
        out.setLength(kept);
        String folded = out.toString().strip();
        return folded.length() > SearchEntry.MAX_BODY ? folded.substring(0, SearchEntry.MAX_BODY) : folded;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            String s = t.getWholeText();
            int n = s.length();
            if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
            s.getChars(0, n, chars, 0);
            text(t, s, chars);
        } else if (node instanceof Element e) {
            if (any && (e.isBlock() || e.normalName().equals("br")) && last != ' ') put(' ');
        }
    }

    /**
     * {@link #head} of the text node {@code node}, whose whole text {@code s} the caller has
     * already copied into {@code buffer} (from index 0).
     */
    void text(TextNode node, String s, char[] buffer) {
        text = s;
        chars = buffer;
        if (node instanceof CDataNode || preservesWhitespace(node.parentNode())) {
            as(s.length());
        } else {
            normalised(s.length());
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (!(node instanceof Element e) || !e.isBlock()) return;
        Node next = e.nextSibling();
        if ((next instanceof TextNode || next instanceof Element n && !n.tag().formatAsBlock()) && last != ' ') put(' ');
    }

    /** The first {@code n} characters of {@link #chars} as they are (text in {@code <pre>}, CDATA). */
    private void as(int n) {
        char[] b = chars;
        for (int i = 0; i < n; ) {
            if (b[i] > ' ') {
                int j = i + 1;
                while (j < n && b[j] > ' ') j++;
                run(i, j);
                i = j;
            } else {
                put(b[i++]);
            }
        }
    }

    /**
     * jsoup's {@code StringUtil.appendNormalisedWhitespace} of the first {@code n} characters of
     * {@link #chars}, leading white space dropped when its text ends in a space.
     */
    private void normalised(int n) {
        char[] b = chars;
        boolean stripLeading = any && last == ' ';
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        for (int i = 0; i < n; i++) {
            char c = b[i];
            if (c > ' ' && c != 160 && c != 173 && c != 8203) {
                int j = i + 1;
                while (j < n && (c = b[j]) > ' ' && c != 160 && c != 173 && c != 8203) j++;
                run(i, j);
                lastWasWhite = false;
                reachedNonWhite = true;
                i = j - 1;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                if ((stripLeading && !reachedNonWhite) || lastWasWhite) continue;
                put(' ');
                lastWasWhite = true;
            } else if (c != 8203 && c != 173) {
                put(c);
                lastWasWhite = false;
                reachedNonWhite = true;
            }
        }
    }

    /** As jsoup's {@code Element.preserveWhitespace}: the node or one of its five nearest ancestors keeps white space. */
    private static boolean preservesWhitespace(Node node) {
        if (node instanceof Element e) {
            int i = 0;
            do {
                if (e.tag().preserveWhitespace()) return true;
                e = e.parent();
                i++;
            } while (i < 6 && e != null);
        }
        return false;
    }

    /**
     * {@link #put} of each of {@link #chars} from {@code from} to {@code to}, all above U+0020, at
     * once: appended from the string, which a builder copies whole where both are Latin-1 (a
     * {@code char[]} it reads one character at a time, under C1 a loop per character).
     */
    private void run(int from, int to) {
        last = chars[to - 1];
        any = true;
        started = true;
        if (space) {
            out.append(' ');
            space = false;
        }
        out.append(text, from, to);
        kept = out.length();
    }

    /** One character of jsoup's text: trimmed at the start, folded, its end remembered for the trim at the end. */
    private void put(char c) {
        last = c;
        any = true;
        if (!started) {
            if (c <= ' ') return;
            started = true;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
            space = true;
            return;
        }
        if (space) {
            out.append(' ');
            space = false;
        }
        out.append(c);
        if (c > ' ') kept = out.length();
    }
}
