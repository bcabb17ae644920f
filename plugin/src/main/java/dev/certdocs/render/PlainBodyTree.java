package dev.certdocs.render;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * The document {@code Jsoup.parseBodyFragment(html)} gives, built without jsoup's tokeniser and
 * HTML5 tree builder, for the plain HTML flexmark writes; {@code null} for anything else, and the
 * caller parses with jsoup (docs/performance.md, 22.).
 *
 * <p>The subset is the one where the tree builder only appends: known tags of a fixed list,
 * lower-case names, attributes {@code name="value"} or valueless, each name once; every end tag
 * closing the current element; inside {@code p} and headings only phrasing elements; no
 * {@code li}, {@code dd}, {@code dt} or {@code a} where jsoup would close an open one first, no
 * formatting element inside one of its name; tables only as {@code table > thead|tbody|tfoot >
 * tr > th|td} with white space and comments between; comments only as {@code <!--data-->} with
 * no {@code --} in {@code data}; no doctype, CDATA, NUL or CR, no {@code <} that does not start
 * such a tag or comment; at most 20 open elements. In it, each
 * run of text between tags is one text node (jsoup's tokeniser emits one character token per
 * run), its character references decoded as the tokeniser decodes them ({@code &amp;}, {@code
 * &lt;}, {@code &gt;}, {@code &quot;}, numeric references to ordinary code points and named
 * references ended by {@code ;} here; any other {@code &} hands the run or value to
 * {@link Parser#unescapeEntities}, the tokeniser's own decoder). Tags are jsoup's registered
 * {@link Tag} instances, as its tree builder uses them; elements carry no base URI and no
 * attributes object when the tag has none, as parsed ones.
 *
 * <p>Not thread-safe: one instance per body ({@link #parse}).
 */
final class PlainBodyTree {

    /** Deeper bodies fall back: jsoup bounds some of its stack scans (24 entries for dd and dt, 100 for scopes). */
    private static final int MAX_DEPTH = 20;
    private static final int MAX_ATTRIBUTES = 32;

    private static final int PHRASING = 1;
    private static final int FORMATTING = 1 << 1;
    private static final int VOID = 1 << 2;
    /** p and headings: only phrasing content may open inside them here. */
    private static final int PHRASING_ONLY = 1 << 3;
    /** jsoup's "special" category, as far as the tags of this list go: it bounds the li and dd/dt scans. */
    private static final int SPECIAL = 1 << 4;
    private static final int LI = 1 << 5;
    private static final int DD_DT = 1 << 6;
    private static final int A = 1 << 7;
    /** pre: a newline right after the start tag is dropped. */
    private static final int PRE = 1 << 8;
    private static final int TABLE = 1 << 9;
    private static final int SECTION = 1 << 10;
    private static final int ROW = 1 << 11;
    private static final int CELL = 1 << 12;
    /** table, thead, tbody, tfoot, tr: text inside must be white space alone (else jsoup fosters it). */
    private static final int TABLE_TEXT = TABLE | SECTION | ROW;

    /** A tag of the list: its name (and its characters), jsoup's tag and what the tree builder does with it. */
    private record Kind(String name, char[] chars, Tag tag, int flags) {
        boolean is(int flag) {
            return (flags & flag) != 0;
        }
    }

    private static final Kind[] TABLE_OF_KINDS = new Kind[128];
    /** Attribute names seen often, so that most keys need no new string; their characters in the same slots. */
    private static final String[] NAMES = new String[128];
    private static final char[][] NAME_CHARS = new char[128][];

    static {
        kinds(PHRASING | FORMATTING, "b", "code", "em", "i", "s", "small", "strong", "u");
        kinds(PHRASING | FORMATTING | A, "a");
        kinds(PHRASING, "abbr", "cite", "del", "dfn", "ins", "kbd", "mark", "q", "samp", "span", "sub", "sup", "var");
        kinds(PHRASING | VOID | SPECIAL, "br", "img", "input", "wbr");
        kinds(PHRASING_ONLY | SPECIAL, "p", "h1", "h2", "h3", "h4", "h5", "h6");
        kinds(SPECIAL, "article", "aside", "blockquote", "details", "div", "dl", "figcaption", "figure", "footer",
                "header", "nav", "ol", "section", "summary", "ul");
        kinds(SPECIAL | LI, "li");
        kinds(SPECIAL | DD_DT, "dd", "dt");
        kinds(SPECIAL | PRE, "pre");
        kinds(SPECIAL | VOID, "hr");
        kinds(SPECIAL | TABLE, "table");
        kinds(SPECIAL | SECTION, "thead", "tbody", "tfoot");
        kinds(SPECIAL | ROW, "tr");
        kinds(SPECIAL | CELL, "th", "td");
        for (String name : new String[] {"href", "src", "alt", "title", "class", "id", "align", "start", "type",
                "checked", "disabled", "name", "rel", "target", "width", "height", "colspan", "rowspan", "style",
                "lang", "dir", "value", "open", "data-blade", "aria-label", "aria-hidden", "role"}) {
            int slot = slot(NAMES, NAME_CHARS, name.toCharArray(), 0, name.length());
            if (NAMES[slot] != null) throw new IllegalStateException("attribute name slots: " + name);
            NAMES[slot] = name;
            NAME_CHARS[slot] = name.toCharArray();
        }
    }

    private static void kinds(int flags, String... names) {
        for (String name : names) {
            Tag tag = Tag.valueOf(name, ParseSettings.htmlDefault);
            if (!tag.isKnownTag()) throw new IllegalStateException("jsoup does not know <" + name + ">");
            int slot = slot(TABLE_OF_KINDS, null, name.toCharArray(), 0, name.length());
            if (TABLE_OF_KINDS[slot] != null) throw new IllegalStateException("tag slots: " + name);
            TABLE_OF_KINDS[slot] = new Kind(name, name.toCharArray(), tag, flags);
        }
    }

    /**
     * An open-addressed slot for the name {@code s[from, to)} (a free one or the name's) in
     * {@code table}: the {@link Kind}s, or the attribute names with their characters in
     * {@code chars}. Names are compared as {@code char[]}s, the body's and the entry's, not as
     * strings: under C1 each {@code charAt} is a call with its own checks.
     */
    private static int slot(Object[] table, char[][] chars, char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = h * 31 + s[i];
        int mask = table.length - 1;
        int slot = (h ^ (h >>> 7)) & mask;
        while (table[slot] != null
                && !sameName(chars == null ? ((Kind) table[slot]).chars() : chars[slot], s, from, to)) slot = (slot + 1) & mask;
        return slot;
    }

    private static boolean sameName(char[] name, char[] s, int from, int to) {
        if (name.length != to - from) return false;
        for (int i = 0; i < name.length; i++) if (name[i] != s[from + i]) return false;
        return true;
    }

    private final String html;
    private final char[] chars;
    private final int length;
    private int pos;
    private final Element[] elements = new Element[MAX_DEPTH + 1];
    private final Kind[] kinds = new Kind[MAX_DEPTH + 1];
    /** Open elements, the body not counted. */
    private int depth;
    private int phrasingOnlyOpen;
    private int aOpen;
    /** Why the body fell back: tests and the benchmark report it. */
    private String refusal;

    PlainBodyTree(String html) {
        this.html = html;
        this.length = html.length();
        this.chars = new char[length];
        html.getChars(0, length, chars, 0);
    }

    /** The document jsoup's {@code parseBodyFragment} gives for {@code html}, or null where it cannot tell. */
    static Document parse(String html) {
        return new PlainBodyTree(html).build();
    }

    Document build() {
        Document doc = Document.createShell("");
        Element body = doc.body();
        elements[0] = body;
        while (pos < length) {
            char c = chars[pos];
            if (c == '<') {
                char next = pos + 1 < length ? chars[pos + 1] : 0;
                if (next == '/') {
                    if (!endTag()) return null;
                } else if (next == '!') {
                    if (!comment()) return null;
                } else if (!startTag()) {
                    return null;
                }
            } else if (!text()) {
                return null;
            }
        }
        if (depth != 0) return refuse("unclosed <" + kinds[depth].name() + ">");
        return doc;
    }

    /** Why {@link #build} returned null, or null. */
    String refusal() {
        return refusal;
    }

    private Document refuse(String why) {
        refusal = why;
        return null;
    }

    private boolean fail(String why) {
        refusal = why;
        return false;
    }

    /** One run of text up to the next {@code <} or the end: one text node. */
    private boolean text() {
        int start = pos;
        int i = pos;
        boolean amp = false;
        boolean blank = true;
        while (i < length) {
            char c = chars[i];
            if (c > '<') {
                // Letters and most text: none of the characters looked for below, none white space.
                blank = false;
                i++;
                while (i < length && chars[i] > '<') i++;
                continue;
            }
            if (c == '<') break;
            if (c == '&') amp = true;
            else if (c == 0 || c == '\r') return fail("NUL or CR in text");
            else if (c != ' ' && c != '\n' && c != '\t' && c != '\f') blank = false;
            i++;
        }
        pos = i;
        Kind current = kinds[depth];
        if (current != null && current.is(TABLE_TEXT) && (amp || !blank)) return fail("text in <" + current.name() + ">");
        String data = amp ? decode(start, i, false) : html.substring(start, i);
        // jsoup drops a run that is one NUL; a decoded NUL anywhere is left to it.
        if (amp && data.indexOf(0) >= 0) return fail("NUL from a character reference");
        elements[depth].appendChild(new TextNode(data));
        return true;
    }

    /**
     * {@code <!--data-->}, where jsoup's comment states give {@code data} as it stands: no
     * {@code -} or {@code >} first, no {@code --} inside, no {@code -} last, no NUL or CR.
     */
    private boolean comment() {
        int start = pos + 4;
        if (start > length || !html.startsWith("--", pos + 2)) return fail("'<!' not starting a comment");
        int end = html.indexOf("--", start);
        if (end < 0 || end + 2 >= length || chars[end + 2] != '>') return fail("comment not ended by the first '--'");
        if (start < length && (chars[start] == '-' || chars[start] == '>')) return fail("comment starting with - or >");
        if (end > start && chars[end - 1] == '-') return fail("comment ending with -");
        for (int i = start; i < end; i++) if (chars[i] == 0 || chars[i] == '\r') return fail("NUL or CR in a comment");
        elements[depth].appendChild(new Comment(html.substring(start, end)));
        pos = end + 3;
        return true;
    }

    private boolean startTag() {
        int nameStart = pos + 1;
        int i = nameStart;
        if (i >= length || chars[i] < 'a' || chars[i] > 'z') return fail("'<' not starting a tag");
        while (i < length && (chars[i] >= 'a' && chars[i] <= 'z' || chars[i] >= '0' && chars[i] <= '9')) i++;
        Kind kind = TABLE_OF_KINDS[slot(TABLE_OF_KINDS, null, chars, nameStart, i)];
        if (kind == null) return fail("tag " + html.substring(nameStart, i));
        if (i >= length) return fail("tag cut off");
        char c = chars[i];
        if (c != '>' && c != '/' && c != ' ' && c != '\n' && c != '\t' && c != '\f') return fail("tag name ends with " + c);
        Attributes attributes = null;
        boolean selfClosing = false;
        while (true) {
            while (i < length && (chars[i] == ' ' || chars[i] == '\n' || chars[i] == '\t' || chars[i] == '\f')) i++;
            if (i >= length) return fail("tag cut off");
            c = chars[i];
            if (c == '>') {
                i++;
                break;
            }
            if (c == '/') {
                if (i + 1 >= length || chars[i + 1] != '>') return fail("'/' in a tag");
                selfClosing = true;
                i += 2;
                break;
            }
            if (c < 'a' || c > 'z') return fail("attribute name starts with " + c);
            int keyStart = i;
            while (i < length && isNameChar(chars[i])) i++;
            String key = NAMES[slot(NAMES, NAME_CHARS, chars, keyStart, i)];
            if (key == null) key = html.substring(keyStart, i);
            if (i >= length) return fail("tag cut off");
            c = chars[i];
            String value;
            if (c == '=') {
                if (i + 1 >= length || chars[i + 1] != '"') return fail("attribute value not double-quoted");
                int valueStart = i + 2;
                int j = valueStart;
                boolean amp = false;
                while (j < length) {
                    char v = chars[j];
                    if (v > '&') {
                        j++;
                        continue;
                    }
                    if (v == '"') break;
                    if (v == '&') amp = true;
                    else if (v == 0 || v == '\r') return fail("NUL or CR in an attribute value");
                    j++;
                }
                if (j >= length) return fail("attribute value cut off");
                value = amp ? decode(valueStart, j, true) : html.substring(valueStart, j);
                i = j + 1;
                // jsoup reads on without white space after a quoted value; not here.
                if (i < length && chars[i] != '>' && chars[i] != '/' && chars[i] != ' ' && chars[i] != '\n'
                        && chars[i] != '\t' && chars[i] != '\f') return fail("no space after an attribute value");
            } else if (c == '>' || c == '/' || c == ' ' || c == '\n' || c == '\t' || c == '\f') {
                // Valueless: jsoup keeps a null value, unless white space then '=' follows.
                int j = i;
                while (j < length && (chars[j] == ' ' || chars[j] == '\n' || chars[j] == '\t' || chars[j] == '\f')) j++;
                if (j < length && chars[j] == '=') return fail("white space before '='");
                value = null;
            } else {
                return fail("attribute name holds " + c);
            }
            if (attributes == null) attributes = new Attributes();
            else if (attributes.hasKey(key)) return fail("duplicate attribute " + key);
            else if (attributes.size() >= MAX_ATTRIBUTES) return fail("too many attributes");
            attributes.add(key, value);
        }
        if (selfClosing && !kind.is(VOID)) return fail("self-closing <" + kind.name() + ">");
        pos = i;
        return open(kind, attributes);
    }

    /** The tree builder's step for a start tag of {@code kind}, where it only appends; false where it would do more. */
    private boolean open(Kind kind, Attributes attributes) {
        Kind current = kinds[depth];
        if (current != null && current.is(TABLE_TEXT)) {
            boolean fits = current.is(TABLE) ? kind.is(SECTION) : current.is(SECTION) ? kind.is(ROW) : kind.is(CELL);
            if (!fits) return fail("<" + kind.name() + "> in <" + current.name() + ">");
        } else {
            if (kind.is(SECTION | ROW | CELL)) return fail("<" + kind.name() + "> outside its table part");
            if (phrasingOnlyOpen > 0 && !kind.is(PHRASING)) return fail("<" + kind.name() + "> in a paragraph or heading");
            if (kind.is(A) && aOpen > 0) return fail("<a> in <a>");
            if (kind.is(LI | DD_DT)) {
                for (int d = depth; d > 0; d--) {
                    Kind open = kinds[d];
                    if (kind.is(LI) ? open.is(LI) : open.is(DD_DT)) return fail("<" + kind.name() + "> would close an open one");
                    if (open.is(SPECIAL) && !open.name().equals("div") && !open.name().equals("p")) break;
                }
            }
            if (kind.is(FORMATTING)) {
                int same = 0;
                int formatting = 0;
                for (int d = depth; d > 0; d--) {
                    if (kinds[d].is(FORMATTING)) formatting++;
                    if (kinds[d] == kind) same++;
                }
                // jsoup compares a new formatting element's attributes with those of each open one of
                // its name (creating both attributes objects), keeps three alike and looks at twelve.
                if (same > 0 || formatting >= 8) return fail("<" + kind.name() + "> in a formatting element of its name or deep");
            }
        }
        Element element = new Element(kind.tag(), null, attributes);
        elements[depth].appendChild(element);
        if (kind.is(VOID)) return true;
        if (depth == MAX_DEPTH) return fail("deeper than " + MAX_DEPTH);
        depth++;
        elements[depth] = element;
        kinds[depth] = kind;
        if (kind.is(PHRASING_ONLY)) phrasingOnlyOpen++;
        if (kind.is(A)) aOpen++;
        if (kind.is(PRE) && pos < length && chars[pos] == '\n') pos++;
        return true;
    }

    private boolean endTag() {
        int nameStart = pos + 2;
        int i = nameStart;
        while (i < length && (chars[i] >= 'a' && chars[i] <= 'z' || chars[i] >= '0' && chars[i] <= '9')) i++;
        if (i >= length || chars[i] != '>') return fail("end tag not </name>");
        Kind current = kinds[depth];
        if (depth == 0 || !sameName(current.chars(), chars, nameStart, i)) return fail("end tag not closing the current element");
        if (current.is(PHRASING_ONLY)) phrasingOnlyOpen--;
        if (current.is(A)) aOpen--;
        elements[depth] = null;
        kinds[depth] = null;
        depth--;
        pos = i + 1;
        return true;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.';
    }

    /**
     * {@code html[from, to)} with its character references decoded as jsoup's tokeniser decodes
     * them in text or in a double-quoted attribute value. The common ones here; on any other
     * {@code &} the whole string goes to jsoup's decoder, which runs the tokeniser's own code on
     * it (a run ends where the tokeniser's lookahead stops: at {@code <} or the closing quote,
     * which it treats as it treats the end).
     */
    private String decode(int from, int to, boolean inAttribute) {
        StringBuilder out = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (chars[i] != '&') {
                i++;
                continue;
            }
            out.append(chars, run, i - run);
            int end = reference(i + 1, to, out);
            if (end < 0) return Parser.unescapeEntities(html.substring(from, to), inAttribute);
            i = end;
            run = i;
        }
        out.append(chars, run, to - run);
        return out.toString();
    }

    /**
     * Appends the reference after an {@code &} at {@code from} and returns where it ends, or -1
     * when it is not one of the forms decoded here: {@code &#digits;}, {@code &#xhex;} for a code
     * point outside the controls jsoup maps, the surrogates and above U+10FFFF; {@code &name;} for
     * a name jsoup knows (letters then digits, as the tokeniser reads a name).
     */
    private int reference(int from, int to, StringBuilder out) {
        int i = from;
        if (i < to && chars[i] == '#') {
            i++;
            boolean hex = i < to && (chars[i] == 'x' || chars[i] == 'X');
            if (hex) i++;
            int digits = i;
            int value = 0;
            while (i < to && i - digits < 7) {
                int d = Character.digit(chars[i], hex ? 16 : 10);
                if (d < 0 || chars[i] > 'f') break;
                value = value * (hex ? 16 : 10) + d;
                i++;
            }
            if (i == digits || i >= to || chars[i] != ';') return -1;
            if (value == 0 || value >= 0x80 && value < 0xA0 || value >= 0xD800 && value < 0xE000 || value > 0x10FFFF) return -1;
            out.appendCodePoint(value);
            return i + 1;
        }
        while (i < to && (chars[i] >= 'a' && chars[i] <= 'z' || chars[i] >= 'A' && chars[i] <= 'Z')) i++;
        while (i < to && chars[i] >= '0' && chars[i] <= '9') i++;
        if (i == from || i >= to || chars[i] != ';') return -1;
        switch (i - from) {
            case 2 -> {
                if (chars[from] == 'l' && chars[from + 1] == 't') return appended(out, '<', i);
                if (chars[from] == 'g' && chars[from + 1] == 't') return appended(out, '>', i);
            }
            case 3 -> {
                if (chars[from] == 'a' && chars[from + 1] == 'm' && chars[from + 2] == 'p') return appended(out, '&', i);
            }
            case 4 -> {
                if (chars[from] == 'q' && chars[from + 1] == 'u' && chars[from + 2] == 'o' && chars[from + 3] == 't') return appended(out, '"', i);
            }
            default -> {
            }
        }
        String name = html.substring(from, i);
        if (!Entities.isNamedEntity(name)) return -1;
        int[] points = new int[2];
        int n = Entities.codepointsForName(name, points);
        if (n < 1) return -1;
        out.appendCodePoint(points[0]);
        if (n == 2) out.appendCodePoint(points[1]);
        return i + 1;
    }

    private static int appended(StringBuilder out, char c, int semicolon) {
        out.append(c);
        return semicolon + 1;
    }
}
