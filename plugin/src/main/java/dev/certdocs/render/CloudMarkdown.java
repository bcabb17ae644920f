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
import dev.certdocs.load.Nesting;
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
        Article article = article(memo, body);
        CloudPreprocessor.Body lines = article.body();
        String blocks;
        if (!lines.includes) {
            blocks = lines.blocks(cloud);
        } else {
            // Read from the lines, where each group's text is in it noted for CloudBlocks.
            int[] groups = article.groups();
            int[] at = groups == null ? null : new int[groups.length];
            blocks = preprocessor.blocks(path, lines, cloud, groups, at);
            if (blocks == null) {
                blocks = preprocessor.blocks(path, body, cloud);
                at = null;
            }
            article.groupsAt = at;
            article.groupsIn = blocks;
        }
        String spliced = this.blocks.html(path, article, blocks, cloud, memo);
        if (spliced != null) return spliced;
        return whole(blocks, cloud, memo, article);
    }

    /** {@link #html} from the cloud's whole Markdown ({@code blocks}, its variables still written). */
    String whole(String blocks, Cloud cloud, Map<String, String> memo) {
        return whole(blocks, cloud, memo, article(memo, null));
    }

    private String whole(String blocks, Cloud cloud, Map<String, String> memo, Article article) {
        if (article.variables(blocks)) {
            Placeholders p = placeholders(blocks, 0, memo);
            if (p != null) {
                String template = article.templates.computeIfAbsent(p.text(), k -> template(p));
                if (!template.isEmpty()) {
                    StringBuilder out = new StringBuilder(template.length() + 256);
                    if (fill(out, template, article.positions(template), 0, template.length(), p, article.around(p), cloud)) return out.toString();
                }
            }
            return memo.computeIfAbsent(CloudPreprocessor.cut(cloud.expandVariables(blocks, preprocessor.knownVariables())), markdown::render);
        }
        // The nesting of these very blocks may have been measured for another cloud, or for the pieces.
        return memo.computeIfAbsent(article.crossing(blocks) < 0 ? blocks : CloudPreprocessor.cut(blocks), markdown::render);
    }

    /**
     * What one thread keeps of the article it renders, from one cloud to the next: its lines read
     * once ({@link CloudPreprocessor.Body}), its cloud-block groups and each cloud's pieces made
     * from them ({@link CloudBlocks}), the pieces parsed and the templates made. The article is the
     * memo (by identity) and its body.
     */
    static final class Article {
        private Map<String, String> memo;
        private String text;
        private CloudPreprocessor.Body body;
        /** CloudBlocks: the pieces could not be parsed apart, every cloud is rendered whole. */
        boolean whole;
        boolean groupsRead;
        /** CloudBlocks: the first and last line of each group, null when there is none. */
        int[] groups;
        /** CloudBlocks: the body split into a skeleton and groups' texts (a body with includes, read per cloud). */
        CloudBlocks.Split split;
        /** CloudBlocks: what each piece's text parsed to. */
        final Map<String, CloudBlocks.Kept> pieces = new java.util.HashMap<>();
        /** The template of each placeholders' text. */
        final Map<String, String> templates = new java.util.HashMap<>();
        private final Map<String, String> skeletons = new java.util.HashMap<>();
        private Map<String, String>[] groupTexts;
        /** Of a cloud's blocks (the same string for the clouds whose blocks agree): the nesting's crossing, whether it has {@code {{}. */
        private final java.util.IdentityHashMap<String, int[]> measured = new java.util.IdentityHashMap<>();
        private final java.util.IdentityHashMap<String, int[]> positions = new java.util.IdentityHashMap<>();
        private final java.util.IdentityHashMap<Placeholders, Around[]> around = new java.util.IdentityHashMap<>();

        /**
         * CloudBlocks, a body with includes: where each group's text starts and ends in the blocks
         * {@code groupsIn} (compared by identity), which the lines gave; null when they did not.
         */
        int[] groupsAt;
        String groupsIn;

        /** CloudBlocks: {@link #groups}, read once. */
        int[] groups() {
            if (!groupsRead) {
                groupsRead = true;
                groups = CloudBlocks.groups(body());
            }
            return groups;
        }

        CloudPreprocessor.Body body() {
            if (body == null) body = new CloudPreprocessor.Body(text);
            return body;
        }

        /** The cloud's skeleton of a body without includes: its lines outside the groups as the cloud keeps them, each group a token line. */
        String skeleton(String cloudId) {
            CloudPreprocessor.Body b = body();
            StringBuilder signature = new StringBuilder();
            int from = 0;
            for (int k = 0; k < groups.length; k += 2) {
                signature.append(b.signature(from, groups[k], cloudId)).append('|');
                from = groups[k + 1] + 1;
            }
            signature.append(b.signature(from, b.count, cloudId));
            String key = signature.toString();
            String skeleton = skeletons.get(key);
            if (skeleton == null) {
                StringBuilder out = new StringBuilder(b.text.length());
                b.keep(out, 0, b.count, cloudId, groups);
                skeleton = out.toString();
                skeletons.put(key, skeleton);
            }
            return skeleton;
        }

        /** The cloud's text of group {@code g} of a body without includes. */
        @SuppressWarnings("unchecked")
        String group(int g, String cloudId) {
            CloudPreprocessor.Body b = body();
            if (groupTexts == null) groupTexts = new Map[groups.length / 2];
            if (groupTexts[g] == null) groupTexts[g] = new java.util.HashMap<>();
            int first = groups[2 * g];
            int last = groups[2 * g + 1] + 1;
            String key = b.signature(first, last, cloudId);
            String text = groupTexts[g].get(key);
            if (text == null) {
                StringBuilder out = new StringBuilder();
                b.keep(out, first, last, cloudId, null);
                text = out.toString();
                groupTexts[g].put(key, text);
            }
            return text;
        }

        private int[] measured(String blocks) {
            int[] m = measured.get(blocks);
            if (m == null) {
                m = new int[] {-2, blocks.indexOf("{{") >= 0 ? 1 : 0};
                if (measured.size() > 64) measured.clear();
                measured.put(blocks, m);
            }
            return m;
        }

        /** {@link CloudMarkdown#positions} of a template, once per string. */
        int[] positions(String template) {
            int[] at = positions.get(template);
            if (at == null) {
                at = CloudMarkdown.positions(template);
                positions.put(template, at);
            }
            return at;
        }

        /** Room for the {@link Around} of each occurrence of {@code p}, kept for the article's clouds. */
        Around[] around(Placeholders p) {
            Around[] a = around.get(p);
            if (a == null) {
                a = new Around[p.occurrences().size()];
                around.put(p, a);
            }
            return a;
        }

        /** {@link Nesting#crossing} of a cloud's blocks, once per string. */
        int crossing(String blocks) {
            int[] m = measured(blocks);
            if (m[0] == -2) m[0] = Nesting.crossing(blocks);
            return m[0];
        }

        /** Whether the blocks write a variable ({@code {{}), once per string. */
        boolean variables(String blocks) {
            return measured(blocks)[1] == 1;
        }
    }

    /**
     * The thread's article for {@code memo} and {@code body} (null: whatever body the memo's
     * article has); a new one when either changed.
     */
    Article article(Map<String, String> memo, String body) {
        Article a = articles.get();
        if (a.memo != memo || (body != null && a.text != body && !body.equals(a.text))) {
            a = new Article();
            a.memo = memo;
            a.text = body;
            articles.set(a);
        }
        return a;
    }

    private final ThreadLocal<Article> articles = ThreadLocal.withInitial(Article::new);

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
        if (Nesting.crossing(text) >= 0) return ""; // cut: not the text (the same test as cut(text).equals(text))
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
        return fill(out, template, positions(template), 0, template.length(), p, cloud) ? out.toString() : null;
    }

    /** Where each placeholder of {@code template} starts. */
    static int[] positions(String template) {
        int[] at = new int[8];
        int n = 0;
        for (int i = template.indexOf(PREFIX); i >= 0; i = template.indexOf(PREFIX, i + PREFIX.length())) {
            if (n == at.length) at = java.util.Arrays.copyOf(at, n * 2);
            at[n++] = i;
        }
        return java.util.Arrays.copyOf(at, n);
    }

    /**
     * Appends {@code template} from {@code from} to {@code to} (no placeholder across either end)
     * filled with {@code cloud}'s values; false when one of them does not {@link #fits fit}.
     * {@code positions}: {@link #positions} of the template.
     */
    boolean fill(StringBuilder out, String template, int[] positions, int from, int to, Placeholders p, Cloud cloud) {
        return fill(out, template, positions, from, to, p, new Around[p.occurrences().size()], cloud);
    }

    /** As above; {@code around}: each occurrence's {@link Around}, filled in here where missing (kept for the article's next cloud). */
    boolean fill(StringBuilder out, String template, int[] positions, int from, int to, Placeholders p, Around[] around, Cloud cloud) {
        int last = from;
        int n = java.util.Arrays.binarySearch(positions, from);
        for (int x = n < 0 ? -n - 1 : n; x < positions.length && positions[x] < to; x++) {
            int i = positions[x];
            int j = i + PREFIX.length();
            int k = 0;
            while (Character.isDigit(template.charAt(j))) k = k * 10 + (template.charAt(j++) - '0');
            char place = template.charAt(j);
            Occurrence o = p.occurrences().get(k - p.base());
            String value = cloud.variables().getOrDefault(o.name(), "");
            Around a = around[k - p.base()];
            if (a == null) a = around[k - p.base()] = Around.of(p.text(), o);
            String html = fits(a, value, place) ? probe(place, value) : null;
            if (html == null) return false;
            out.append(template, last, i).append(html);
            last = j + 1;
        }
        out.append(template, last, to);
        return true;
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
        return fits(Around.of(text, o), value, place);
    }

    /**
     * What {@link #fits} reads of the text around an occurrence, the same for every value: whether
     * the line before it could still start a block, the rest of its word on either side, the
     * characters beside it.
     */
    record Around(boolean blockStart, String before, String after, char prev, char next) {

        static Around of(String text, Occurrence o) {
            int lineStart = text.lastIndexOf('\n', o.start() - 1) + 1;
            boolean blockStart = BLOCK_START.matcher(text.substring(lineStart, o.start())).matches();
            int wordStart = o.start();
            while (wordStart > 0 && !space(text.charAt(wordStart - 1))) wordStart--;
            int wordEnd = o.end();
            while (wordEnd < text.length() && !space(text.charAt(wordEnd))) wordEnd++;
            return new Around(blockStart, text.substring(wordStart, o.start()), text.substring(o.end(), wordEnd),
                    o.start() > 0 ? text.charAt(o.start() - 1) : '\n', o.end() < text.length() ? text.charAt(o.end()) : '\n');
        }
    }

    /** {@link #fits(String, Occurrence, String, char)} with the occurrence's surroundings read once. */
    static boolean fits(Around around, String value, char place) {
        if (value.isEmpty() || value.length() > 1000) return false;
        boolean letterOrDigit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7F || SYNTAX.indexOf(c) >= 0) return false;
            if (Character.isLetterOrDigit(c)) letterOrDigit = true;
        }
        if (!letterOrDigit || blank(value.charAt(0)) || blank(value.charAt(value.length() - 1))) return false;
        if (value.contains(PREFIX)) return false;
        if (around.blockStart() && !Character.isLetter(value.charAt(0))) return false;
        String before = around.before();
        String after = around.after();
        if (before.contains(PREFIX) || after.contains(PREFIX)) return false;
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        char prev = around.prev();
        char next = around.next();
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
