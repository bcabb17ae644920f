package dev.certdocs.load;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.certdocs.config.HtmlPolicy;
import dev.certdocs.model.Anchor;
import dev.certdocs.model.Body;
import dev.certdocs.model.CloudBlockMarker;
import dev.certdocs.model.CloudScope;
import dev.certdocs.model.CloudScopes;
import dev.certdocs.model.Include;
import dev.certdocs.model.JsonBlock;
import dev.certdocs.model.Link;
import dev.certdocs.model.PageLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The link scan certdocs made before {@link LinkScanner} read links in the loader's one pass: a
 * full flexmark parse configured as the renderer is, raw HTML read with jsoup. Kept as the oracle
 * the light scan is held to ({@code LightLinkScanProperties}); what a page shows is what this finds.
 */
final class FlexmarkLinkScanner {

    private static final Pattern INCLUDE = MarkdownDialect.INCLUDE;
    private static final Pattern EXPLICIT_ID = LinkScanner.EXPLICIT_ID;
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00A0]+");

    private final Parser parser;
    private final Includes includes;
    private final Map<String, PageLinks> includeScans = new ConcurrentHashMap<>();

    FlexmarkLinkScanner(Includes includes) {
        this.includes = includes;
        this.parser = Parser.builder(MarkdownDialect.options()).build();
    }

    /** The links of a loaded article's body. */
    PageLinks article(ArticleLoader.Loaded loaded) {
        return scan(loaded.source(), loaded.bodyOffset(), loaded.article().body());
    }

    /** The links of an include file (a repository-relative path {@link Includes#resolve} found), scanned once. */
    PageLinks include(String path) {
        return includeScans.computeIfAbsent(path, p -> {
            SourceText src = new SourceText(p, includes.text(p));
            return scan(src, propertiesEnd(src.text()), includes.body(p));
        });
    }

    /** Where an include file's content starts: after its own properties block, which the renderer drops. */
    private static int propertiesEnd(String text) {
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) lead++;
        if (text.regionMatches(true, lead, "<properties", 0, 11)) {
            int end = text.indexOf("/>", lead);
            if (end >= 0) return end + 2;
        }
        return 0;
    }

    PageLinks scan(SourceText src, int bodyOffset, Body body) {
        String text = src.text();
        char[] masked = text.substring(bodyOffset).toCharArray();
        List<PageLinks.IncludeAt> directives = new ArrayList<>();
        CloudScopes scopes = new CloudScopes(body.cloudBlocks());
        for (CloudBlockMarker m : body.cloudBlocks()) {
            blankLine(src, m.position().line(), bodyOffset, masked);
        }
        for (Include include : body.includes()) {
            int lineStart = src.lineStart(include.position().line());
            Matcher im = INCLUDE.matcher(src.line(include.position().line()));
            if (im.find(include.position().column() - 1)) {
                int from = lineStart + im.start() - bodyOffset;
                blank(from, lineStart + im.end() - bodyOffset, masked);
                String line = src.line(include.position().line());
                if (line.substring(0, im.start()).isBlank() && !line.substring(im.end()).isBlank() && from >= 0) {
                    // Text after the directive must not become indented code: an invisible, inert first character.
                    masked[from] = '\u200B';
                }
            }
            directives.add(new PageLinks.IncludeAt(include.target(), include.position(), scopes.at(include.position().line())));
        }
        body.json().ifPresent(json -> blankJson(src, json, bodyOffset, masked));
        String markdown = new String(masked);
        int crossing = Nesting.crossing(markdown);
        if (crossing >= 0) {
            // As the renderer does: nothing from the line where the Markdown nests too deep is parsed.
            int lineStart = markdown.lastIndexOf('\n', crossing) + 1;
            blank(lineStart, masked.length, masked);
            markdown = new String(masked);
        }

        Walk walk;
        try {
            Document doc = parser.parse(markdown);
            walk = new Walk(src, bodyOffset, scopes, doc);
            walk.visit(doc);
        } catch (StackOverflowError e) {
            // What nests too deep was cut above; a line flexmark's patterns still cannot read (validate
            // reports it as body/too-deep) leaves no links to check rather than a stack trace.
            return new PageLinks(List.of(), List.of(), directives);
        }
        return new PageLinks(walk.links, walk.anchors, directives);
    }

    private static void blankLine(SourceText src, int line, int bodyOffset, char[] masked) {
        int start = src.lineStart(line);
        blank(start - bodyOffset, start + src.line(line).length() - bodyOffset, masked);
    }

    private static void blank(int from, int to, char[] masked) {
        for (int i = Math.max(0, from); i < Math.min(to, masked.length); i++) {
            if (masked[i] != '\n') masked[i] = ' ';
        }
    }

    /** The JSON document of a JSON kind and its two {@code ---} lines are not Markdown the page shows. */
    private static void blankJson(SourceText src, JsonBlock json, int bodyOffset, char[] masked) {
        int lines = json.text().isEmpty() ? 0 : (int) json.text().chars().filter(c -> c == '\n').count() + 1;
        int last = Math.min(json.firstLine() + lines, src.lineCount());
        for (int line = Math.max(1, json.firstLine() - 1); line <= last; line++) {
            if (src.lineStart(line) >= bodyOffset) blankLine(src, line, bodyOffset, masked);
        }
    }

    /** One walk over a parsed body, collecting in source order. */
    private static final class Walk {
        private final SourceText src;
        private final int bodyOffset;
        private final CloudScopes scopes;
        private final Document doc;
        final List<Link> links = new ArrayList<>();
        final List<Anchor> anchors = new ArrayList<>();

        Walk(SourceText src, int bodyOffset, CloudScopes scopes, Document doc) {
            this.src = src;
            this.bodyOffset = bodyOffset;
            this.scopes = scopes;
            this.doc = doc;
        }

        void visit(Node node) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof HtmlCommentBlock || n instanceof HtmlInnerBlockComment || n instanceof HtmlInlineComment
                        || n instanceof Reference) {
                    continue;
                }
                if (n instanceof Heading h) heading(h);
                if (n instanceof InlineLinkNode l) {
                    link(l.getUrl().unescape(), n instanceof Image ? Link.Origin.IMAGE : Link.Origin.LINK, null, n.getStartOffset());
                } else if (n instanceof RefNode r) {
                    reference(r);
                } else if (n instanceof AutoLink a) {
                    String url = a.getUrl().isEmpty() ? a.getText().toString() : a.getUrl().toString();
                    if (url.regionMatches(true, 0, "www.", 0, 4)) url = "http://" + url;
                    link(url, Link.Origin.AUTOLINK, null, n.getStartOffset());
                    continue;
                } else if (n instanceof MailLink m) {
                    link("mailto:" + m.getText(), Link.Origin.AUTOLINK, null, n.getStartOffset());
                    continue;
                } else if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                    html(n.getChars().toString(), n.getStartOffset());
                    continue;
                }
                visit(n);
            }
        }

        private void reference(RefNode r) {
            Link.Origin origin = r instanceof ImageRef ? Link.Origin.IMAGE : Link.Origin.LINK;
            String label = r.getReference().toString();
            if (r.isDefined()) {
                Reference ref = r.getReferenceNode(doc);
                if (ref != null) link(ref.getUrl().unescape(), origin, label, r.getStartOffset());
            } else if (!r.isReferenceTextCombined() || r.isDummyReference()) {
                // [text][label] or [label][] with no definition: the page shows the brackets as text.
                // A shortcut [label] is left alone: brackets in prose ([!NOTE], [optional]) read the same.
                link(null, origin, label, r.getStartOffset());
            }
        }

        private void link(String target, Link.Origin origin, String reference, int offset) {
            var position = src.position(bodyOffset + offset);
            links.add(new Link(target, origin, reference, position, scopes.at(position.line())));
        }

        private void heading(Heading h) {
            StringBuilder sb = new StringBuilder();
            plainText(h, sb, false);
            String text = WHITE_SPACE.matcher(sb).replaceAll(" ").strip();
            var position = src.position(bodyOffset + h.getStartOffset());
            Matcher explicit = EXPLICIT_ID.matcher(text);
            anchors.add(explicit.find()
                    ? new Anchor(explicit.group(1), false, position, scopes.at(position.line()))
                    : new Anchor(text, true, position, scopes.at(position.line())));
        }

        /** The text jsoup's {@code text()} gives for the rendered heading: images and tags dropped, entities decoded. */
        private static void plainText(Node node, StringBuilder sb, boolean code) {
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Image || c instanceof ImageRef || c instanceof HtmlInlineBase) continue;
                if (c instanceof Text || c instanceof HtmlEntity) {
                    sb.append(code ? c.getChars().toString() : c.getChars().unescape());
                } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                    sb.append(' ');
                } else if (c instanceof DelimitedLinkNode d && !c.hasChildren()) {
                    sb.append(d.getText());
                } else if (c instanceof RefNode r && !r.isDefined()) {
                    sb.append(c.getChars().unescape());
                } else {
                    plainText(c, sb, code || c instanceof Code);
                }
            }
        }

        /** Links and anchors of raw HTML, for the elements and attributes the allow-list keeps. */
        private void html(String html, int offset) {
            org.jsoup.parser.Parser p = org.jsoup.parser.Parser.htmlParser().setTrackPosition(true);
            for (Element e : org.jsoup.Jsoup.parse(html, "", p).getAllElements()) {
                if (!e.sourceRange().isTracked()) continue;
                String tag = e.normalName();
                if (!HtmlPolicy.allowedTag(tag)) continue;
                var position = src.position(bodyOffset + offset + e.sourceRange().startPos());
                CloudScope scope = scopes.at(position.line());
                for (String attr : List.of("href", "src")) {
                    if (e.hasAttr(attr) && HtmlPolicy.allowedAttribute(tag, attr)) {
                        links.add(new Link(e.attr(attr).strip(), attr.equals("href") ? Link.Origin.HTML_HREF
                                : Link.Origin.HTML_SRC, null, position, scope));
                    }
                }
                boolean heading = tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
                if (!e.attr("id").isBlank()) {
                    anchors.add(new Anchor(e.attr("id"), false, position, scope));
                } else if (heading) {
                    anchors.add(new Anchor(e.text(), true, position, scope));
                }
                if (tag.equals("a") && !e.attr("name").isBlank()) {
                    anchors.add(new Anchor(e.attr("name"), false, position, scope));
                }
            }
        }
    }
}
