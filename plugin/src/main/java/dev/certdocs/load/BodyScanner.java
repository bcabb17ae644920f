package dev.certdocs.load;

import dev.certdocs.model.Body;
import dev.certdocs.model.CloudBlockMarker;
import dev.certdocs.model.Heading;
import dev.certdocs.model.HeadingIds;
import dev.certdocs.model.HtmlTag;
import dev.certdocs.model.Image;
import dev.certdocs.model.Include;
import dev.certdocs.model.JsonBlock;
import dev.certdocs.model.Placeholder;
import dev.certdocs.model.Properties;
import dev.certdocs.model.VariableUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the structure the checks need from a Markdown body in one pass over its lines:
 * headings (ATX and setext, with their ids), images, includes, cloud-block markers, variable
 * uses and, for JSON kinds, the document between the first two {@code ---} lines after the H1.
 * Fenced code is skipped for everything but variables (which are replaced everywhere).
 * A line scanner rather than a full Markdown parse: it is what makes validation cheap enough
 * for repositories of 100,000 articles.
 */
final class BodyScanner {

    /** An image's alt text and source; the alt text at most 999 characters, so that a line of unclosed {@code ![} is read once, not once per {@code ![}. */
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]{0,999})\\][(\\[]\\s*<?([^)\\]\\s>]*)");
    private static final Pattern IMG_TAG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT_ATTR = Pattern.compile("\\balt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC_ATTR = Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    /** Lines a wrapped tag may span before it is taken for text. */
    private static final int MAX_TAG_LINES = 8;

    private BodyScanner() {
    }

    /** Scans from {@code startOffset} to the end of {@code src}; {@code jsonBody} asks for the JSON block. */
    static Body scan(SourceText src, int startOffset, boolean jsonBody) {
        return scan(src, startOffset, jsonBody, -1);
    }

    /**
     * As {@link #scan(SourceText, int, boolean)}, for a text whose bytes were not all UTF-8:
     * {@code invalidUtf8} is the offset in {@code src} of the first character decoded from bad bytes (-1: none).
     */
    static Body scan(SourceText src, int startOffset, boolean jsonBody, int invalidUtf8) {
        return scan(src, startOffset, jsonBody, invalidUtf8, startOffset);
    }

    /**
     * An include file, from its start: its own properties block (which the renderer drops) is
     * read for everything but the page's links.
     */
    static Body scanInclude(SourceText src, int invalidUtf8) {
        return scan(src, 0, false, invalidUtf8, propertiesEnd(src.text()));
    }

    /** Where an include file's content starts: after its own properties block. */
    private static int propertiesEnd(String text) {
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) lead++;
        if (text.regionMatches(true, lead, "<properties", 0, 11)) {
            int end = text.indexOf("/>", lead);
            if (end >= 0) return end + 2;
        }
        return 0;
    }

    private static Body scan(SourceText src, int startOffset, boolean jsonBody, int invalidUtf8, int linksFrom) {
        Scan scan = new Scan(src, jsonBody, linksFrom);
        String text = src.text();
        int offset = startOffset;
        // The nesting measure reads the same lines, the first from its start (the body may start inside it).
        int nestingFrom = src.lineStart(src.lineOf(startOffset));
        while (offset <= text.length()) {
            int end = text.indexOf('\n', offset);
            if (end < 0) end = text.length();
            scan.line(text.substring(offset, end), offset, end + 1);
            // After the line's scan: the include directives on it are offsets the measure gives a depth to.
            scan.nesting.line(nestingFrom, end);
            offset = end + 1;
            nestingFrom = offset;
        }
        return scan.body(startOffset, invalidUtf8);
    }

    /** One pass over a body's lines: what each kind of line adds, and the state carried from line to line. */
    private static final class Scan {
        private final SourceText src;
        private final String text;
        private final boolean jsonBody;
        private final List<Heading> headings = new ArrayList<>();
        private final List<Image> images = new ArrayList<>();
        private final List<Include> includes = new ArrayList<>();
        /** How deep the Markdown nests, measured line by line in this pass; the include directives' offsets are given to it. */
        private final Nesting.Scan nesting;
        private final List<CloudBlockMarker> markers = new ArrayList<>();
        private final List<VariableUse> variables = new ArrayList<>();
        private final List<HtmlTag> tags = new ArrayList<>();
        private final List<Placeholder> placeholders = new ArrayList<>();
        private final HeadingIds ids = new HeadingIds();
        private final MarkdownLinks links;
        private final LinkLines pageLinks;
        /** The patterns run on many lines, each with one matcher for the scan: made per line, they cost more than they read. */
        private final MarkdownDialect.Matchers dialect = new MarkdownDialect.Matchers();
        private final Matcher image = MD_IMAGE.matcher("");
        private Optional<JsonBlock> json = Optional.empty();
        private int jsonStart = -1;
        /** An inline tag whose attributes go on over the next lines: its text so far and where it starts. */
        private String wrappedTag;
        private int wrappedTagOffset;
        private String fence;
        /** The previous line when it could be a setext heading's text, and where it starts. */
        private String previous;
        private int previousOffset;
        private boolean inComment;
        private boolean blankBefore = true;
        private boolean inList;
        private boolean inIndentedCode;
        /** The first line the patterns could not read. */
        private int tooComplex = -1;

        Scan(SourceText src, boolean jsonBody, int linksFrom) {
            this.src = src;
            this.text = src.text();
            this.jsonBody = jsonBody;
            this.links = new MarkdownLinks(src);
            this.pageLinks = new LinkLines(src, linksFrom);
            this.nesting = Nesting.scan(text);
        }

        /** One line, without its line break; {@code next} is where the next line starts. */
        void line(String raw, int lineOffset, int next) {
            try {
                if (jsonStart >= 0) {
                    jsonLine(raw, lineOffset);
                } else if (fence != null) {
                    fencedLine(raw, lineOffset);
                } else {
                    markdownLine(raw, lineOffset, next);
                }
            } catch (StackOverflowError e) {
                // Java's regex engine recurses once per repetition of a group: a line of some syntax
                // repeated thousands of times exhausts any stack. The line is skipped and reported.
                if (tooComplex < 0) tooComplex = lineOffset;
            }
        }

        /** A line of the JSON document of a JSON kind, up to its closing {@code ---}. */
        private void jsonLine(String raw, int lineOffset) {
            variables(raw, lineOffset);
            if (isDashLine(raw)) {
                int jsonLine = src.lineOf(jsonStart);
                json = Optional.of(new JsonBlock(text.substring(jsonStart, Math.max(jsonStart, lineOffset - 1)), jsonLine));
                jsonStart = -2;
            }
        }

        /** A line inside fenced code: only variables count, and the closing fence. */
        private void fencedLine(String raw, int lineOffset) {
            variables(raw, lineOffset);
            pageLinks.code();
            if (MarkdownDialect.closesFence(raw, fence)) fence = null;
        }

        private void markdownLine(String raw, int lineOffset, int next) {
            String line = withoutComments(raw);
            if (line == null) return;
            variables(line, lineOffset);
            if (line.isBlank()) {
                interrupt();
                pageLinks.blank();
                blankBefore = true;
                return;
            }
            int indent = BlockSyntax.indentColumns(line);
            // Cheap look at the line's start first: most lines are text, and a matcher per pattern
            // per line was most of the scanning time.
            char lead = MarkdownDialect.lead(line);
            boolean listItem = (lead == '-' || lead == '*' || lead == '+' || (lead >= '0' && lead <= '9'))
                    && BlockSyntax.startsListItem(line);
            if (listItem) {
                inList = true;
            } else if (indent == 0 && blankBefore) {
                inList = false;
            }
            // An indented code block: four columns in, after a blank line, outside a list.
            if (!inList && indent >= 4 && (blankBefore || inIndentedCode)) {
                inIndentedCode = true;
                blankBefore = false;
                interrupt();
                pageLinks.code();
                return;
            }
            inIndentedCode = false;
            blankBefore = false;
            String opened = MarkdownDialect.fenceOpening(line);
            if (opened != null) {
                fence = opened;
                interrupt();
                pageLinks.code();
                return;
            }
            if (jsonBody && jsonStart == -1 && json.isEmpty() && isDashLine(line)
                    && headings.stream().anyMatch(h -> h.level() == 1)) {
                jsonStart = Math.min(next, text.length());
                pageLinks.blank();
                return;
            }
            if (lead == '#' && atxHeading(line, lineOffset)) return;
            if (previous != null && (lead == '=' || lead == '-') && setextHeading(line, lineOffset)) return;
            MarkdownDialect.CloudMarker marker = dialect.cloudMarker(line);
            if (marker != null) {
                cloudMarker(marker, line, lineOffset);
                return;
            }
            textLine(line, lineOffset);
        }

        /**
         * The line with HTML comments blanked (they are not rendered: nothing inside them is
         * content), or {@code null} when all of it is inside a comment that goes on.
         */
        private String withoutComments(String raw) {
            if (!inComment && raw.indexOf("<!--") < 0) return raw;
            int close = inComment ? raw.indexOf("-->") : -2;
            if (inComment && close < 0) return null;
            StringBuilder masked = new StringBuilder(raw);
            int from = 0;
            if (inComment) {
                for (int i = 0; i < close + 3; i++) masked.setCharAt(i, ' ');
                from = close + 3;
                inComment = false;
            }
            for (int open = raw.indexOf("<!--", from); open >= 0; open = raw.indexOf("<!--", from)) {
                int stop = raw.indexOf("-->", open + 4);
                int to = stop < 0 ? raw.length() : stop + 3;
                for (int i = open; i < to; i++) masked.setCharAt(i, ' ');
                if (stop < 0) {
                    inComment = true;
                    break;
                }
                from = to;
            }
            return masked.toString();
        }

        private boolean atxHeading(String line, int lineOffset) {
            String atx = BlockSyntax.atxText(line);
            if (atx == null) return false;
            String plain = InlineText.plainText(atx);
            int hash = line.indexOf('#');
            int level = 1;
            while (line.startsWith("#", hash + level)) level++;
            headings.add(new Heading(level, plain, ids.next(plain), src.position(lineOffset + hash)));
            interrupt();
            pageLinks.heading(line, lineOffset);
            return true;
        }

        private boolean setextHeading(String line, int lineOffset) {
            int level = setextLevel(line);
            if (level == 0) return false;
            String plain = InlineText.plainText(previous.strip());
            int margin = previous.length() - previous.stripLeading().length();
            headings.add(new Heading(level, plain, ids.next(plain), src.position(previousOffset + margin)));
            interrupt();
            pageLinks.setextUnderline(line, lineOffset);
            return true;
        }

        private void cloudMarker(MarkdownDialect.CloudMarker marker, String line, int lineOffset) {
            int at = lineOffset + line.indexOf(':');
            markers.add(new CloudBlockMarker(marker.open(), marker.exclude(), marker.clouds(), src.position(at)));
            interrupt();
            pageLinks.blank();
        }

        /** A line of paragraph text (or a table row, a list item, a quote, raw HTML): includes, links, images, tags. */
        private void textLine(String line, int lineOffset) {
            String masked = InlineText.maskCodeSpans(line);
            String linkText = masked;
            String pageText = line;
            if (masked.indexOf("[!") >= 0) {
                Matcher inc = dialect.includes(masked);
                StringBuilder withoutIncludes = null;
                StringBuilder lineWithoutIncludes = null;
                while (inc.find()) {
                    includes.add(new Include(inc.group(1).strip(), inc.group(2).strip(), src.position(lineOffset + inc.start())));
                    nesting.offset(lineOffset + inc.start());
                    if (withoutIncludes == null) {
                        withoutIncludes = new StringBuilder(masked);
                        lineWithoutIncludes = new StringBuilder(line);
                    }
                    for (int i = inc.start(); i < inc.end(); i++) {
                        withoutIncludes.setCharAt(i, ' ');
                        lineWithoutIncludes.setCharAt(i, ' ');
                    }
                    if (line.substring(0, inc.start()).isBlank() && !line.substring(inc.end()).isBlank()) {
                        // As the renderer reads it: text after the directive must not become indented code.
                        lineWithoutIncludes.setCharAt(inc.start(), '\u200B');
                    }
                }
                // An include's path is no link of the page.
                if (withoutIncludes != null) {
                    linkText = withoutIncludes.toString();
                    pageText = lineWithoutIncludes.toString();
                }
            }
            links.line(linkText, lineOffset);
            if (masked.indexOf("![") >= 0) {
                Matcher img = image.reset(masked);
                while (img.find()) {
                    images.add(new Image(img.group(2), img.group(1), src.position(lineOffset + img.start())));
                }
            }
            int firstTag = tags.size();
            htmlTags(masked, lineOffset);
            // The line's code spans are masked once: LinkLines reads the same line unless an include directive was blanked.
            pageLinks.text(pageText, pageText == line ? masked : null, lineOffset, tags, firstTag);
            for (int k = 0; k < Placeholder.TEXTS.size(); k++) {
                String placeholder = Placeholder.TEXTS.get(k);
                int at = masked.indexOf(placeholder);
                if (at >= 0) placeholders.add(new Placeholder(placeholder, src.position(lineOffset + at)));
            }
            previous = isParagraphText(line) ? line : null;
            previousOffset = lineOffset;
        }

        /** Images written as {@code <img>}, and every opening tag, also one whose attributes wrap onto the next lines. */
        private void htmlTags(String masked, int lineOffset) {
            if (masked.indexOf('<') >= 0) {
                Matcher tag = containsImgTag(masked) ? IMG_TAG.matcher(masked) : null;
                while (tag != null && tag.find()) {
                    String alt = attribute(ALT_ATTR, tag.group());
                    images.add(new Image(attribute(SRC_ATTR, tag.group()), alt, src.position(lineOffset + tag.start())));
                }
                HtmlTags.find(masked, lineOffset, src, tags);
            }
            if (wrappedTag != null) {
                String joined = wrappedTag + "\n" + masked;
                Matcher open = HtmlTags.OPEN.matcher(joined);
                if (open.lookingAt()) {
                    tags.add(HtmlTags.tag(open, src.position(wrappedTagOffset)));
                    wrappedTag = null;
                } else {
                    boolean more = joined.indexOf('>') < 0 && joined.chars().filter(c -> c == '\n').count() < MAX_TAG_LINES;
                    wrappedTag = more ? joined : null;
                }
            } else if (masked.indexOf('<') >= 0) {
                Matcher unclosed = HtmlTags.UNCLOSED.matcher(masked);
                if (unclosed.find()) {
                    wrappedTag = masked.substring(unclosed.start());
                    wrappedTagOffset = lineOffset + unclosed.start();
                }
            }
        }

        /** A line that is not paragraph text: no link destination, setext underline or wrapped tag continues onto the next. */
        private void interrupt() {
            links.interrupt();
            wrappedTag = null;
            previous = null;
        }

        private void variables(String line, int lineOffset) {
            if (line.indexOf("{{") < 0) return;
            Matcher v = dialect.variables(line);
            while (v.find()) variables.add(new VariableUse(SharedStrings.of(v.group(1)), src.position(lineOffset + v.start())));
        }

        Body body(int startOffset, int invalidUtf8) {
            int firstLine = src.lineOf(startOffset);
            // How deep the Markdown nests, and at each include directive: the nesting limit is one of loading's findings.
            Nesting.Depths depths = nesting.depths();
            List<Include> measured = new ArrayList<>(includes.size());
            for (int i = 0; i < includes.size(); i++) {
                Include inc = includes.get(i);
                measured.add(new Include(inc.title(), inc.target(), inc.position(), depths.at()[i]));
            }
            // The renderer shows nothing from the line where the Markdown nests too deep: no link there is on the page.
            int cut = depths.crossing() < 0 ? -1 : text.lastIndexOf('\n', depths.crossing()) + 1;
            // A line the patterns could not read before that: flexmark cannot read the page either, and the renderer shows none of it.
            if (tooComplex >= 0 && (cut < 0 || tooComplex < cut)) cut = startOffset;
            return new Body(firstLine, headings, images, measured, markers, variables, json, tags, links.links(), placeholders,
                    depths.max(), tooDeep(depths.crossing(), tooComplex).map(src::position),
                    invalidUtf8 < 0 ? Optional.empty() : Optional.of(src.position(invalidUtf8)),
                    pageLinks.finish(markers, measured, cut));
        }
    }

    /** The first of two offsets where the Markdown is too deep or too complex to read (-1: none). */
    private static Optional<Integer> tooDeep(int crossing, int tooComplex) {
        if (crossing < 0 && tooComplex < 0) return Optional.empty();
        if (crossing < 0 || tooComplex < 0) return Optional.of(Math.max(crossing, tooComplex));
        return Optional.of(Math.min(crossing, tooComplex));
    }

    private static boolean isParagraphText(String line) {
        String s = line.stripLeading();
        if (line.length() - s.length() >= 4) return false;
        char c = s.charAt(0);
        return c != '>' && c != '|' && c != '<' && !s.startsWith("- ") && !s.startsWith("* ") && !s.startsWith("+ ");
    }

    private static String attribute(Pattern p, String tag) {
        Matcher m = p.matcher(tag);
        if (!m.find()) return null;
        for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null) return m.group(g);
        }
        return "";
    }

    /**
     * The level of the setext heading this line underlines (1 for {@code =}, 2 for {@code -}), or 0 when it is no
     * underline: what {@code ^ {0,3}(=+|-+)[ \t]*$} matches, written out (a matcher per line that starts with
     * either character cost more than the test).
     */
    static int setextLevel(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && i < 3 && line.charAt(i) == ' ') i++;
        if (i == n) return 0;
        char mark = line.charAt(i);
        if (mark != '=' && mark != '-') return 0;
        while (i < n && line.charAt(i) == mark) i++;
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        if (i < n) return 0;
        return mark == '=' ? 1 : 2;
    }

    /** Whether the line is {@code ---} with only white space around it. */
    private static boolean isDashLine(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && Character.isWhitespace(line.charAt(start))) start++;
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) end--;
        return end - start == 3 && line.startsWith("---", start);
    }

    /** Whether {@code <img} (any case) occurs: the cheap test before the tag pattern runs. */
    private static boolean containsImgTag(String line) {
        for (int i = line.indexOf('<'); i >= 0; i = line.indexOf('<', i + 1)) {
            if (line.regionMatches(true, i + 1, "img", 0, 3)) return true;
        }
        return false;
    }
}
