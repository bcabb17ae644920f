package dev.certdocs.load;

import dev.certdocs.config.HtmlPolicy;
import dev.certdocs.model.Anchor;
import dev.certdocs.model.CloudBlockMarker;
import dev.certdocs.model.CloudScopes;
import dev.certdocs.model.HtmlTag;
import dev.certdocs.model.Include;
import dev.certdocs.model.Link;
import dev.certdocs.model.PageLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links and anchors of a Markdown body as the rendered page has them ({@link PageLinks}),
 * read in {@link BodyScanner}'s one pass over the lines instead of a second, full parse: inline
 * links and images, reference links (full, collapsed and shortcut, resolved against the
 * definitions of the whole body), autolinks ({@code <…>}), bare URLs and e-mail addresses as
 * GitHub's autolink extension finds them ({@link Autolinks}), the {@code href}/{@code src} of the
 * raw HTML the allow-list keeps (outside and inside {@link HtmlBlocks}), headings (ATX, setext,
 * inside block quotes, with the text a reader sees, {@link HeadingText}, and {@code {#id}}), and the
 * {@code id}/{@code name} anchors and one-line headings of raw HTML.
 *
 * <p>It reads what CommonMark and flexmark read on the content authors write; the property test
 * {@code LightLinkScanProperties} holds it to a flexmark-based scan. Where it reads differently
 * (documented there and in docs/validation.md): link titles and code spans over several lines,
 * emphasis that spans lines, HTML headings whose text goes on past their line, link destinations
 * longer than {@link LinkSyntax#MAX_DESTINATION} characters, and Markdown nested past the limits the
 * renderer cuts anyway. Every step is linear in the line (the brackets kept open and the
 * characters a destination is read for are bounded), ATX headings too but for a line with a carriage
 * return, which the heading pattern reads.
 */
final class LinkLines {

    /** '[' kept open at most, as flexmark's own bracket stack would be deeper only on hostile text. */
    private static final int MAX_OPEN_BRACKETS = 64;
    private static final Pattern DEFINITION = Pattern.compile(
            "^[ \\t>]*(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+)?\\[((?:[^\\]\\\\\\[]|\\\\.){1,999})]:");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})$");

    /** A link found, before reference links are resolved: where it starts in the source. */
    private record Found(int offset, String target, Link.Origin origin, String reference, String label, boolean shortcut) {
    }

    /** A heading: where it starts, its raw Markdown text (resolved once the whole body's definitions are known). */
    private record HeadingAt(int offset, String raw) {
    }

    /** An anchor and where it starts. */
    private record AnchorAt(int offset, String text, boolean heading) {
    }

    /** An open '[': where it is, whether a '!' makes it an image's, whether a link around it is still possible. */
    private static final class Opener {
        final int offset;
        final boolean image;
        boolean active = true;
        boolean nested;

        Opener(int offset, boolean image) {
            this.offset = offset;
            this.image = image;
        }
    }

    private final SourceText src;
    private final String text;
    private final List<Found> found = new ArrayList<>();
    private final List<HeadingAt> headings = new ArrayList<>();
    private final List<AnchorAt> htmlAnchors = new ArrayList<>();
    private final Map<String, String> definitions = new HashMap<>();
    private final List<Opener> openers = new ArrayList<>();
    /** The lines of the paragraph being read, for the bare URLs found once the paragraph's links are known. */
    private final List<Line> paragraph = new ArrayList<>();

    /** A line as BodyScanner passes it (comments blanked), with its code spans blanked too, and where it starts. */
    private record Line(String text, String masked, int offset) {
    }
    /** Source ranges no bare URL is looked for in: links, references, autolinks, HTML tags. */
    private final List<int[]> covered = new ArrayList<>();
    private boolean inParagraph;
    /** The paragraph started with a list item's marker: an underline under it is no setext heading's. */
    private boolean listParagraph;
    /** Where the content of the list item that opened the paragraph starts, when {@link #listParagraph}. */
    private int itemColumn;
    /** No paragraph or list item since a heading, a thematic break or code: a line indented four columns is code. */
    private boolean afterBlock;
    private boolean inTable;
    private int paragraphQuotes;
    /** An HTML block: 0 none, 1 ends at a closing tag ({@link #htmlEnd}), 6 and 7 end at a blank line. */
    private int htmlBlock;
    private String htmlEnd;
    /** A definition whose destination is on the next line: its label. */
    private String pendingLabel;

    /** Where the page's content starts: lines before (an include file's properties block) are no content. */
    private final int from;

    LinkLines(SourceText src, int from) {
        this.src = src;
        this.from = from;
        this.text = src.text();
    }

    /** A line that is no Markdown text: blank, a fence, code, a cloud marker, the JSON block. Ends a paragraph and an HTML block. */
    void blank() {
        endParagraph();
        if (htmlBlock >= 6) htmlBlock = 0;
        pendingLabel = null;
    }

    /** A line of code or a fence: ends a paragraph, not an HTML block of the kind that ends at its closing tag. */
    void code() {
        if (htmlBlock == 1) return;
        blank();
        afterBlock = true;
    }

    /** An ATX heading BodyScanner found (comments blanked). */
    void heading(String line, int lineOffset) {
        if (lineOffset < from) {
            blank();
            return;
        }
        if (htmlBlock != 0) {
            html(line, lineOffset);
            return;
        }
        endParagraph();
        atx(line, lineOffset, lead(line));
        afterBlock = true;
    }

    /**
     * A line of text (comments and include directives blanked); {@code tags} the HTML tags BodyScanner
     * found so far, those of this line from {@code firstTag} on.
     */
    void text(String line, int lineOffset, List<HtmlTag> tags, int firstTag) {
        text(line, null, lineOffset, tags, firstTag);
    }

    /** As {@link #text(String, int, List, int)}; {@code masked}: the line with its code spans blanked, when the caller has it (else null). */
    void text(String line, String masked, int lineOffset, List<HtmlTag> tags, int firstTag) {
        if (lineOffset < from) {
            blank();
            return;
        }
        if (htmlBlock != 0) {
            html(line, lineOffset);
            htmlTags(tags, firstTag, true, line, lineOffset);
            return;
        }
        if (line.isBlank()) {
            blank();
            return;
        }
        if (afterBlock && BlockSyntax.indentColumns(line) >= 4) return;
        afterBlock = false;
        int quotes = 0;
        int start = 0;
        while (true) {
            int s = start;
            int spaces = 0;
            while (s < line.length() && line.charAt(s) == ' ' && spaces < 3) {
                s++;
                spaces++;
            }
            if (s < line.length() && line.charAt(s) == '>') {
                quotes++;
                start = s + 1;
                if (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) start++;
            } else {
                break;
            }
        }
        String content = line.substring(start);
        if (content.isBlank()) {
            blank();
            return;
        }
        if (pendingLabel != null) {
            String label = pendingLabel;
            pendingLabel = null;
            String url = LinkSyntax.definitionDestination(content, 0);
            if (url != null) {
                definitions.putIfAbsent(label, url);
                return;
            }
        }
        if (quotes > 0 && quotes != paragraphQuotes) endParagraph();
        // The line's first character first: most lines are text, and a matcher per pattern per line costs.
        char lead = lead(content);
        // flexmark reads a table out of a paragraph once the paragraph ends: an underline makes all of it a heading.
        if ((lead == '=' || lead == '-') && inParagraph && !listParagraph && quotes == paragraphQuotes
                && SETEXT.matcher(content).matches()) {
            setext();
            return;
        }
        if ((lead == '-' || lead == '*' || lead == '_') && BlockSyntax.mayBeThematicBreak(content, lead)
                && THEMATIC_BREAK.matcher(content).matches()) {
            blank();
            afterBlock = true;
            return;
        }
        if (lead == '#' && BlockSyntax.atxText(content.strip()) != null && BlockSyntax.indent(content) < 4) {
            endParagraph();
            atx(content, lineOffset + start, lead);
            afterBlock = true;
            return;
        }
        // A lazy line (fewer '>' than its paragraph's, or left of its list item's content) continues
        // no container that holds the paragraph: flexmark lets it start even an HTML block that
        // cannot interrupt one.
        if (lead == '<' && HtmlBlocks.starts(content, inParagraph && quotes == paragraphQuotes
                && !(listParagraph && BlockSyntax.indent(content) < itemColumn))) {
            endParagraph();
            html(line, lineOffset);
            htmlTags(tags, firstTag, true, line, lineOffset);
            return;
        }
        boolean listItem = (lead == '-' || lead == '*' || lead == '+' || (lead >= '0' && lead <= '9'))
                && BlockSyntax.startsListItem(content);
        if (listItem) endParagraph();
        if (!inParagraph && definition(content)) return;
        if (inParagraph && !inTable && content.indexOf('|') >= 0 && BlockSyntax.isTableDelimiter(content)) {
            inTable = true;
            paragraph.add(new Line(line, line, lineOffset));
            return;
        }
        if (inTable) openers.clear();
        if (!inParagraph) {
            paragraphQuotes = quotes;
            listParagraph = listItem;
            if (listItem) itemColumn = BlockSyntax.listItemContentColumn(content);
        }
        inParagraph = true;
        if (masked == null) masked = InlineText.maskCodeSpans(line);
        paragraph.add(new Line(line, masked, lineOffset));
        inline(masked, lineOffset);
        htmlTags(tags, firstTag, false, line, lineOffset);
    }

    /** A setext underline BodyScanner found under paragraph text. */
    void setextUnderline(String line, int lineOffset) {
        if (lineOffset < from) {
            blank();
            return;
        }
        if (htmlBlock != 0) {
            html(line, lineOffset);
            return;
        }
        if (inParagraph && !listParagraph && paragraphQuotes == 0) {
            setext();
        } else if (line.strip().startsWith("-")) {
            blank();
            afterBlock = true;
        } else {
            text(line, lineOffset, List.of(), 0);
        }
    }

    private void setext() {
        StringBuilder raw = new StringBuilder();
        for (Line l : paragraph) {
            if (raw.length() > 0) raw.append('\n');
            raw.append(BlockSyntax.stripQuotes(l.text()).strip());
        }
        String first = paragraph.get(0).text();
        int at = paragraph.get(0).offset() + first.length() - BlockSyntax.stripQuotes(first).stripLeading().length();
        headings.add(new HeadingAt(at, raw.toString()));
        endParagraph();
        afterBlock = true;
    }

    private void atx(String content, int contentOffset, char lead) {
        int hash = content.indexOf('#');
        String raw = BlockSyntax.atxText(content.strip());
        if (raw == null) return;
        int at = contentOffset + hash;
        headings.add(new HeadingAt(at, raw));
        // The heading's own links and tags: its text is inline Markdown like a paragraph's.
        int rawStart = raw.isEmpty() ? -1 : content.indexOf(raw, hash);
        if (rawStart >= 0) {
            String masked = InlineText.maskCodeSpans(raw);
            inline(masked, contentOffset + rawStart);
            urls(masked, contentOffset + rawStart, new Autolinks.Covered(covered));
            openers.clear();
            List<HtmlTag> tags = new ArrayList<>();
            HtmlTags.find(masked, contentOffset + rawStart, src, tags);
            htmlTags(tags, 0, false, raw, contentOffset + rawStart);
        }
    }

    /** The bare URLs of a line of text (code spans blanked), once its links are known. */
    private void urls(String masked, int from, Autolinks.Covered covered) {
        List<Autolinks.Url> urls = new ArrayList<>();
        Autolinks.bare(masked, from, covered, urls);
        for (Autolinks.Url u : urls) found.add(new Found(u.offset(), u.target(), Link.Origin.AUTOLINK, null, null, false));
    }

    private void endParagraph() {
        if (!paragraph.isEmpty()) {
            Autolinks.Covered ranges = new Autolinks.Covered(covered);
            for (Line l : paragraph) urls(l.masked(), l.offset(), ranges);
        }
        paragraph.clear();
        covered.clear();
        openers.clear();
        inParagraph = false;
        listParagraph = false;
        inTable = false;
        paragraphQuotes = 0;
    }

    // ----------------------------------------------------------------------------------------
    // Reference definitions

    /** Whether the line is a reference definition (recorded, first one of a label wins). */
    private boolean definition(String line) {
        if (line.indexOf("]:") < 0) return false;
        Matcher def = DEFINITION.matcher(line);
        if (!def.find()) return false;
        String label = LinkSyntax.normalize(def.group(1));
        if (label.isEmpty()) return false;
        int start = LinkSyntax.skipSpace(line, def.end());
        if (start >= line.length()) {
            pendingLabel = label;
            return true;
        }
        String url = LinkSyntax.definitionDestination(line, start);
        if (url == null) return false;
        definitions.putIfAbsent(label, url);
        return true;
    }

    // ----------------------------------------------------------------------------------------
    // Inline links

    private void inline(String line, int lineOffset) {
        boolean brackets = line.indexOf('[') >= 0 || (!openers.isEmpty() && line.indexOf(']') >= 0);
        boolean angles = line.indexOf('<') >= 0;
        if (!brackets && !angles) return;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && LinkSyntax.isPunctuation(line.charAt(i + 1))) i++;
            } else if (c == '<') {
                List<Autolinks.Url> urls = new ArrayList<>(1);
                int end = Autolinks.angle(line, i, lineOffset, urls);
                for (Autolinks.Url u : urls) found.add(new Found(u.offset(), u.target(), Link.Origin.AUTOLINK, null, null, false));
                if (end < 0) end = HtmlTags.end(line, i);
                if (end > i) {
                    covered.add(new int[] {lineOffset + i, lineOffset + end});
                    i = end - 1;
                }
            } else if (c == '[') {
                boolean image = i > 0 && line.charAt(i - 1) == '!' && !(i > 1 && line.charAt(i - 2) == '\\');
                if (!openers.isEmpty()) openers.get(openers.size() - 1).nested = true;
                if (openers.size() < MAX_OPEN_BRACKETS) openers.add(new Opener(lineOffset + i - (image ? 1 : 0), image));
            } else if (c == ']' && !openers.isEmpty()) {
                i = close(line, i, lineOffset);
            }
        }
    }

    /** A ']' at {@code i} closes the latest '['; returns where the scan goes on (the last character read). */
    private int close(String line, int i, int lineOffset) {
        Opener o = openers.remove(openers.size() - 1);
        int n = line.length();
        if (!openers.isEmpty()) openers.get(openers.size() - 1).nested = true;
        if (!o.active) return i;
        Link.Origin origin = o.image ? Link.Origin.IMAGE : Link.Origin.LINK;
        if (i + 1 < n && line.charAt(i + 1) == '(') {
            int start = LinkSyntax.skipSpace(line, i + 2);
            int[] dest = LinkSyntax.destination(line, start);
            if (dest != null) {
                int end = LinkSyntax.skipSpace(line, dest[1]);
                if (end > dest[1] && end < n && line.charAt(end) != ')') {
                    end = LinkSyntax.title(line, end);
                    if (end >= 0) end = LinkSyntax.skipSpace(line, end);
                }
                if (end >= 0 && end < n && line.charAt(end) == ')') {
                    String url = dest[1] == start ? "" : line.charAt(start) == '<'
                            ? line.substring(start + 1, dest[1] - 1) : line.substring(start, dest[1]);
                    found.add(new Found(o.offset, LinkSyntax.unescape(url), origin, null, null, false));
                    covered.add(new int[] {o.offset, lineOffset + end + 1});
                    if (!o.image) for (Opener earlier : openers) earlier.active = false;
                    return end;
                }
            }
        }
        if (o.nested) return i;
        // A reference: [text][label], [label][] or [label].
        String label;
        boolean shortcut = false;
        int end = i;
        int textStart = o.offset + (o.image ? 2 : 1);
        if (i + 1 < n && line.charAt(i + 1) == '[') {
            int close = LinkSyntax.labelEnd(line, i + 2);
            if (close < 0) {
                label = src.text().substring(textStart, lineOffset + i);
                shortcut = true;
            } else {
                label = line.substring(i + 2, close);
                if (label.isBlank()) label = src.text().substring(textStart, lineOffset + i);
                end = close;
            }
        } else {
            label = src.text().substring(textStart, lineOffset + i);
            shortcut = true;
        }
        found.add(new Found(o.offset, null, origin, label, LinkSyntax.normalize(label), shortcut));
        covered.add(new int[] {o.offset, lineOffset + end + 1});
        return end;
    }

    // ----------------------------------------------------------------------------------------
    // Raw HTML

    /** A line inside an HTML block: where the block ends. */
    private void html(String line, int lineOffset) {
        if (htmlBlock == 0) {
            String content = BlockSyntax.stripQuotes(line).stripLeading();
            htmlBlock = HtmlBlocks.kind(content);
            htmlEnd = htmlBlock == 1 ? HtmlBlocks.endMarker(content) : null;
        }
        if (htmlBlock == 1 && line.toLowerCase(java.util.Locale.ROOT).contains(htmlEnd)) {
            htmlBlock = 0;
        }
    }

    /** The links and anchors of the tags of a line, from {@code first} on; {@code block}: the tags are an HTML block's. */
    private void htmlTags(List<HtmlTag> tags, int first, boolean block, String line, int lineOffset) {
        for (int t = first; t < tags.size(); t++) {
            HtmlTag tag = tags.get(t);
            String name = tag.name();
            if (!HtmlPolicy.allowedTag(name)) continue;
            int offset = src.lineStart(tag.position().line()) + tag.position().column() - 1;
            for (String attr : List.of("href", "src")) {
                String value = HtmlTags.attribute(tag, attr);
                if (value != null && HtmlPolicy.allowedAttribute(name, attr)) {
                    found.add(new Found(offset, LinkSyntax.unescapeEntities(value).strip(), attr.equals("href") ? Link.Origin.HTML_HREF
                            : Link.Origin.HTML_SRC, null, null, false));
                }
            }
            String id = HtmlTags.attribute(tag, "id");
            boolean heading = name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
            if (id != null && !LinkSyntax.unescapeEntities(id).isBlank()) {
                htmlAnchors.add(new AnchorAt(offset, LinkSyntax.unescapeEntities(id), false));
            } else if (heading) {
                htmlAnchors.add(new AnchorAt(offset, block ? HeadingText.ofHtml(line, offset - lineOffset, name) : "", true));
            }
            String anchorName = HtmlTags.attribute(tag, "name");
            if (name.equals("a") && anchorName != null && !LinkSyntax.unescapeEntities(anchorName).isBlank()) {
                htmlAnchors.add(new AnchorAt(offset, LinkSyntax.unescapeEntities(anchorName), false));
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // The result

    /**
     * The page's links and anchors, in source order, each with the cloud blocks around it; nothing
     * from {@code cut} on (the line where the Markdown nests too deep: the renderer shows nothing after it).
     */
    PageLinks finish(List<CloudBlockMarker> markers, List<Include> includes, int cut) {
        endParagraph();
        CloudScopes scopes = new CloudScopes(markers);
        int limit = cut < 0 ? Integer.MAX_VALUE : cut;
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::offset));
        List<Link> links = new ArrayList<>(sorted.size());
        for (Found f : sorted) {
            if (f.offset() >= limit) continue;
            var position = src.position(f.offset());
            if (f.label() == null) {
                links.add(new Link(f.target(), f.origin(), null, position, scopes.at(position.line())));
                continue;
            }
            String url = definitions.get(f.label());
            if (url != null) {
                links.add(new Link(url, f.origin(), f.reference(), position, scopes.at(position.line())));
            } else if (!f.shortcut()) {
                links.add(new Link(null, f.origin(), f.reference(), position, scopes.at(position.line())));
            }
        }
        List<AnchorAt> all = new ArrayList<>(headings.size() + htmlAnchors.size());
        for (HeadingAt h : headings) {
            String plain = HeadingText.of(h.raw(), definitions::containsKey);
            // The pattern needs "{#": most headings have none, and its find tries every position of the text.
            Matcher explicit = plain.indexOf("{#") < 0 ? null : LinkScanner.EXPLICIT_ID.matcher(plain);
            all.add(explicit != null && explicit.find() ? new AnchorAt(h.offset(), explicit.group(1), false) : new AnchorAt(h.offset(), plain, true));
        }
        all.addAll(htmlAnchors);
        // A heading's anchor (its text, or its explicit {#id}) comes before the anchors inside it: headings
        // are listed first and the sort is stable.
        all.sort(Comparator.comparingInt(AnchorAt::offset));
        List<Anchor> anchors = new ArrayList<>(all.size());
        for (AnchorAt a : all) {
            if (a.offset() >= limit) continue;
            var position = src.position(a.offset());
            anchors.add(new Anchor(a.text(), a.heading(), position, scopes.at(position.line())));
        }
        List<PageLinks.IncludeAt> directives = new ArrayList<>(includes.size());
        for (Include include : includes) {
            directives.add(new PageLinks.IncludeAt(include.target(), include.position(), scopes.at(include.position().line())));
        }
        return new PageLinks(links, anchors, directives);
    }

    // ----------------------------------------------------------------------------------------
    // Characters

    private static char lead(String line) {
        return MarkdownDialect.lead(line);
    }
}
