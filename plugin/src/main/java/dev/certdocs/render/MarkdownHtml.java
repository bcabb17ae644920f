package dev.certdocs.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.certdocs.load.MarkdownDialect;

/**
 * CommonMark plus the GFM extensions (tables, strikethrough, task lists, autolinks) to HTML.
 * The parser and renderer are built once and shared by every thread: both are thread-safe.
 * The HTML is written by {@link TreeHtml} (flexmark's HTML, written in one pass), by flexmark's
 * own renderer for a tree {@link TreeHtml} does not write.
 */
public final class MarkdownHtml {

    /**
     * How deep flexmark's tree may be when it is rendered: the renderer recurses once per level
     * (a few frames each). Markdown within {@link dev.certdocs.load.Nesting#MAX_DEPTH} makes a
     * tree well under half of this; a 512 KiB thread stack holds about twice as much.
     */
    static final int MAX_TREE_DEPTH = 128;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final TreeHtml tree;

    public MarkdownHtml() {
        MutableDataSet options = MarkdownDialect.options();
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.tree = new TreeHtml(renderer.getOptions());
    }

    /** What a page shows when flexmark cannot read its Markdown at all. */
    public static final String UNREADABLE = "<p>(This page is not shown: its Markdown is too complex to read.)</p>\n";

    /**
     * The HTML of {@code markdown}. What nests too deep never gets here ({@link CloudPreprocessor}
     * cuts it where {@link dev.certdocs.load.Nesting} says it crosses the limit). That measure
     * reads the text, not flexmark's tree, so hostile text can still make a deeper tree than it
     * saw (raw HTML and fences interleaved, say): the tree is measured before it is rendered, and
     * where it is deeper than {@link #MAX_TREE_DEPTH} the Markdown is cut at that line as the
     * preprocessor cuts it. Should some other construct still exhaust the stack (flexmark's
     * patterns recurse once per repetition of some syntax on a line), the page says so instead of
     * the build failing with a stack trace.
     */
    public String render(String markdown) {
        try {
            String text = markdown;
            Document doc = parser.parse(text);
            for (int cut = tooDeep(doc); cut >= 0; cut = tooDeep(doc)) {
                int line = text.lastIndexOf('\n', Math.max(0, cut - 1)) + 1;
                text = text.substring(0, line) + CloudPreprocessor.TOO_DEEP_NOTE;
                doc = parser.parse(text);
            }
            return html(doc);
        } catch (StackOverflowError e) {
            return UNREADABLE;
        }
    }

    /** flexmark's tree of {@code markdown}, unmeasured: for {@link CloudMarkdown}, which measures it itself. */
    Document parse(String markdown) {
        return parser.parse(markdown);
    }

    /** The HTML of a tree from {@link #parse}; a {@link StackOverflowError} is the caller's to catch. */
    String html(Document doc) {
        String html = tree.html(doc);
        return html != null ? html : renderer.render(doc);
    }

    /** flexmark's own HTML of a tree from {@link #parse} (what {@link #html} must equal). */
    String flexmarkHtml(Document doc) {
        return renderer.render(doc);
    }

    /** {@link TreeHtml}'s HTML of a tree from {@link #parse}, or {@code null} where flexmark's renderer writes it. */
    String treeHtml(Document doc) {
        return tree.html(doc);
    }

    /** How deep the tree under {@code root} goes (the root is 0); walked without recursion, as {@link #tooDeep}. */
    static int depth(Node root) {
        int[] max = new int[1];
        walk(root, Integer.MAX_VALUE, max);
        return max[0];
    }

    /** The offset where the first node deeper than {@link #MAX_TREE_DEPTH} starts, or -1; walked in text order, without recursion. */
    static int tooDeep(Node root) {
        return walk(root, MAX_TREE_DEPTH, new int[1]);
    }

    /**
     * Walks the tree under {@code root} in text order without recursion: the start offset of the
     * first node deeper than {@code limit}, or -1 when there is none; {@code max[0]} is the
     * deepest level the walk reached.
     */
    private static int walk(Node root, int limit, int[] max) {
        Node n = root;
        int depth = 0;
        while (true) {
            if (depth > limit) return n.getStartOffset();
            max[0] = Math.max(max[0], depth);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            if (n == root) return -1;
            n = n.getNext();
        }
    }
}
