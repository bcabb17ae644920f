package dev.certdocs.render;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.certdocs.config.Cloud;
import dev.certdocs.load.MarkdownDialect;
import dev.certdocs.load.Nesting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flexmark HTML of an article whose clouds keep different {@code ::: cloud} blocks, from
 * pieces parsed once for all its clouds: the article with each group of top-level cloud blocks
 * replaced by a token line (the <em>skeleton</em>), and each group's Markdown in each cloud.
 *
 * <p>A group is a run of cloud blocks at the top level of the body (outside any block, the
 * {@code ::: cloud} and {@code ::: cloud-end} lines balanced, blocks written one right after the
 * other joined) with a blank line, or the start or end of the body, before and after it. For a
 * cloud, the skeleton and the groups go through {@link CloudPreprocessor#blocks} as the body
 * would; joined (each token line replaced by its group's text) they must give the cloud's
 * Markdown exactly, else the cloud is rendered whole. The pieces a cloud needs that no cloud
 * rendered yet are parsed together in one document, each followed by a separator line; the HTML
 * is cut at the separators and kept, per piece, in the article's memo; a piece with
 * {@code {{cloud.x}}} is kept as a template and filled per cloud as {@link CloudMarkdown} fills
 * a whole article's.
 *
 * <p>The cloud's HTML is then the skeleton's HTML with each group's token paragraph replaced by
 * that group's HTML. That is the HTML of the cloud's whole Markdown because every piece is a run
 * of whole top-level blocks that nothing around it changes, which the parse of the pieces
 * verifies: each token and separator came back as a top-level paragraph of its own (so what came
 * before it ended before it, or was a block that an unindented line ends: a list, indented code, a
 * block quote, a table), and where such a block ends a piece, the next piece a cloud keeps starts
 * with a line that ends it too (an unindented letter or inline syntax, never a list marker, a
 * quote or a pipe). No piece may define or use link references (definitions are global to a
 * document), nor come near the depth where the text would be cut. Anything else and the cloud's
 * Markdown is rendered whole, as before; the HTML is the same either way, byte for byte.
 */
final class CloudBlocks {

    /** The tokens' prefix; a body that contains it is rendered whole. */
    static final String TOKEN = "Qcdb7x";
    /** Ends a piece's memo key: {@link CloudMarkdown}'s keys end with a line break or its own tag. */
    private static final String PIECE_KEY = "\u0000piece";
    /** A memo key: the article's pieces could not be parsed apart, every cloud is rendered whole. */
    static final String WHOLE_KEY = "\u0000whole";

    /** A segment's last block: none, ended by the line after it, or one an unindented line ends. */
    private static final char EMPTY = 'E';
    private static final char CLOSED = 'C';
    private static final char OPEN = 'O';

    private final MarkdownHtml markdown;
    private final CloudPreprocessor preprocessor;
    private final CloudMarkdown variables;

    CloudBlocks(MarkdownHtml markdown, CloudPreprocessor preprocessor, CloudMarkdown variables) {
        this.markdown = markdown;
        this.preprocessor = preprocessor;
        this.variables = variables;
    }

    /** The body with each group of top-level cloud blocks a token line, and the groups' text. */
    record Split(String skeleton, List<String> groups) {
    }

    static String token(int group) {
        return TOKEN + group + "z";
    }

    private static String separator(int piece) {
        return TOKEN + "s" + piece + "z";
    }

    /** {@code body} split at its groups (see the class comment), or null when it has none. */
    static Split split(String body) {
        if (body.indexOf(":::") < 0 || body.contains(TOKEN)) return null;
        List<String> lines = new ArrayList<>();
        for (int offset = 0; offset < body.length(); ) {
            int end = body.indexOf('\n', offset);
            if (end < 0) end = body.length();
            lines.add(body.substring(offset, end));
            offset = end + 1;
        }
        // Read as CloudPreprocessor reads them: fences hide markers; a stray cloud-end is dropped.
        List<int[]> groups = new ArrayList<>();
        MarkdownDialect.BlockLines kinds = new MarkdownDialect.BlockLines();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (kinds.next(lines.get(i)) != MarkdownDialect.BlockLines.Kind.MARKER) continue;
            if (kinds.marker().open()) {
                if (depth++ == 0) start = i;
            } else if (depth > 0 && --depth == 0) {
                int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last != null && last[1] == start - 1) {
                    last[1] = i;
                } else {
                    groups.add(new int[] {start, i});
                }
            }
        }
        if (depth > 0) return null;
        StringBuilder skeleton = new StringBuilder(body.length());
        List<String> texts = new ArrayList<>();
        int next = 0;
        for (int[] g : groups) {
            boolean before = g[0] == 0 || blank(lines.get(g[0] - 1));
            boolean after = g[1] == lines.size() - 1 || blank(lines.get(g[1] + 1));
            if (!before || !after) continue;
            for (int i = next; i < g[0]; i++) skeleton.append(lines.get(i)).append('\n');
            StringBuilder text = new StringBuilder();
            for (int i = g[0]; i <= g[1]; i++) text.append(lines.get(i)).append('\n');
            skeleton.append(token(texts.size())).append('\n');
            texts.add(text.toString());
            next = g[1] + 1;
        }
        if (texts.isEmpty()) return null;
        for (int i = next; i < lines.size(); i++) skeleton.append(lines.get(i)).append('\n');
        return new Split(skeleton.toString(), List.copyOf(texts));
    }

    private static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && line.charAt(i) != '\t') return false;
        }
        return true;
    }

    /**
     * The HTML of {@code blocks} ({@code body}'s Markdown in {@code cloud} before its variables
     * are replaced) from the article's pieces, or null when it must be rendered whole.
     */
    String html(String path, String body, String blocks, Cloud cloud, Map<String, String> memo) {
        if (memo.containsKey(WHOLE_KEY)) return null;
        Split split = split(body);
        if (split == null) {
            memo.put(WHOLE_KEY, "");
            return null;
        }
        int groups = split.groups().size();
        String skeleton = preprocessor.blocks(path, split.skeleton(), cloud);
        String[] texts = new String[groups];
        // The pieces joined must be the cloud's Markdown (an include's budget, say, is the page's).
        StringBuilder joined = new StringBuilder(blocks.length());
        int last = 0;
        for (int g = 0; g < groups; g++) {
            texts[g] = preprocessor.blocks(path, split.groups().get(g), cloud);
            String line = token(g) + "\n";
            int at = skeleton.indexOf(line, last);
            if (at < 0 || (at > 0 && skeleton.charAt(at - 1) != '\n')) return null;
            joined.append(skeleton, last, at).append(texts[g]);
            last = at + line.length();
        }
        joined.append(skeleton, last, skeleton.length());
        if (!joined.toString().contentEquals(blocks) || Nesting.crossing(blocks) >= 0) return null;
        if (count(skeleton, TOKEN) != groups) return null;
        for (String t : texts) {
            if (t.contains(TOKEN)) return null;
        }

        // Parse what no cloud parsed yet, together.
        Map<String, Boolean> missing = new LinkedHashMap<>();
        if (!memo.containsKey(skeleton + PIECE_KEY)) missing.put(skeleton, true);
        for (String t : texts) {
            if (!blank(t) && !memo.containsKey(t + PIECE_KEY)) missing.put(t, false);
        }
        if (!missing.isEmpty() && !parse(List.copyOf(missing.keySet()), memo)) {
            memo.put(WHOLE_KEY, "");
            return null;
        }

        // The skeleton's pieces around the tokens, and the groups', each with its ends.
        Piece skeletonPiece = piece(skeleton, cloud, memo);
        if (skeletonPiece == null) return null;
        List<String> htmls = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        int from = 0;
        for (int g = 0; g <= groups; g++) {
            int to = g < groups ? skeletonPiece.html().indexOf("<p>" + token(g) + "</p>\n", from) : skeletonPiece.html().length();
            if (to < 0) return null;
            htmls.add(skeletonPiece.html().substring(from, to));
            ends.add(skeletonPiece.ends().substring(2 * g, 2 * g + 2));
            if (g == groups) break;
            from = to + token(g).length() + 8;
            if (blank(texts[g])) continue;
            Piece p = piece(texts[g], cloud, memo);
            if (p == null) return null;
            htmls.add(p.html());
            ends.add(p.ends());
        }
        StringBuilder out = new StringBuilder(blocks.length() * 2);
        char before = EMPTY;
        for (int i = 0; i < htmls.size(); i++) {
            String end = ends.get(i);
            if (end.charAt(0) == EMPTY) continue;
            if (before == OPEN && end.charAt(1) != 'i') return null;
            before = end.charAt(0);
            out.append(htmls.get(i));
        }
        return out.toString();
    }

    /** One piece's HTML in a cloud, and the ends of its segments (two letters each: the last block's kind, whether its first line is inert). */
    record Piece(String html, String ends) {
    }

    /** The piece {@code text} as {@link #parse} kept it, its variables filled for {@code cloud}; null when it was refused or a value does not fit. */
    private Piece piece(String text, Cloud cloud, Map<String, String> memo) {
        String kept = memo.get(text + PIECE_KEY);
        if (kept == null || kept.isEmpty()) return null;
        int comma = kept.indexOf(',');
        int newline = kept.indexOf('\n');
        int base = Integer.parseInt(kept.substring(0, comma));
        String ends = kept.substring(comma + 1, newline);
        String html = kept.substring(newline + 1);
        if (base >= 0) {
            CloudMarkdown.Placeholders p = variables.placeholders(text, base, memo);
            if (p == null) return null;
            html = variables.fill(html, p, cloud);
            if (html == null) return null;
        }
        return new Piece(html, ends);
    }

    /**
     * Parses {@code texts} in one document, each followed by a blank line, its separator and a
     * blank line, and keeps each one's HTML (a template where it has variables) in the memo under
     * its text: {@code base,ends\nhtml}, base -1 when it has no variables. False when the
     * document does not prove the pieces apart (see the class comment).
     */
    private boolean parse(List<String> texts, Map<String, String> memo) {
        StringBuilder doc = new StringBuilder();
        List<CloudMarkdown.Occurrence> occurrences = new ArrayList<>();
        int[] bases = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            CloudMarkdown.Placeholders p = text.indexOf("{{") >= 0
                    ? CloudMarkdown.Placeholders.of(text, preprocessor.knownVariables(), occurrences.size()) : null;
            if (p == null && text.contains(CloudMarkdown.PREFIX)) return false;
            String written = p == null ? text : p.text();
            if (!CloudPreprocessor.cut(written).equals(written)) return false;
            bases[i] = p == null ? -1 : occurrences.size();
            int at = doc.length();
            if (p != null) {
                for (CloudMarkdown.Occurrence o : p.occurrences()) {
                    occurrences.add(new CloudMarkdown.Occurrence(at + o.start(), at + o.end(), o.name()));
                }
            }
            doc.append(written).append('\n').append(separator(i)).append("\n\n");
        }
        String text = doc.toString();
        try {
            Document tree = markdown.parse(text);
            if (MarkdownHtml.depth(tree) > MarkdownHtml.MAX_TREE_DEPTH - 4 || CloudMarkdown.hasReference(tree)) return false;
            // Every token line of the text, in order, must be a top-level paragraph of its own.
            List<String> expected = new ArrayList<>();
            for (int i = text.indexOf(TOKEN); i >= 0; i = text.indexOf(TOKEN, i + 1)) {
                int end = text.indexOf('\n', i);
                if ((i > 0 && text.charAt(i - 1) != '\n') || end < 0) return false;
                expected.add(text.substring(i, end));
            }
            StringBuilder ends = new StringBuilder();
            List<String> found = new ArrayList<>();
            Node previous = null;
            int segmentStart = 0;
            for (Node n = tree.getFirstChild(); n != null; n = n.getNext()) {
                String name = tokenParagraph(n);
                if (name == null) {
                    previous = n;
                    continue;
                }
                found.add(name);
                ends.append(previous == null ? EMPTY : kind(previous)).append(inert(text, segmentStart, n.getStartOffset()) ? 'i' : 'n');
                previous = null;
                segmentStart = n.getEndOffset();
                if (name.startsWith(TOKEN + "s")) ends.append('|');
            }
            if (!found.equals(expected) || previous != null) return false;
            char[] places = new char[occurrences.size()];
            for (int k = 0; k < places.length; k++) {
                CloudMarkdown.Occurrence o = occurrences.get(k);
                places[k] = CloudMarkdown.place(tree, o.start(), o.end());
                if (places[k] == 0) return false;
            }
            String html = markdown.html(tree);
            if (places.length > 0) {
                html = CloudMarkdown.mark(html, places);
                if (html.isEmpty()) return false;
            }
            if (count(html, TOKEN) != expected.size()) return false;
            String[] pieceEnds = ends.toString().split("\\|", -1);
            int from = 0;
            for (int i = 0; i < texts.size(); i++) {
                String sep = "<p>" + separator(i) + "</p>\n";
                int at = html.indexOf(sep, from);
                if (at < 0) return false;
                memo.put(texts.get(i) + PIECE_KEY, bases[i] + "," + pieceEnds[i] + "\n" + html.substring(from, at));
                from = at + sep.length();
            }
            return from == html.length();
        } catch (StackOverflowError e) {
            return false;
        }
    }

    /** The token a top-level paragraph is, or null. */
    private static String tokenParagraph(Node n) {
        if (!(n instanceof Paragraph)) return null;
        String s = n.getChars().toString();
        if (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
        return s.startsWith(TOKEN) && s.indexOf(TOKEN, 1) < 0 && s.indexOf('\n') < 0 ? s : null;
    }

    /** The kind of a segment's last block: {@link #OPEN} where an unindented line of the next piece must end it. */
    private static char kind(Node last) {
        return last instanceof BulletList || last instanceof OrderedList || last instanceof IndentedCodeBlock
                || last instanceof BlockQuote || last instanceof TableBlock ? OPEN : CLOSED;
    }

    /**
     * Whether the first non-blank line of {@code text} between {@code from} and {@code to} ends a
     * list, indented code, a block quote or a table before it: it starts with a letter or inline
     * syntax, not indented, never a list marker, a quote, a pipe or a digit.
     */
    static boolean inert(String text, int from, int to) {
        int i = from;
        while (i < to) {
            int end = text.indexOf('\n', i);
            if (end < 0 || end > to) end = to;
            if (!blank(text.substring(i, end))) {
                char c = text.charAt(i);
                return Character.isLetter(c) || "[!`#<{_~\\".indexOf(c) >= 0;
            }
            i = end + 1;
        }
        return true;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
