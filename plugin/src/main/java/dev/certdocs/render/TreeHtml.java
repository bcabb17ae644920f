package dev.certdocs.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Html5Entities;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * flexmark's tree written as HTML in one pass, without recursion, into one character buffer: the
 * same characters flexmark's {@code HtmlRenderer} (0.64.8) writes for the options certdocs
 * renders with, for the nodes support articles are made of. flexmark renders each node through a
 * handler map, lambdas and an HTML appendable that feeds every character through a line model
 * one call at a time; here each node's tags are written directly and the line model is kept
 * only as far as those options make it matter (see {@link Out}).
 *
 * <p>{@link #html} answers {@code null} for a tree with a node it does not know or a feature it
 * does not write as flexmark does (an image with embedded URL content, raw HTML blocks with inner
 * blocks, …): the caller then renders the whole tree with flexmark. When the options differ from
 * those this class was written for, it answers {@code null} for every tree. A tree is not changed
 * (flexmark's renderer also makes heading ids, which certdocs does not use, and stores them in
 * the tree). Thread-safe: each call has its own buffers.
 */
final class TreeHtml {

    private static final int TEXT = 1;
    private static final int SOFT_BREAK = 2;
    private static final int PARAGRAPH = 3;
    private static final int TEXT_BASE = 4;
    private static final int CODE = 5;
    private static final int EMPHASIS = 6;
    private static final int STRONG = 7;
    private static final int LINK = 8;
    private static final int LIST_ITEM = 9;
    private static final int TASK_ITEM = 10;
    private static final int BULLET_LIST = 11;
    private static final int ORDERED_LIST = 12;
    private static final int HEADING = 13;
    private static final int FENCED_CODE = 14;
    private static final int INDENTED_CODE = 15;
    private static final int BLOCK_QUOTE = 16;
    private static final int THEMATIC_BREAK = 17;
    private static final int HTML_BLOCK = 18;
    private static final int HTML_COMMENT_BLOCK = 19;
    private static final int HTML_INLINE = 20;
    private static final int HTML_ENTITY = 21;
    private static final int HARD_BREAK = 22;
    private static final int IMAGE = 23;
    private static final int IMAGE_REF = 24;
    private static final int LINK_REF = 25;
    private static final int AUTO_LINK = 26;
    private static final int MAIL_LINK = 27;
    private static final int REFERENCE = 28;
    private static final int STRIKETHROUGH = 29;
    private static final int TABLE = 30;
    private static final int TABLE_HEAD = 31;
    private static final int TABLE_BODY = 32;
    private static final int TABLE_ROW = 33;
    private static final int TABLE_CELL = 34;
    private static final int TABLE_SEPARATOR = 35;
    private static final int TABLE_CAPTION = 36;

    /** The node classes written here, by exact class (as flexmark picks a node's handler). */
    private static final Map<Class<?>, Integer> KINDS = new IdentityHashMap<>();

    static {
        KINDS.put(Text.class, TEXT);
        KINDS.put(SoftLineBreak.class, SOFT_BREAK);
        KINDS.put(Paragraph.class, PARAGRAPH);
        KINDS.put(TextBase.class, TEXT_BASE);
        KINDS.put(Code.class, CODE);
        KINDS.put(Emphasis.class, EMPHASIS);
        KINDS.put(StrongEmphasis.class, STRONG);
        KINDS.put(Link.class, LINK);
        KINDS.put(BulletListItem.class, LIST_ITEM);
        KINDS.put(OrderedListItem.class, LIST_ITEM);
        KINDS.put(TaskListItem.class, TASK_ITEM);
        KINDS.put(BulletList.class, BULLET_LIST);
        KINDS.put(OrderedList.class, ORDERED_LIST);
        KINDS.put(Heading.class, HEADING);
        KINDS.put(FencedCodeBlock.class, FENCED_CODE);
        KINDS.put(IndentedCodeBlock.class, INDENTED_CODE);
        KINDS.put(BlockQuote.class, BLOCK_QUOTE);
        KINDS.put(ThematicBreak.class, THEMATIC_BREAK);
        KINDS.put(HtmlBlock.class, HTML_BLOCK);
        KINDS.put(HtmlCommentBlock.class, HTML_COMMENT_BLOCK);
        KINDS.put(HtmlInline.class, HTML_INLINE);
        KINDS.put(HtmlInlineComment.class, HTML_INLINE);
        KINDS.put(HtmlEntity.class, HTML_ENTITY);
        KINDS.put(HardLineBreak.class, HARD_BREAK);
        KINDS.put(Image.class, IMAGE);
        KINDS.put(ImageRef.class, IMAGE_REF);
        KINDS.put(LinkRef.class, LINK_REF);
        KINDS.put(AutoLink.class, AUTO_LINK);
        KINDS.put(MailLink.class, MAIL_LINK);
        KINDS.put(Reference.class, REFERENCE);
        KINDS.put(Strikethrough.class, STRIKETHROUGH);
        KINDS.put(TableBlock.class, TABLE);
        KINDS.put(TableHead.class, TABLE_HEAD);
        KINDS.put(TableBody.class, TABLE_BODY);
        KINDS.put(TableRow.class, TABLE_ROW);
        KINDS.put(TableCell.class, TABLE_CELL);
        KINDS.put(TableSeparator.class, TABLE_SEPARATOR);
        KINDS.put(TableCaption.class, TABLE_CAPTION);
    }

    private static final String[] HEADING_OPEN = {"", "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"};
    private static final String[] HEADING_CLOSE = {"", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>"};

    /** The fenced code's language: its info string up to the first space or tab (flexmark's default delimiters). */
    private static final CharPredicate LANGUAGE_END = CharPredicate.anyOf(" \t");

    private final boolean usable;
    private final DataHolder options;
    private final ListOptions listOptions;
    private final Pattern suppressedLinks;
    private final String doneMarker;
    private final String notDoneMarker;
    private final String tightTaskItem;
    private final String looseTaskItem;

    /** @param options the options of the {@code HtmlRenderer} this stands in for (its {@code getOptions()}) */
    TreeHtml(DataHolder options) {
        this.options = options;
        HtmlRendererOptions html = new HtmlRendererOptions(options);
        this.listOptions = ListOptions.get(options);
        this.suppressedLinks = html.suppressedLinks;
        this.doneMarker = TaskListExtension.ITEM_DONE_MARKER.get(options);
        this.notDoneMarker = TaskListExtension.ITEM_NOT_DONE_MARKER.get(options);
        this.tightTaskItem = taskItemTag(TaskListExtension.TIGHT_ITEM_CLASS.get(options));
        this.looseTaskItem = taskItemTag(TaskListExtension.LOOSE_ITEM_CLASS.get(options));
        this.usable = html.softBreak.equals("\n") && html.hardBreak.equals("<br />\n")
                && html.strongEmphasisStyleHtmlOpen == null && html.strongEmphasisStyleHtmlClose == null
                && html.emphasisStyleHtmlOpen == null && html.emphasisStyleHtmlClose == null
                && html.codeStyleHtmlOpen == null && html.codeStyleHtmlClose == null
                && !html.escapeHtmlBlocks && !html.escapeHtmlCommentBlocks && !html.escapeInlineHtml && !html.escapeInlineHtmlComments
                && !html.percentEncodeUrls && html.indentSize == 0
                && !html.suppressHtmlBlocks && !html.suppressHtmlCommentBlocks && !html.suppressInlineHtml && !html.suppressInlineHtmlComments
                && !html.doNotRenderLinksInDocument && !html.renderHeaderId
                && html.languageClassPrefix.equals("language-") && html.languageClassMap.isEmpty()
                && html.languageDelimiters.equals(" \t") && html.noLanguageClass.trim().isEmpty()
                && html.sourcePositionAttribute.isEmpty() && html.inlineCodeSpliceClass == null
                && html.formatFlags == LineAppendable.F_TRIM_LEADING_WHITESPACE
                && html.maxBlankLines == 1 && html.maxTrailingBlankLines == 1
                && html.htmlBlockOpenTagEol && html.htmlBlockCloseTagEol && html.unescapeHtmlEntities && !html.noPTagsUseBr
                && html.autolinkWwwPrefix.equals("http://")
                && html.suppressedLinks != null && html.suppressedLinks.pattern().equals("javascript:.*")
                && !Parser.FENCED_CODE_CONTENT_BLOCK.get(options) && !Parser.CODE_SOFT_LINE_BREAKS.get(options)
                && TablesExtension.CLASS_NAME.get(options).isEmpty()
                && StrikethroughExtension.STRIKETHROUGH_STYLE_HTML_OPEN.get(options) == null
                && StrikethroughExtension.STRIKETHROUGH_STYLE_HTML_CLOSE.get(options) == null
                && TaskListExtension.ITEM_DONE_CLASS.get(options).isEmpty() && TaskListExtension.ITEM_NOT_DONE_CLASS.get(options).isEmpty()
                && TaskListExtension.PARAGRAPH_CLASS.get(options).isEmpty()
                && tightTaskItem != null && looseTaskItem != null && plain(doneMarker) && plain(notDoneMarker);
    }

    /** A task item's opening tag with its class (none when the class is empty); null for a class that would need escaping. */
    private static String taskItemTag(String cssClass) {
        if (cssClass.isEmpty()) return "<li>";
        for (int i = 0; i < cssClass.length(); i++) {
            char c = cssClass.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\n' || c == '\r') return null;
        }
        return "<li class=\"" + cssClass + "\">";
    }

    /** Whether {@link Out#tag} may write this: it starts with a tag and has no line break. */
    private static boolean plain(String raw) {
        return raw.startsWith("<") && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0;
    }

    /** The HTML flexmark's renderer writes for {@code doc}, or {@code null} when this cannot write it (see the class comment). */
    String html(Document doc) {
        if (!usable) return null;
        return new Out(doc).write();
    }

    /**
     * One rendering: the output buffer with flexmark's line model, and the walk.
     *
     * <p>The line model. flexmark's appendable keeps the text in lines; with the options above
     * (no indent, only leading white space trimmed, at most one blank line in a row) what it
     * writes is each line followed by {@code \n}, except that (1) outside preformatted text a
     * space at the start of a line, before any character other than a space or a tab, is
     * dropped; (2) an empty line (or one of a lone {@code \r}) that is not preformatted is
     * written as a bare {@code \n}, and not at all right after another such line; (3) asking for
     * a line break ({@code line()}) on an empty line outside preformatted text does nothing. A
     * line is preformatted when it is inside {@code openPre}/{@code closePre}, or when it is the
     * line where the preformatted text began and ended.
     */
    private final class Out {
        private final Document doc;
        private final Object base;
        private final char[] chars;
        private char[] out;
        private int len;
        private int lineStart;
        private boolean allWhitespace = true;
        private boolean lastBlank;
        private int lines;
        private int pre;
        private int preFirstLine = -1;

        /** The nodes the walk is in, and what each writes when it closes, by depth. */
        private Node[] path = new Node[64];
        private String[] closeText = new String[64];
        private int[] closeMode = new int[64];

        /** The characters {@link #load} read: {@code src[from, to)}. */
        private char[] src;
        private int from;
        private int to;
        private char[] loaded = new char[256];
        /** Characters unescaped, normalized or collapsed: {@code work[0, workLen)}. */
        private char[] work = new char[256];
        private int workLen;

        Out(Document doc) {
            this.doc = doc;
            this.base = doc.getChars().getBase();
            char[] t = base.toString().toCharArray();
            // flexmark's sequences read a NUL as U+FFFD.
            for (int i = 0; i < t.length; i++) {
                if (t[i] == '\0') t[i] = '\uFFFD';
            }
            this.chars = t;
            this.out = new char[t.length + (t.length >> 2) + 64];
        }

        /**
         * Walks the tree in text order without recursion. The way back up is the walk's own
         * stack, not the nodes' parent links: flexmark's renderer follows only child and sibling
         * links, and a tree can hold a node whose parent link is stale (a list item its task-list
         * pre-processor replaced).
         */
        String write() {
            Node n = doc.getFirstChild();
            int depth = 0;
            while (n != null) {
                int r = enter(n, depth);
                if (r == FALLBACK) return null;
                if (r == DESCEND) {
                    Node child = n.getFirstChild();
                    if (child != null) {
                        path[depth] = n;
                        n = child;
                        depth++;
                        continue;
                    }
                    close(depth);
                }
                while (n.getNext() == null) {
                    if (depth == 0) return finish();
                    depth--;
                    n = path[depth];
                    close(depth);
                }
                n = n.getNext();
            }
            return finish();
        }

        private String finish() {
            line();
            return new String(out, 0, len);
        }

        // ---- the nodes

        private static final int FALLBACK = -1;
        private static final int LEAF = 0;
        private static final int DESCEND = 1;

        private static final int CLOSE_NOTHING = 0;
        private static final int CLOSE_TAG = 1;
        private static final int CLOSE_TAG_LINE = 2;
        private static final int CLOSE_LINE_TAG_LINE = 3;
        private static final int CLOSE_LOOSE_TASK = 4;
        private static final int CLOSE_TEXT = 5;

        /** Writes what {@code n} writes before its children; whether its children are walked, or that this cannot write it. */
        private int enter(Node n, int depth) {
            Class<?> type = n.getClass();
            int kind;
            // The most frequent kinds without the map.
            if (type == Text.class) {
                kind = TEXT;
            } else if (type == SoftLineBreak.class) {
                kind = SOFT_BREAK;
            } else if (type == Paragraph.class) {
                kind = PARAGRAPH;
            } else {
                Integer known = KINDS.get(type);
                if (known == null) return FALLBACK;
                kind = known;
            }
            switch (kind) {
                case TEXT:
                    load(n.getChars());
                    if (plainText()) {
                        put(src, from, to, ESCAPE_TEXT);
                    } else {
                        unescape();
                        normalizeEol(work, workLen);
                        put(work, 0, workLen, ESCAPE_TEXT);
                    }
                    return LEAF;
                case SOFT_BREAK:
                    eol();
                    return LEAF;
                case PARAGRAPH:
                    if (n.getFirstChild() == null) return LEAF;
                    if (n.getParent() instanceof ParagraphItemContainer container
                            && container.isParagraphWrappingDisabled((Paragraph) n, listOptions, options)) {
                        return open(depth, null, CLOSE_NOTHING);
                    }
                    line();
                    tag("<p>");
                    return open(depth, "</p>", CLOSE_TAG_LINE);
                case TEXT_BASE:
                    return open(depth, null, CLOSE_NOTHING);
                case CODE:
                    load(((Code) n).getText());
                    collapseWhitespace();
                    tag("<code>");
                    put(work, 0, workLen, ESCAPE_TEXT);
                    tag("</code>");
                    return LEAF;
                case EMPHASIS:
                    tag("<em>");
                    return open(depth, "</em>", CLOSE_TAG);
                case STRONG:
                    tag("<strong>");
                    return open(depth, "</strong>", CLOSE_TAG);
                case STRIKETHROUGH:
                    tag("<del>");
                    return open(depth, "</del>", CLOSE_TAG);
                case LINK: {
                    Link link = (Link) n;
                    if (suppressed(link.getUrl())) return open(depth, null, CLOSE_NOTHING);
                    tag("<a href=\"");
                    load(link.getUrl());
                    unescape();
                    put(work, 0, workLen, ESCAPE_ATTRIBUTE);
                    if (link.getTitle().isNotNull()) title(link.getTitle());
                    tag("\">");
                    return open(depth, "</a>", CLOSE_TAG);
                }
                case LIST_ITEM: {
                    line();
                    tag("<li>");
                    BasedSequence suffix = ((ListItem) n).getMarkerSuffix();
                    if (!suffix.isEmpty()) {
                        load(suffix);
                        unescape();
                        put(work, 0, workLen, ESCAPE_TEXT);
                    }
                    return open(depth, "</li>", CLOSE_TAG_LINE);
                }
                case TASK_ITEM: {
                    TaskListItem item = (TaskListItem) n;
                    String marker = item.isItemDoneMarker() ? doneMarker : notDoneMarker;
                    line();
                    if (listOptions.isTightListItem(item)) {
                        tag(tightTaskItem);
                        tag(marker);
                        return open(depth, "</li>", CLOSE_TAG_LINE);
                    }
                    tag(looseTaskItem);
                    line();
                    tag("<p>");
                    tag(marker);
                    return open(depth, null, CLOSE_LOOSE_TASK);
                }
                case BULLET_LIST:
                    line();
                    tag("<ul>");
                    line();
                    return open(depth, "</ul>", CLOSE_LINE_TAG_LINE);
                case ORDERED_LIST: {
                    int start = ((OrderedList) n).getStartNumber();
                    line();
                    tag(listOptions.isOrderedListManualStart() && start != 1 ? "<ol start=\"" + start + "\">" : "<ol>");
                    line();
                    return open(depth, "</ol>", CLOSE_LINE_TAG_LINE);
                }
                case HEADING: {
                    int level = ((Heading) n).getLevel();
                    if (level < 1 || level > 6) return FALLBACK;
                    line();
                    tag(HEADING_OPEN[level]);
                    return open(depth, HEADING_CLOSE[level], CLOSE_TAG_LINE);
                }
                case FENCED_CODE: {
                    FencedCodeBlock code = (FencedCodeBlock) n;
                    line();
                    tag("<pre>");
                    openPre();
                    BasedSequence info = code.getInfo();
                    if (info.isNotNull() && !info.isBlank()) {
                        tag("<code class=\"language-");
                        putString(code.getInfoDelimitedByAny(LANGUAGE_END).unescape(), ESCAPE_ATTRIBUTE);
                        tag("\">");
                    } else {
                        tag("<code>");
                    }
                    load(code.getContentChars());
                    copyToWork();
                    normalizeEol(work, workLen);
                    put(work, 0, workLen, ESCAPE_TEXT);
                    tag("</code></pre>");
                    closePre();
                    line();
                    return LEAF;
                }
                case INDENTED_CODE:
                    line();
                    tag("<pre>");
                    openPre();
                    tag("<code>");
                    putString(((IndentedCodeBlock) n).getContentChars().trimTailBlankLines().normalizeEndWithEOL(), ESCAPE_TEXT);
                    tag("</code></pre>");
                    closePre();
                    line();
                    return LEAF;
                case BLOCK_QUOTE:
                    line();
                    tag("<blockquote>");
                    line();
                    return open(depth, "</blockquote>", CLOSE_LINE_TAG_LINE);
                case THEMATIC_BREAK:
                    line();
                    tag("<hr />");
                    line();
                    return LEAF;
                case HTML_BLOCK:
                    // Inner blocks (an option certdocs does not set) have their own rendering.
                    if (n.getFirstChild() != null) return FALLBACK;
                    line();
                    load(((HtmlBlock) n).getContentChars());
                    rawPreNormalized();
                    line();
                    return LEAF;
                case HTML_COMMENT_BLOCK:
                case HTML_INLINE:
                    load(n.getChars());
                    rawPreNormalized();
                    return LEAF;
                case HTML_ENTITY:
                    load(n.getChars());
                    unescape();
                    put(work, 0, workLen, ESCAPE_TEXT);
                    return LEAF;
                case HARD_BREAK:
                    tag("<br />");
                    eol();
                    return LEAF;
                case IMAGE: {
                    Image image = (Image) n;
                    if (suppressed(image.getUrl())) return LEAF;
                    if (!image.getUrlContent().isEmpty()) return FALLBACK;
                    String alt = new TextCollectingVisitor().collectAndGetText(image);
                    tag("<img src=\"");
                    load(image.getUrl());
                    unescape();
                    put(work, 0, workLen, ESCAPE_ATTRIBUTE);
                    tag("\" alt=\"");
                    putString(alt, ESCAPE_ATTRIBUTE);
                    if (image.getTitle().isNotNull()) title(image.getTitle());
                    tag("\" />");
                    return LEAF;
                }
                case IMAGE_REF: {
                    ImageRef image = (ImageRef) n;
                    if (!image.isDefined()) {
                        load(image.getChars());
                        unescape();
                        put(work, 0, workLen, ESCAPE_TEXT);
                        return LEAF;
                    }
                    Reference reference = image.getReferenceNode(doc);
                    if (reference == null || reference.getFirstChild() != null) return FALLBACK;
                    String url = reference.getUrl().unescape();
                    if (suppressed(url)) return LEAF;
                    String alt = new TextCollectingVisitor().collectAndGetText(image);
                    tag("<img src=\"");
                    putString(url, ESCAPE_ATTRIBUTE);
                    tag("\" alt=\"");
                    putString(alt, ESCAPE_ATTRIBUTE);
                    if (reference.getTitle().isNotNull()) title(reference.getTitle());
                    tag("\" />");
                    return LEAF;
                }
                case LINK_REF: {
                    LinkRef link = (LinkRef) n;
                    if (!link.isDefined()) {
                        // flexmark writes an undefined reference as its text, the children between its brackets rendered.
                        if (link.getFirstChild() == null) {
                            putString(link.getChars().unescape(), ESCAPE_TEXT);
                            return LEAF;
                        }
                        putString(link.getChars().prefixOf(link.getChildChars()).unescape(), ESCAPE_TEXT);
                        return open(depth, link.getChars().suffixOf(link.getChildChars()).unescape(), CLOSE_TEXT);
                    }
                    Reference reference = link.getReferenceNode(doc);
                    if (reference == null || reference.getFirstChild() != null) return FALLBACK;
                    String url = reference.getUrl().unescape();
                    if (suppressed(url)) return open(depth, null, CLOSE_NOTHING);
                    tag("<a href=\"");
                    putString(url, ESCAPE_ATTRIBUTE);
                    if (reference.getTitle().isNotNull()) title(reference.getTitle());
                    tag("\">");
                    return open(depth, "</a>", CLOSE_TAG);
                }
                case AUTO_LINK: {
                    AutoLink link = (AutoLink) n;
                    String text = link.getText().toString();
                    if (suppressed(link.getUrl())) {
                        putString(text, ESCAPE_TEXT);
                        return LEAF;
                    }
                    tag("<a href=\"");
                    if (text.startsWith("www.")) tag("http://");
                    putString(text, ESCAPE_ATTRIBUTE);
                    tag("\">");
                    putString(text, ESCAPE_TEXT);
                    tag("</a>");
                    return LEAF;
                }
                case MAIL_LINK: {
                    MailLink link = (MailLink) n;
                    String text = link.getText().unescape();
                    if (suppressed(link.getUrl())) {
                        putString(text, ESCAPE_TEXT);
                        return LEAF;
                    }
                    tag("<a href=\"mailto:");
                    putString(text, ESCAPE_ATTRIBUTE);
                    tag("\">");
                    putString(text, ESCAPE_TEXT);
                    tag("</a>");
                    return LEAF;
                }
                case REFERENCE:
                case TABLE_SEPARATOR:
                    return LEAF;
                case TABLE:
                    line();
                    tag("<table>");
                    line();
                    return open(depth, "</table>", CLOSE_LINE_TAG_LINE);
                case TABLE_HEAD:
                    line();
                    tag("<thead>");
                    return open(depth, "</thead>", CLOSE_TAG_LINE);
                case TABLE_BODY:
                    line();
                    tag("<tbody>");
                    return open(depth, "</tbody>", CLOSE_TAG_LINE);
                case TABLE_ROW:
                    line();
                    tag("<tr>");
                    return open(depth, "</tr>", CLOSE_TAG_LINE);
                case TABLE_CAPTION:
                    line();
                    tag("<caption>");
                    return open(depth, "</caption>", CLOSE_TAG_LINE);
                case TABLE_CELL: {
                    TableCell cell = (TableCell) n;
                    boolean header = cell.isHeader();
                    TableCell.Alignment alignment = cell.getAlignment();
                    if (alignment == null) {
                        tag(header ? "<th>" : "<td>");
                    } else {
                        tag(header ? "<th align=\"" : "<td align=\"");
                        tag(switch (alignment) {
                            case LEFT -> "left\">";
                            case CENTER -> "center\">";
                            case RIGHT -> "right\">";
                        });
                    }
                    return open(depth, header ? "</th>" : "</td>", CLOSE_TAG);
                }
                default:
                    return FALLBACK;
            }
        }

        /** Notes what the node at {@code depth} writes when it closes. */
        private int open(int depth, String text, int mode) {
            if (depth == closeMode.length) {
                path = java.util.Arrays.copyOf(path, depth * 2);
                closeMode = java.util.Arrays.copyOf(closeMode, depth * 2);
                closeText = java.util.Arrays.copyOf(closeText, depth * 2);
            }
            closeText[depth] = text;
            closeMode[depth] = mode;
            return DESCEND;
        }

        private void close(int depth) {
            String text = closeText[depth];
            switch (closeMode[depth]) {
                case CLOSE_TAG -> tag(text);
                case CLOSE_TAG_LINE -> {
                    tag(text);
                    line();
                }
                case CLOSE_LINE_TAG_LINE -> {
                    line();
                    tag(text);
                    line();
                }
                case CLOSE_LOOSE_TASK -> {
                    tag("</p>");
                    line();
                    tag("</li>");
                    line();
                }
                case CLOSE_TEXT -> putString(text, ESCAPE_TEXT);
                default -> {
                }
            }
        }

        /**
         * After an attribute's value, before its closing quote: the quote, then a link's or
         * image's {@code title} attribute, unescaped, up to its closing quote (flexmark writes the
         * attribute whenever the title is there, even empty).
         */
        private void title(BasedSequence title) {
            tag("\" title=\"");
            load(title);
            unescape();
            put(work, 0, workLen, ESCAPE_ATTRIBUTE);
        }

        /** Whether flexmark leaves this URL unlinked ({@code javascript:} ones). */
        private boolean suppressed(CharSequence url) {
            if (url.length() < 11 || url.charAt(0) != 'j') return false;
            return suppressedLinks.matcher(url.toString()).matches();
        }

        // ---- characters in

        /** Points {@link #src} at the characters of {@code s}: the document's own when {@code s} is a plain piece of it. */
        private void load(BasedSequence s) {
            if (s instanceof SubSequence && s.getBase() == base) {
                src = chars;
                from = s.getStartOffset();
                to = s.getEndOffset();
                return;
            }
            String string = s.toString();
            int n = string.length();
            if (loaded.length < n) loaded = new char[Math.max(n, loaded.length * 2)];
            string.getChars(0, n, loaded, 0);
            src = loaded;
            from = 0;
            to = n;
        }

        /** Whether the loaded text needs neither unescaping nor line ends normalized. */
        private boolean plainText() {
            char[] a = src;
            for (int i = from, end = to; i < end; i++) {
                char c = a[i];
                if (c <= '\\' && (c == '\\' || c == '&' || c == '\n' || c == '\r')) return false;
            }
            return true;
        }

        private void workCapacity(int n) {
            if (work.length < n) work = java.util.Arrays.copyOf(work, Math.max(n, work.length * 2));
        }

        private void copyToWork() {
            int n = to - from;
            workCapacity(n);
            System.arraycopy(src, from, work, 0, n);
            workLen = n;
        }

        /**
         * The loaded text with backslash escapes and entities replaced, into {@link #work}, as
         * flexmark's {@code unescape()}: left to right, a backslash before ASCII punctuation is
         * dropped, and an entity its pattern accepts becomes what {@link Html5Entities} makes of it.
         */
        private void unescape() {
            char[] a = src;
            int end = to;
            workCapacity(end - from + 8);
            char[] w = work;
            int n = 0;
            for (int i = from; i < end; i++) {
                char c = a[i];
                if (c == '\\' && i + 1 < end && punctuation(a[i + 1])) {
                    w[n++] = a[++i];
                } else if (c == '&') {
                    int e = entityEnd(a, i, end);
                    if (e < 0) {
                        w[n++] = c;
                        continue;
                    }
                    String s = Html5Entities.entityToString(new String(a, i, e - i));
                    if (n + s.length() + (end - e) + 8 > w.length) {
                        workLen = n;
                        workCapacity(n + s.length() + (end - e) + 8);
                        w = work;
                    }
                    s.getChars(0, s.length(), w, n);
                    n += s.length();
                    i = e - 1;
                } else {
                    w[n++] = c;
                }
            }
            workLen = n;
        }

        /** {@code w[0, n)} with {@code \r\n} and {@code \r} as {@code \n} (a last lone {@code \r} dropped), as flexmark's {@code normalizeEOL}; in place. */
        private void normalizeEol(char[] w, int n) {
            int k = 0;
            boolean cr = false;
            for (int i = 0; i < n; i++) {
                char c = w[i];
                if (c == '\r') {
                    cr = true;
                } else if (c == '\n') {
                    w[k++] = '\n';
                    cr = false;
                } else {
                    if (cr) w[k++] = '\n';
                    w[k++] = c;
                    cr = false;
                }
            }
            workLen = k;
        }

        /** The loaded text with runs of white space as one space and none at the ends, into {@link #work}, as flexmark's {@code collapseWhitespace(s, true)}. */
        private void collapseWhitespace() {
            char[] a = src;
            workCapacity(to - from);
            char[] w = work;
            int n = 0;
            boolean space = false;
            for (int i = from, end = to; i < end; i++) {
                char c = a[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    space = true;
                } else {
                    if (space && n > 0) w[n++] = ' ';
                    w[n++] = c;
                    space = false;
                }
            }
            workLen = n;
        }

        /** The loaded text, its line ends normalized, written as raw preformatted HTML (flexmark's {@code rawPre}). */
        private void rawPreNormalized() {
            copyToWork();
            normalizeEol(work, workLen);
            int start = 0;
            if (len > lineStart && workLen > 0 && work[0] == '\n') {
                line();
                start = 1;
            }
            openPre();
            put(work, start, workLen, RAW);
            closePre();
        }

        private void putString(String s, int mode) {
            int n = s.length();
            if (loaded.length < n) loaded = new char[Math.max(n, loaded.length * 2)];
            s.getChars(0, n, loaded, 0);
            put(loaded, 0, n, mode);
        }

        // ---- characters out: flexmark's line model (see the class comment)

        private static final int RAW = 0;
        private static final int ESCAPE_TEXT = 1;
        private static final int ESCAPE_ATTRIBUTE = 2;

        private void capacity(int n) {
            if (len + n + 1 > out.length) out = java.util.Arrays.copyOf(out, Math.max(len + n + 1, out.length * 2));
        }

        /**
         * A constant that starts with a character other than white space (a tag, a quote: a piece
         * of a tag) and has no line break: written as is, as the line model would.
         */
        private void tag(String s) {
            int n = s.length();
            capacity(n);
            s.getChars(0, n, out, len);
            len += n;
            allWhitespace = false;
        }

        /**
         * {@code a[start, end)} through the line model: {@code RAW} as is, {@code ESCAPE_TEXT}
         * with {@code & < > "} escaped, {@code ESCAPE_ATTRIBUTE} too but with entities kept
         * (flexmark's {@code escapeHtml(s, true)} for attribute values).
         */
        private void put(char[] a, int start, int end, int mode) {
            // One character out for each in, but for the escapes, which make room for themselves.
            capacity(end - start);
            char[] o = out;
            int l = len;
            boolean ws = allWhitespace;
            for (int i = start; i < end; i++) {
                char c = a[i];
                if (c > '>') {
                    o[l++] = c;
                    ws = false;
                    continue;
                }
                switch (c) {
                    case ' ':
                        if (!ws || pre > 0) o[l++] = ' ';
                        break;
                    case '\t':
                        o[l++] = '\t';
                        break;
                    case '\n':
                        len = l;
                        eol();
                        o = out;
                        l = len;
                        ws = true;
                        break;
                    case '&':
                        ws = false;
                        if (l + 6 + end - i > o.length) o = grow(l, 6 + end - i);
                        if (mode == ESCAPE_TEXT) {
                            l = append(o, l, "&amp;");
                        } else if (mode == ESCAPE_ATTRIBUTE) {
                            int e = entityEnd(a, i, end);
                            if (e < 0) {
                                l = append(o, l, "&amp;");
                            } else {
                                System.arraycopy(a, i, o, l, e - i);
                                l += e - i;
                                i = e - 1;
                            }
                        } else {
                            o[l++] = '&';
                        }
                        break;
                    case '<':
                        ws = false;
                        if (l + 6 + end - i > o.length) o = grow(l, 6 + end - i);
                        if (mode == RAW) o[l++] = '<';
                        else l = append(o, l, "&lt;");
                        break;
                    case '>':
                        ws = false;
                        if (l + 6 + end - i > o.length) o = grow(l, 6 + end - i);
                        if (mode == RAW) o[l++] = '>';
                        else l = append(o, l, "&gt;");
                        break;
                    case '"':
                        ws = false;
                        if (l + 6 + end - i > o.length) o = grow(l, 6 + end - i);
                        if (mode == RAW) o[l++] = '"';
                        else l = append(o, l, "&quot;");
                        break;
                    default:
                        o[l++] = c;
                        ws = false;
                }
            }
            len = l;
            allWhitespace = ws;
        }

        /** The output buffer with room for {@code n} more characters after {@code l}, the length so far. */
        private char[] grow(int l, int n) {
            len = l;
            capacity(n);
            return out;
        }

        private static int append(char[] o, int l, String s) {
            s.getChars(0, s.length(), o, l);
            return l + s.length();
        }

        /** Ends the line. */
        private void eol() {
            if (len + 1 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2 + 1);
            int n = len - lineStart;
            boolean empty = n == 0 || n == 1 && out[lineStart] == '\r';
            if (empty && pre == 0 && preFirstLine != lines) {
                len = lineStart;
                if (!lastBlank) {
                    out[len++] = '\n';
                    lastBlank = true;
                }
            } else {
                out[len++] = '\n';
                lastBlank = false;
            }
            lines++;
            lineStart = len;
            allWhitespace = true;
        }

        /** A line break unless the line is empty (and not preformatted). */
        private void line() {
            if (pre > 0 || len > lineStart) eol();
        }

        private void openPre() {
            if (pre == 0 && preFirstLine != lines) preFirstLine = lines;
            pre++;
        }

        private void closePre() {
            pre--;
        }
    }

    /** ASCII punctuation: what a backslash escapes. */
    private static boolean punctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /**
     * Where the entity starting at {@code a[i]} (an {@code &}) ends, or -1: what flexmark's
     * pattern {@code &(?:#x[a-f0-9]{1,8}|#[0-9]{1,8}|[a-z][a-z0-9]{1,31});} (case-insensitive) matches there.
     */
    static int entityEnd(char[] a, int i, int end) {
        int j = i + 1;
        if (j >= end) return -1;
        char c = a[j];
        int k;
        int max;
        if (c == '#') {
            j++;
            if (j < end && (a[j] == 'x' || a[j] == 'X')) {
                j++;
                k = j;
                while (k < end && k - j < 9 && hex(a[k])) k++;
            } else {
                k = j;
                while (k < end && k - j < 9 && a[k] >= '0' && a[k] <= '9') k++;
            }
            max = 8;
        } else if (letter(c)) {
            j++;
            k = j;
            while (k < end && k - j < 32 && (letter(a[k]) || a[k] >= '0' && a[k] <= '9')) k++;
            max = 31;
        } else {
            return -1;
        }
        int run = k - j;
        if (run < 1 || run > max || k >= end || a[k] != ';') return -1;
        return k + 1;
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
