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
 */
final class AutolinkGate implements Parser.ParserExtension {

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

    private static final class Gated extends NodePostProcessor {
        private final AutolinkNodePostProcessor.Factory extension;
        private final Document document;
        private NodePostProcessor processor;

        Gated(AutolinkNodePostProcessor.Factory extension, Document document) {
            this.extension = extension;
            this.document = document;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            Node next = node.getNext();
            if (!(next instanceof TypographicText) && !(next instanceof HtmlEntity) && !mayHoldLink(node.getChars())) return;
            if (processor == null) processor = extension.apply(document);
            processor.process(state, node);
        }
    }
}
