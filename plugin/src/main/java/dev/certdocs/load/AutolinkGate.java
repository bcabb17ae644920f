package dev.certdocs.load;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension (GitHub's bare URLs, {@code www.} addresses and e-mail addresses
 * in text) with a test in front of it: a text node that cannot hold any of them is passed by,
 * where the extension would unescape it, run the link extractor and a pattern over it and find
 * nothing. The nodes that may hold one go to the extension's own post-processor, made only for a
 * document that has such a node; the trees are the same (MarkdownEquivalenceTest).
 *
 * <p>Why a node passed by holds no autolink, from what the extension (flexmark 0.64.8) and its
 * extractor (autolink 0.6.0) do with a {@code Text} node. The extension reads the node's
 * characters alone unless the next node is a {@code TypographicText} or {@code HtmlEntity} it
 * joins to them (such a node is always handed on); it unescapes them, which changes nothing
 * without a backslash or an {@code &} (and removes U+001F only with IntelliJ's option, off here);
 * then it takes the extractor's spans and the matches of {@code \b([a-z][a-z0-9+.-]*://)(?:\s|$)}.
 * The extractor starts a scan only at {@code :}, {@code @} or {@code w}, and the scanner it starts
 * there gives up unless the text has {@code ://} at that {@code :}, or {@code www.} at that
 * {@code w} (its e-mail scanner needs the {@code @} itself); the pattern needs {@code ://} too.
 * Text with none of {@code ://}, {@code www.}, {@code @}, {@code \}, {@code &} and U+001F gives
 * no span, and with no span the extension leaves the node as it was.
 *
 * <p>Text that would cost the extension more than its length is not read for autolinks (content is
 * untrusted; the extension's work grows with the square of both): a stretch that joins more than
 * {@link #MAX_REFERENCES} character references (the extension rebuilds the joined text once per
 * text node of it, and once per reference inside: 10 KB of {@code &#64;&#58;//&#119;ww.} took 16
 * s), or holds a run of more than {@link #MAX_RUN} characters its URL-prefix pattern reads to the
 * end from every word ({@code www.www.…}: 40 KB took 1 s, 400 KB two minutes). Such a stretch keeps
 * its text as written, links and addresses in it included; no real link needs either (a host name
 * is at most 253 characters, a URL's path and query break such a run at every {@code /}, {@code ?}
 * and {@code =}). The light link scan leaves out the same lines ({@link Autolinks}).
 */
final class AutolinkGate implements Parser.ParserExtension {

    /** The most character references a stretch of text may join and still be read for autolinks (see {@link Stretch}). */
    static final int MAX_REFERENCES = 32;
    /** The most backslash escapes a stretch of text may hold and still be read for autolinks (see {@link Stretch}). */
    static final int MAX_ESCAPES = 256;
    /** The longest run of scheme characters a stretch of text may hold and still be read for autolinks: no host name is longer than 253. */
    static final int MAX_RUN = 256;

    static AutolinkGate create() {
        return new AutolinkGate();
    }

    private AutolinkGate() {
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether flexmark's autolink extension could find a link in a text node with these characters (see the class comment). */
    static boolean mayHoldLink(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '@', '\\', '&', '\u001f':
                    return true;
                case ':':
                    if (i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') return true;
                    break;
                case 'w':
                    if (i + 3 < n && text.charAt(i + 1) == 'w' && text.charAt(i + 2) == 'w' && text.charAt(i + 3) == '.') return true;
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** The extension's factory with the same node types; each document's processor is made only when a node may hold a link. */
    private static final class Factory extends NodePostProcessorFactory {
        private final AutolinkNodePostProcessor.Factory extension = new AutolinkNodePostProcessor.Factory();

        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Gated(extension, document);
        }
    }

    /**
     * What the extension would read from a text node that may hold a link: the node's characters,
     * joined (as the extension joins them) with the character references and text nodes that follow
     * it with no space at either side of a seam. {@code tooCostly} when that stretch holds more than
     * {@link #MAX_REFERENCES} references or a run of more than {@link #MAX_RUN} characters a URL
     * scheme could be made of; {@code end} is where the stretch ends in the document.
     */
    record Stretch(boolean tooCostly, int end) {
    }

    /**
     * Whether a line holds text past the limits of {@link Stretch}, as the light link scan can tell
     * without flexmark's text nodes: a run or an escape count past its limit anywhere in the line,
     * or more references than the limit joined without a space at a seam. It sees more of the line
     * joined than flexmark does (inline markup splits text nodes), so it may leave out a line that
     * flexmark still reads in part; both happen only on lines made to cost.
     */
    static boolean lineBeyondLimits(CharSequence line) {
        Run run = new Run();
        int references = 0;
        for (int i = 0, n = line.length(); i < n; i++) {
            int end = line.charAt(i) == '&' ? referenceEnd(line, i) : -1;
            if (end < 0) {
                run.read(line, i, n);
                continue;
            }
            references = i > 0 && line.charAt(i - 1) == ' ' ? 0 : references + 1;
            if (references > MAX_REFERENCES) return true;
            if (end < n && line.charAt(end) == ' ') references = 0;
            run.extend(end - i);
            i = end - 1;
        }
        return run.escapes > MAX_ESCAPES || run.longest > MAX_RUN;
    }

    /** The end of a character reference's syntax ({@code &name;}, {@code &#123;}, {@code &#x1F;}) at {@code i}, or -1. */
    private static int referenceEnd(CharSequence s, int i) {
        int n = s.length();
        int j = i + 1;
        boolean numeric = j < n && s.charAt(j) == '#';
        if (numeric) j++;
        boolean hex = numeric && j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
        if (hex) j++;
        int start = j;
        while (j < n && j - start < 32 && Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128) j++;
        return j > start && j < n && s.charAt(j) == ';' ? j + 1 : -1;
    }

    /** The stretch the extension would read from {@code node} (see {@link Stretch}). */
    static Stretch stretch(Node node) {
        BasedSequence chars = node.getChars();
        Run run = new Run();
        run.read(chars);
        int references = 0;
        Node last = node;
        Node next = node.getNext();
        if ((next instanceof TypographicText || next instanceof HtmlEntity) && next.getChars().isContinuationOf(chars)) {
            BasedSequence previous = chars;
            while (next instanceof TypographicText || next instanceof HtmlEntity || next instanceof Text) {
                BasedSequence c = next.getChars();
                if (!c.isContinuationOf(previous) || c.startsWith(" ") || previous.endsWith(" ")) break;
                if (next instanceof Text) {
                    run.read(c);
                } else {
                    references++;
                    run.extend(c.length());
                }
                previous = c;
                last = next;
                next = next.getNext();
            }
        }
        return new Stretch(references > MAX_REFERENCES || run.escapes > MAX_ESCAPES || run.longest > MAX_RUN,
                last.getChars().getEndOffset());
    }

    /**
     * The longest run of characters that flexmark's URL-prefix pattern ({@code [a-z][a-z0-9+.-]*://})
     * reads before it gives up, counting the characters of references as part of a run (unescaped,
     * they may be such characters) and passing over backslashes; and the number of escapes. The pattern tries again at every word in a run and
     * reads to its end each time: its cost grows with the square of the run.
     */
    private static final class Run {
        int current;
        int longest;
        /** Backslashes before ASCII punctuation: each one the extension's unescaping replaces. */
        int escapes;
        /** Whether the last character read was such a backslash. */
        private boolean escaping;

        void read(CharSequence s) {
            for (int i = 0, n = s.length(); i < n; i++) read(s, i, n);
        }

        /** Reads the character at {@code i}; an escaping backslash neither ends nor extends a run (unescaped, the character after it stands alone). */
        void read(CharSequence s, int i, int n) {
            char c = s.charAt(i);
            if (escaping) {
                escaping = false;
            } else if (c == '\\' && i + 1 < n && LinkSyntax.isPunctuation(s.charAt(i + 1))) {
                escapes++;
                escaping = true;
                return;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-' || c == '&' || c == '#'
                    || c == ';') {
                extend(1);
            } else {
                current = 0;
            }
        }

        void extend(int length) {
            current += length;
            longest = Math.max(longest, current);
        }
    }

    private static final class Gated extends NodePostProcessor {
        private final AutolinkNodePostProcessor.Factory extension;
        private final Document document;
        private NodePostProcessor processor;
        /** The end of the last stretch judged too costly: the text nodes before it are left as they are. */
        private int skipTo = -1;

        Gated(AutolinkNodePostProcessor.Factory extension, Document document) {
            this.extension = extension;
            this.document = document;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            Node next = node.getNext();
            if (!(next instanceof TypographicText) && !(next instanceof HtmlEntity) && !mayHoldLink(node.getChars())) return;
            if (node.getChars().getStartOffset() < skipTo) return;
            Stretch stretch = stretch(node);
            if (stretch.tooCostly()) {
                skipTo = stretch.end();
                return;
            }
            if (processor == null) processor = extension.apply(document);
            processor.process(state, node);
        }
    }
}
