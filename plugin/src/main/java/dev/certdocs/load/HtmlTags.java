package dev.certdocs.load;

import dev.certdocs.model.HtmlTag;
import dev.certdocs.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw HTML tags in a line of Markdown, as CommonMark reads an opening tag: name and attributes as written. */
final class HtmlTags {

    static final Pattern OPEN = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s=/>\"']+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*/?>");
    private static final Pattern CLOSE = Pattern.compile("</[A-Za-z][A-Za-z0-9-]*\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+)))?");
    /** A tag opened at the end of a line and not closed there: its attributes go on over the next lines. */
    static final Pattern UNCLOSED = Pattern.compile("<[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?$");

    private HtmlTags() {
    }

    /** The opening tags of {@code line}, which starts at {@code lineOffset} of {@code src}. */
    static void find(String line, int lineOffset, SourceText src, List<HtmlTag> out) {
        if (line.indexOf('<') < 0) return;
        Matcher open = OPEN.matcher(line);
        while (open.find()) out.add(tag(open, src.position(lineOffset + open.start())));
    }

    /** The tag {@code open} matched ({@link #OPEN}), with its attributes as written. */
    static HtmlTag tag(Matcher open, SourcePosition position) {
        List<HtmlTag.Attribute> attrs = new ArrayList<>();
        Matcher a = ATTRIBUTE.matcher(open.group(2));
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3)
                    : a.group(4) != null ? a.group(4) : "";
            attrs.add(new HtmlTag.Attribute(a.group(1), value));
        }
        return new HtmlTag(open.group(1).toLowerCase(Locale.ROOT), attrs, position);
    }

    /** Where an opening or closing tag that starts at {@code i} ends, or -1 when none starts there. */
    static int end(String line, int i) {
        if (i + 1 >= line.length()) return -1;
        char next = line.charAt(i + 1);
        Matcher m;
        if (next == '/') {
            m = CLOSE.matcher(line);
        } else if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) {
            m = OPEN.matcher(line);
        } else {
            return -1;
        }
        m.region(i, line.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /** The value of the first attribute of this name (any case), as written; {@code null} when there is none. */
    static String attribute(HtmlTag tag, String name) {
        for (HtmlTag.Attribute a : tag.attributes()) {
            if (a.name().equalsIgnoreCase(name)) return a.value();
        }
        return null;
    }
}
