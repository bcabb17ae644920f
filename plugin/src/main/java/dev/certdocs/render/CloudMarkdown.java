package dev.certdocs.render;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.certdocs.config.Cloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flexmark HTML of an article's body in one cloud, parsed and rendered once for every cloud
 * whose Markdown differs from another's only in the values of {@code {{cloud.x}}}.
 *
 * <p>The cloud's Markdown before its variables are replaced ({@link CloudPreprocessor#blocks}) gets,
 * in place of each known variable, an inert placeholder (ASCII letters and digits, one per
 * occurrence); clouds that keep the same cloud blocks share that text, and it is parsed and
 * rendered once (the <em>template</em>). Where each placeholder landed in flexmark's tree says how
 * a value there renders: as text, as text inside a link, in a code span, in a code block, in a
 * link destination. Any other place (raw HTML, a link title, an autolink, an image's alt text, a
 * page with link reference definitions, a tree near the depth limit) and the template is not used.
 * Each cloud's HTML is then the template with each placeholder replaced by the HTML its value
 * renders to in that place, learnt once per value by rendering a tiny probe through the same
 * flexmark. That is only right where the value cannot change how the text around it parses, so a
 * conservative rule decides it per occurrence and cloud ({@link #fits}); where it does not hold,
 * the cloud's Markdown is rendered on its own, as before. The result is the same HTML either way,
 * byte for byte.
 *
 * <p>Shared by every thread (the probe cache is concurrent); the memo is one article's, one thread's.
 */
final class CloudMarkdown {

    /** The placeholders' prefix; a text that contains it is rendered per cloud. */
    static final String PREFIX = "Qcdv7x";
    /** Ends a placeholder in the Markdown: {@code PREFIX}, the occurrence's number, {@code z}. */
    private static final char OPEN = 'z';
    /**
     * Ends a template's memo key (its Markdown): a cloud's Markdown always ends in a line break
     * ({@link CloudPreprocessor} ends every line it keeps with one), so the keys never meet.
     */
    private static final String TEMPLATE_KEY = "\u0000template";
    /** In the memo: the last Markdown {@link #cut} measured (compared by identity), and its cut. */
    private static final String CUT_OF_KEY = "\u0000cut of";
    private static final String CUT_KEY = "\u0000cut";

    /** Where a placeholder landed, the letter that ends it in a template. */
    static final char TEXT = 'T';
    static final char LINK_TEXT = 'L';
    static final char CODE = 'C';
    static final char BLOCK = 'B';
    static final char URL = 'U';

    /** Never in a value that is replaced in HTML: Markdown syntax, raw HTML and entities, table cells, headings' closing marks. */
    private static final String SYNTAX = "\\`*_~[]<>&!|{}#";
    /**
     * A line's start where the next character could still be block syntax (indentation, quote,
     * list and task markers, heading marks, a table's pipe): no letter yet, but a task's {@code [x]}.
     */
    private static final Pattern BLOCK_START = Pattern.compile("(?:[^\\p{L}]|\\[[xX]])*");

    private final MarkdownHtml markdown;
    private final CloudPreprocessor preprocessor;
    private final Map<String, String> probes = new ConcurrentHashMap<>();
    private final CloudBlocks blocks;

    CloudMarkdown(MarkdownHtml markdown, CloudPreprocessor preprocessor) {
        this.markdown = markdown;
        this.preprocessor = preprocessor;
        this.blocks = new CloudBlocks(markdown, preprocessor, this);
    }

    /**
     * The flexmark HTML of {@code body} (the file at {@code path}) in {@code cloud}: the same as
     * {@code markdown.render(preprocessor.process(path, body, cloud))}. {@code memo} keeps, for one
     * article, what one cloud rendered for the next (one memo per article, used by one thread).
     */
    String html(String path, String body, Cloud cloud, Map<String, String> memo) {
        String blocks = preprocessor.blocks(path, body, cloud);
        String spliced = this.blocks.html(path, body, blocks, cloud, memo);
        if (spliced != null) return spliced;
        return whole(blocks, cloud, memo);
    }

    /** {@link #html} from the cloud's whole Markdown ({@code blocks}, its variables still written). */
    String whole(String blocks, Cloud cloud, Map<String, String> memo) {
        if (blocks.indexOf("{{") >= 0) {
            Placeholders p = placeholders(blocks, 0, memo);
            if (p != null) {
                String template = memo.computeIfAbsent(p.text() + TEMPLATE_KEY, k -> template(p));
                String html = template.isEmpty() ? null : fill(template, p, cloud);
                if (html != null) return html;
            }
        }
        return memo.computeIfAbsent(cut(cloud.expandVariables(blocks, preprocessor.knownVariables()), memo), markdown::render);
    }

    /**
     * {@link CloudPreprocessor#cut} of a cloud's Markdown; the last cloud's when it is the very
     * same string (an article without cloud markers, includes or variables hands every cloud its
     * body itself), so the nesting of that text is measured once per article, not per cloud.
     */
    private static String cut(String markdown, Map<String, String> memo) {
        if (memo.get(CUT_OF_KEY) == markdown) return memo.get(CUT_KEY);
        String cut = CloudPreprocessor.cut(markdown);
        memo.put(CUT_OF_KEY, markdown);
        memo.put(CUT_KEY, cut);
        return cut;
    }

    /**
     * {@link Placeholders#of(String, java.util.Set, int)} of {@code text}, the known variables
     * replaced; the same for an equal text of the same article ({@code memo}): an article's clouds
     * mostly hand over the same Markdown, or pieces of it, one after the other on one thread.
     */
    Placeholders placeholders(String text, int base, Map<String, String> memo) {
        PlaceholderMemo m = placeholderMemo.get();
        if (m.article != memo) {
            m.article = memo;
            m.byText.clear();
        }
        PlaceholderKey key = new PlaceholderKey(text, base);
        if (m.byText.containsKey(key)) return m.byText.get(key);
        Placeholders p = Placeholders.of(text, preprocessor.knownVariables(), base);
        m.byText.put(key, p);
        return p;
    }

    /** One thread's placeholders of the texts of the article whose memo it is. */
    private static final class PlaceholderMemo {
        private Map<String, String> article;
        private final Map<PlaceholderKey, Placeholders> byText = new java.util.HashMap<>();
    }

    private record PlaceholderKey(String text, int base) {
    }

    private final ThreadLocal<PlaceholderMemo> placeholderMemo = ThreadLocal.withInitial(PlaceholderMemo::new);

    /** One known variable written in the text: where its placeholder is in {@link Placeholders#text}, and its name. */
    record Occurrence(int start, int end, String name) {
    }

    /**
     * {@code text} (a cloud's blocks) with each known variable replaced by a placeholder. Unknown
     * variables stay as written, as every cloud shows them.
     */
    record Placeholders(String text, List<Occurrence> occurrences, int base) {

        /** Null when there is nothing to share (no known variable) or the text holds the prefix itself. */
        static Placeholders of(String blocks, java.util.Set<String> known) {
            return of(blocks, known, 0);
        }

        /** As {@link #of(String, java.util.Set)}, the placeholders numbered from {@code base} (several texts in one document). */
        static Placeholders of(String blocks, java.util.Set<String> known, int base) {
            if (blocks.contains(PREFIX)) return null;
            Matcher m = Cloud.VARIABLE.matcher(blocks);
            StringBuilder sb = new StringBuilder(blocks.length());
            List<Occurrence> occurrences = new ArrayList<>();
            int last = 0;
            while (m.find()) {
                if (!known.contains(m.group(1))) continue;
                sb.append(blocks, last, m.start());
                int start = sb.length();
                sb.append(PREFIX).append(base + occurrences.size()).append(OPEN);
                occurrences.add(new Occurrence(start, sb.length(), m.group(1)));
                last = m.end();
            }
            if (occurrences.isEmpty()) return null;
            sb.append(blocks, last, blocks.length());
            return new Placeholders(sb.toString(), List.copyOf(occurrences), base);
        }
    }

    /**
     * The placeholders' text rendered, each placeholder ending in the letter of where it landed;
     * empty when the template cannot be used (see the class comment).
     */
    String template(Placeholders p) {
        String text = p.text();
        if (!CloudPreprocessor.cut(text).equals(text)) return "";
        try {
            Document doc = markdown.parse(text);
            // A filled placeholder may add a level (an autolink): stay clear of the depth where the text would be cut.
            if (MarkdownHtml.depth(doc) > MarkdownHtml.MAX_TREE_DEPTH - 4) return "";
            char[] places = new char[p.occurrences().size()];
            for (int k = 0; k < places.length; k++) {
                Occurrence o = p.occurrences().get(k);
                places[k] = place(doc, o.start(), o.end());
                if (places[k] == 0) return "";
            }
            if (hasReference(doc)) return "";
            String html = markdown.html(doc);
            return mark(html, places);
        } catch (StackOverflowError e) {
            return "";
        }
    }

    /** {@code html} with each placeholder ending in its place's letter; empty unless each is there exactly once and nothing else looks like one. */
    static String mark(String html, char[] places) {
        StringBuilder out = new StringBuilder(html.length());
        boolean[] seen = new boolean[places.length];
        int last = 0;
        for (int i = html.indexOf(PREFIX); i >= 0; i = html.indexOf(PREFIX, i + 1)) {
            int j = i + PREFIX.length();
            int k = 0;
            int digits = 0;
            while (j < html.length() && Character.isDigit(html.charAt(j)) && digits < 9) {
                k = k * 10 + (html.charAt(j) - '0');
                j++;
                digits++;
            }
            if (digits == 0 || j >= html.length() || html.charAt(j) != OPEN || k >= places.length || seen[k]) return "";
            seen[k] = true;
            out.append(html, last, j).append(places[k]);
            last = j + 1;
        }
        for (boolean s : seen) {
            if (!s) return "";
        }
        return out.append(html, last, html.length()).toString();
    }

    static boolean hasReference(Node root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Reference || hasReference(n)) return true;
        }
        return false;
    }

    /** Where the text between {@code start} and {@code end} landed in the tree: one of the place letters, or 0 when nowhere we can fill. */
    static char place(Document doc, int start, int end) {
        Node n = doc;
        while (true) {
            Node inside = null;
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c.getStartOffset() <= start && end <= c.getEndOffset()) {
                    inside = c;
                    break;
                }
            }
            if (inside == null) break;
            n = inside;
        }
        if (n instanceof Text) {
            Node parent = n.getParent();
            if (parent instanceof Code) return containers(parent.getParent()) != 0 ? CODE : 0;
            if (parent instanceof FencedCodeBlock || parent instanceof IndentedCodeBlock) return block((com.vladsch.flexmark.util.ast.Block) parent, start, end);
            return containers(parent);
        }
        if (n instanceof Code code) {
            return within(code.getText(), start, end) && containers(n.getParent()) != 0 ? CODE : 0;
        }
        if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) return block((com.vladsch.flexmark.util.ast.Block) n, start, end);
        if (n instanceof Link link) {
            return within(link.getUrl(), start, end) && containers(n.getParent()) != 0 ? URL : 0;
        }
        return 0;
    }

    private static char block(com.vladsch.flexmark.util.ast.Block code, int start, int end) {
        return within(code.getContentChars(), start, end) && containers(code.getParent()) != 0 ? BLOCK : 0;
    }

    private static boolean within(BasedSequence s, int start, int end) {
        return s.isNotNull() && s.getStartOffset() <= start && end <= s.getEndOffset();
    }

    /** {@link #TEXT}, or {@link #LINK_TEXT} inside a link, when every node from {@code n} up is one we know renders its text as is; else 0. */
    private static char containers(Node n) {
        char place = TEXT;
        for (Node a = n; a != null; a = a.getParent()) {
            if (a instanceof Link) {
                place = LINK_TEXT;
            } else if (!(a instanceof Document || a instanceof Paragraph || a instanceof Heading || a instanceof BlockQuote
                    || a instanceof BulletList || a instanceof OrderedList || a instanceof ListItem
                    || a instanceof Emphasis || a instanceof StrongEmphasis || a instanceof Strikethrough
                    || a instanceof TableBlock || a instanceof TableHead || a instanceof TableBody
                    || a instanceof TableRow || a instanceof TableCell)) {
                return 0;
            }
        }
        return place;
    }

    /** The template filled with {@code cloud}'s values, or null when one of them does not {@link #fits fit} where it is. */
    String fill(String template, Placeholders p, Cloud cloud) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int last = 0;
        for (int i = template.indexOf(PREFIX); i >= 0; i = template.indexOf(PREFIX, last)) {
            int j = i + PREFIX.length();
            int k = 0;
            while (Character.isDigit(template.charAt(j))) k = k * 10 + (template.charAt(j++) - '0');
            char place = template.charAt(j);
            Occurrence o = p.occurrences().get(k - p.base());
            String value = cloud.variables().getOrDefault(o.name(), "");
            String html = fits(p.text(), o, value, place) ? probe(place, value) : null;
            if (html == null) return null;
            out.append(template, last, i).append(html);
            last = j + 1;
        }
        return out.append(template, last, template.length()).toString();
    }

    /**
     * Whether {@code value} in place of the occurrence parses as its placeholder did (the same
     * tree, the value where the placeholder was), so the value's probe HTML can replace it.
     * Conservative: a value with Markdown syntax, entities or raw HTML, white space at its ends or
     * a line break never fits; nor one that starts a line with anything but a letter (it could
     * open a list, a heading); in text, a value whose first or last character is not a letter or
     * digit fits only with white space beside it (emphasis flanking, escapes), and where the word
     * around it would hold {@code :}, {@code @}, {@code www}, {@code &} or {@code \} (autolinks,
     * entities) only when it is the whole word, in plain text (not a link's), where it becomes an
     * autolink as in its probe. In a link destination: no white space, parentheses or quotes, and
     * no {@code &} or {@code \} in the destination around it.
     */
    static boolean fits(String text, Occurrence o, String value, char place) {
        if (value.isEmpty() || value.length() > 1000) return false;
        boolean letterOrDigit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7F || SYNTAX.indexOf(c) >= 0) return false;
            if (Character.isLetterOrDigit(c)) letterOrDigit = true;
        }
        if (!letterOrDigit || blank(value.charAt(0)) || blank(value.charAt(value.length() - 1))) return false;
        if (value.contains(PREFIX)) return false;
        int lineStart = text.lastIndexOf('\n', o.start() - 1) + 1;
        if (BLOCK_START.matcher(text.substring(lineStart, o.start())).matches() && !Character.isLetter(value.charAt(0))) return false;
        int wordStart = o.start();
        while (wordStart > 0 && !space(text.charAt(wordStart - 1))) wordStart--;
        int wordEnd = o.end();
        while (wordEnd < text.length() && !space(text.charAt(wordEnd))) wordEnd++;
        String before = text.substring(wordStart, o.start());
        String after = text.substring(o.end(), wordEnd);
        if (before.contains(PREFIX) || after.contains(PREFIX)) return false;
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        char prev = o.start() > 0 ? text.charAt(o.start() - 1) : '\n';
        char next = o.end() < text.length() ? text.charAt(o.end()) : '\n';
        // Wherever it is, a delimiter run beside the value must see the kind of character it saw
        // beside the placeholder (the nesting measure reads runs in code and link destinations too).
        if (!Character.isLetterOrDigit(first) && "*_~".indexOf(prev) >= 0) return false;
        if (!Character.isLetterOrDigit(last) && "*_~".indexOf(next) >= 0) return false;
        return switch (place) {
            case CODE, BLOCK -> true;
            case URL -> {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (blank(c) || c == '(' || c == ')' || c == '"' || c == '\'') yield false;
                }
                yield !(before + after).contains("&") && !(before + after).contains("\\");
            }
            case TEXT, LINK_TEXT -> {
                if (!Character.isLetterOrDigit(first) && !(prev == ' ' || prev == '\t')) yield false;
                if (!Character.isLetterOrDigit(last) && !(space(next) || ".,;?".indexOf(next) >= 0)) yield false;
                String word = before + value + after;
                boolean links = word.indexOf(':') >= 0 || word.indexOf('@') >= 0 || word.indexOf('&') >= 0
                        || word.indexOf('\\') >= 0 || word.toLowerCase(java.util.Locale.ROOT).contains("www");
                yield !links || (place == TEXT && before.isEmpty() && after.isEmpty());
            }
            default -> false;
        };
    }

    /** Separates words for the autolinks (ASCII white space only: anything else may belong to a link). */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The HTML {@code value} renders to in {@code place}, from a probe through the same flexmark; null when the probe's shape is not the expected one. */
    String probe(char place, String value) {
        String key = place + value;
        String html = probes.get(key);
        if (html == null) {
            html = switch (place) {
                case TEXT, LINK_TEXT -> between(markdown.render("x " + value + " x\n"), "<p>x ", " x</p>\n");
                case CODE -> between(markdown.render("`" + value + "`\n"), "<p><code>", "</code></p>\n");
                case BLOCK -> between(markdown.render("```\n" + value + "\n```\n"), "<pre><code>", "\n</code></pre>\n");
                case URL -> between(markdown.render("[x](" + value + ")\n"), "<p><a href=\"", "\">x</a></p>\n");
                default -> "";
            };
            probes.put(key, html);
        }
        return html.isEmpty() ? null : html;
    }

    /** The middle of {@code s} when it starts with {@code head} and ends with {@code tail}; else empty. */
    private static String between(String s, String head, String tail) {
        if (s.length() <= head.length() + tail.length() || !s.startsWith(head) || !s.endsWith(tail)) return "";
        return s.substring(head.length(), s.length() - tail.length());
    }
}
