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

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern CLOUD_MARKER = Pattern.compile("^\\s*:::\\s*(cloud-end|cloud)(?![\\w-])(.*)$");
    private static final Pattern CLOUD_ATTR = Pattern.compile("(include|exclude)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INCLUDE = Pattern.compile("\\[!INCLUDE\\s*\\[([^\\]]*)\\]\\(\\s*<?([^)>]*?)>?\\s*\\)\\s*\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*cloud\\.([A-Za-z0-9_.-]*)\\s*}}");
    /** An image's alt text and source; the alt text at most 999 characters, so that a line of unclosed {@code ![} is read once, not once per {@code ![}. */
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]{0,999})\\][(\\[]\\s*<?([^)\\]\\s>]*)");
    private static final Pattern IMG_TAG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT_ATTR = Pattern.compile("\\balt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC_ATTR = Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("^ {0,3}(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]|$)");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern HTML_TAG = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s=/>\"']+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*/?>");
    private static final Pattern HTML_ATTRIBUTE = Pattern.compile(
            "([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
    /** A tag opened at the end of a line and not closed there: its attributes go on over the next lines. */
    private static final Pattern UNCLOSED_TAG = Pattern.compile("<[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?$");
    /** Lines a wrapped tag may span before it is taken for text. */
    private static final int MAX_TAG_LINES = 8;
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|(?<![\\p{L}\\p{N}])_{1,3}|_{1,3}(?![\\p{L}\\p{N}])|~~|`)");

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
        String text = src.text();
        int firstLine = src.lineOf(startOffset);
        List<Heading> headings = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        List<Integer> includeOffsets = new ArrayList<>();
        List<CloudBlockMarker> markers = new ArrayList<>();
        List<VariableUse> variables = new ArrayList<>();
        List<HtmlTag> tags = new ArrayList<>();
        MarkdownLinks links = new MarkdownLinks(src);
        // An inline tag whose attributes go on over the next lines: its text so far and where it starts.
        String wrappedTag = null;
        int wrappedTagOffset = 0;
        List<Placeholder> placeholders = new ArrayList<>();
        HeadingIds ids = new HeadingIds();
        Optional<JsonBlock> json = Optional.empty();
        int jsonStart = -1;

        String fence = null;
        String previous = null; // previous line when it could be a setext heading's text
        int previousOffset = 0;
        boolean inComment = false;
        boolean blankBefore = true;
        boolean inList = false;
        boolean inIndentedCode = false;
        int offset = startOffset;
        int tooComplex = -1; // the first line the patterns could not read
        while (offset <= text.length()) {
            int end = text.indexOf('\n', offset);
            if (end < 0) end = text.length();
            String raw = text.substring(offset, end);
            int lineOffset = offset;
            offset = end + 1;

            try {
                if (jsonStart >= 0) {
                    variables(raw, lineOffset, src, variables);
                    if (isDashLine(raw)) {
                        int jsonLine = src.lineOf(jsonStart);
                        json = Optional.of(new JsonBlock(text.substring(jsonStart, Math.max(jsonStart, lineOffset - 1)), jsonLine));
                        jsonStart = -2;
                    }
                    continue;
                }
                if (fence != null) {
                    variables(raw, lineOffset, src, variables);
                    char first = lead(raw);
                    Matcher f = first == '`' || first == '~' ? FENCE.matcher(raw) : null;
                    if (f != null && f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                            && raw.substring(f.end()).isBlank()) {
                        fence = null;
                    }
                    continue;
                }
                // HTML comments are not rendered: nothing inside them is content.
                String line = raw;
                if (inComment || raw.indexOf("<!--") >= 0) {
                    int close = inComment ? raw.indexOf("-->") : -2;
                    if (inComment && close < 0) continue;
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
                    line = masked.toString();
                }
                variables(line, lineOffset, src, variables);
                if (line.isBlank()) {
                    links.interrupt();
                    wrappedTag = null;
                    previous = null;
                    blankBefore = true;
                    continue;
                }
                int indent = indentOf(line);
                // Cheap look at the line's start first: most lines are text, and a matcher per pattern
                // per line was most of the scanning time.
                char lead = lead(line);
                boolean listItem = (lead == '-' || lead == '*' || lead == '+' || (lead >= '0' && lead <= '9'))
                        && LIST_ITEM.matcher(line).find();
                if (listItem) {
                    inList = true;
                } else if (indent == 0 && blankBefore) {
                    inList = false;
                }
                // An indented code block: four columns in, after a blank line, outside a list.
                if (!inList && indent >= 4 && (blankBefore || inIndentedCode)) {
                    inIndentedCode = true;
                    blankBefore = false;
                    previous = null;
                    links.interrupt();
                    wrappedTag = null;
                    continue;
                }
                inIndentedCode = false;
                blankBefore = false;
                Matcher f = lead == '`' || lead == '~' ? FENCE.matcher(line) : null;
                if (f != null && f.find()) {
                    fence = f.group(1);
                    previous = null;
                    links.interrupt();
                    wrappedTag = null;
                    continue;
                }
                if (jsonBody && jsonStart == -1 && json.isEmpty() && isDashLine(line)
                        && headings.stream().anyMatch(h -> h.level() == 1)) {
                    jsonStart = offset <= text.length() ? offset : text.length();
                    continue;
                }
                Matcher atx = lead == '#' ? ATX.matcher(line) : null;
                if (atx != null && atx.matches()) {
                    String plain = plainText(atx.group(2) == null ? "" : atx.group(2));
                    headings.add(new Heading(atx.group(1).length(), plain, ids.next(plain),
                            src.position(lineOffset + line.indexOf('#'))));
                    previous = null;
                    links.interrupt();
                    wrappedTag = null;
                    continue;
                }
                Matcher setext = previous != null && (lead == '=' || lead == '-') ? SETEXT.matcher(line) : null;
                if (setext != null && setext.matches()) {
                    String plain = plainText(previous.strip());
                    int level = setext.group(1).charAt(0) == '=' ? 1 : 2;
                    int margin = previous.length() - previous.stripLeading().length();
                    headings.add(new Heading(level, plain, ids.next(plain), src.position(previousOffset + margin)));
                    previous = null;
                    links.interrupt();
                    wrappedTag = null;
                    continue;
                }
                Matcher marker = line.indexOf(":::") >= 0 ? CLOUD_MARKER.matcher(line) : null;
                if (marker != null && marker.matches()) {
                    int at = lineOffset + line.indexOf(':');
                    if (marker.group(1).equals("cloud-end")) {
                        markers.add(new CloudBlockMarker(false, false, List.of(), src.position(at)));
                    } else {
                        Matcher attr = CLOUD_ATTR.matcher(marker.group(2));
                        boolean exclude = false;
                        List<String> clouds = List.of();
                        if (attr.find()) {
                            exclude = attr.group(1).equals("exclude");
                            clouds = Properties.splitList(attr.group(2));
                        }
                        markers.add(new CloudBlockMarker(true, exclude, clouds, src.position(at)));
                    }
                    previous = null;
                    links.interrupt();
                    wrappedTag = null;
                    continue;
                }
                String masked = maskCodeSpans(line);
                if (masked.indexOf("[!") >= 0) {
                    Matcher inc = INCLUDE.matcher(masked);
                    StringBuilder withoutIncludes = null;
                    while (inc.find()) {
                        includes.add(new Include(inc.group(1).strip(), inc.group(2).strip(),
                                src.position(lineOffset + inc.start())));
                        includeOffsets.add(lineOffset + inc.start());
                        if (withoutIncludes == null) withoutIncludes = new StringBuilder(masked);
                        for (int i = inc.start(); i < inc.end(); i++) withoutIncludes.setCharAt(i, ' ');
                    }
                    // An include's path is no link of the page.
                    links.line(withoutIncludes == null ? masked : withoutIncludes.toString(), lineOffset);
                } else {
                    links.line(masked, lineOffset);
                }
                if (masked.indexOf("![") >= 0) {
                    Matcher img = MD_IMAGE.matcher(masked);
                    while (img.find()) {
                        images.add(new Image(img.group(2), img.group(1), src.position(lineOffset + img.start())));
                    }
                }
                if (masked.indexOf('<') >= 0) {
                    Matcher tag = containsImgTag(masked) ? IMG_TAG.matcher(masked) : null;
                    while (tag != null && tag.find()) {
                        String alt = attribute(ALT_ATTR, tag.group());
                        images.add(new Image(attribute(SRC_ATTR, tag.group()), alt, src.position(lineOffset + tag.start())));
                    }
                    Matcher open = HTML_TAG.matcher(masked);
                    while (open.find()) tags.add(tag(open, src.position(lineOffset + open.start())));
                }
                if (wrappedTag != null) {
                    String joined = wrappedTag + "\n" + masked;
                    Matcher open = HTML_TAG.matcher(joined);
                    if (open.lookingAt()) {
                        tags.add(tag(open, src.position(wrappedTagOffset)));
                        wrappedTag = null;
                    } else {
                        boolean more = joined.indexOf('>') < 0 && joined.chars().filter(c -> c == '\n').count() < MAX_TAG_LINES;
                        wrappedTag = more ? joined : null;
                    }
                } else if (masked.indexOf('<') >= 0) {
                    Matcher unclosed = UNCLOSED_TAG.matcher(masked);
                    if (unclosed.find()) {
                        wrappedTag = masked.substring(unclosed.start());
                        wrappedTagOffset = lineOffset + unclosed.start();
                    }
                }
                for (String placeholder : Placeholder.TEXTS) {
                    int at = masked.indexOf(placeholder);
                    if (at >= 0) placeholders.add(new Placeholder(placeholder, src.position(lineOffset + at)));
                }
                previous = isParagraphText(line) ? line : null;
                previousOffset = lineOffset;
            } catch (StackOverflowError e) {
                // Java's regex engine recurses once per repetition of a group: a line of some syntax
                // repeated thousands of times exhausts any stack. The line is skipped and reported.
                if (tooComplex < 0) tooComplex = lineOffset;
            }
        }
        // How deep the Markdown nests, and at each include directive: the nesting limit is one of loading's findings.
        Nesting.Depths depths = Nesting.measure(text, src.lineStart(firstLine),
                includeOffsets.stream().mapToInt(Integer::intValue).toArray());
        List<Include> measured = new ArrayList<>(includes.size());
        for (int i = 0; i < includes.size(); i++) {
            Include inc = includes.get(i);
            measured.add(new Include(inc.title(), inc.target(), inc.position(), depths.at()[i]));
        }
        return new Body(firstLine, headings, images, measured, markers, variables, json, tags, links.links(), placeholders,
                depths.max(), tooDeep(depths.crossing(), tooComplex).map(src::position),
                invalidUtf8 < 0 ? Optional.empty() : Optional.of(src.position(invalidUtf8)));
    }

    /** The first of two offsets where the Markdown is too deep or too complex to read (-1: none). */
    private static Optional<Integer> tooDeep(int crossing, int tooComplex) {
        if (crossing < 0 && tooComplex < 0) return Optional.empty();
        if (crossing < 0 || tooComplex < 0) return Optional.of(Math.max(crossing, tooComplex));
        return Optional.of(Math.min(crossing, tooComplex));
    }

    /** The tag {@code open} matched ({@link #HTML_TAG}), with its attributes as written. */
    private static HtmlTag tag(Matcher open, dev.certdocs.model.SourcePosition position) {
        List<HtmlTag.Attribute> attrs = new ArrayList<>();
        Matcher a = HTML_ATTRIBUTE.matcher(open.group(2));
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3)
                    : a.group(4) != null ? a.group(4) : "";
            attrs.add(new HtmlTag.Attribute(a.group(1), value));
        }
        return new HtmlTag(open.group(1).toLowerCase(java.util.Locale.ROOT), attrs, position);
    }

    private static void variables(String line, int lineOffset, SourceText src, List<VariableUse> out) {
        if (line.indexOf("{{") < 0) return;
        Matcher v = VARIABLE.matcher(line);
        while (v.find()) out.add(new VariableUse(v.group(1), src.position(lineOffset + v.start())));
    }

    /** Leading white space in columns, a tab counting to the next multiple of four. */
    private static int indentOf(String line) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') col++;
            else if (c == '\t') col += 4 - col % 4;
            else break;
        }
        return col;
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
     * Replaces inline code spans with spaces so that nothing inside them is taken for syntax. A
     * span opens with a run of backticks and closes at the next run of the same length, as
     * CommonMark reads it; a run that no later run matches is text. Linear in the line: a
     * pattern with a back-reference took time cubic in the length of an unmatched run (a line of
     * a few thousand backticks held validation for minutes).
     */
    static String maskCodeSpans(String line) {
        if (line.indexOf('`') < 0) return line;
        List<int[]> runs = new ArrayList<>(); // start, length
        for (int i = 0; i < line.length(); ) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) == '`') i++;
            runs.add(new int[] {start, i - start});
        }
        // The next run of the same length after each run, found from the right in one pass.
        int[] next = new int[runs.size()];
        java.util.Map<Integer, Integer> latest = new java.util.HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            next[r] = latest.getOrDefault(runs.get(r)[1], -1);
            latest.put(runs.get(r)[1], r);
        }
        StringBuilder out = null;
        for (int r = 0; r < runs.size(); r++) {
            if (next[r] < 0) continue;
            int from = runs.get(r)[0];
            int to = runs.get(next[r])[0] + runs.get(next[r])[1];
            if (out == null) out = new StringBuilder(line);
            for (int i = from; i < to; i++) out.setCharAt(i, ' ');
            r = next[r];
        }
        return out == null ? line : out.toString();
    }

    /** The heading text as a reader sees it: links and images reduced to their text, tags and emphasis marks dropped. */
    static String plainText(String raw) {
        if (!hasInlineMarkup(raw)) return raw.strip();
        String s = COMMENT.matcher(raw).replaceAll("");
        s = INLINE_LINK.matcher(s).replaceAll("$1");
        s = TAG.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        return s.strip();
    }

    private static boolean hasInlineMarkup(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            switch (raw.charAt(i)) {
                case '[', '<', '*', '_', '~', '`' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
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

    /** The first character after up to three spaces of indent, or NUL when there is none. */
    private static char lead(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
        return spaces < line.length() && spaces <= 3 ? line.charAt(spaces) : '\0';
    }
}
