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
 * Markdown exactly, else the cloud is rendered whole. (A body without includes is read once for
 * all its clouds, {@link CloudPreprocessor.Body}: each group is balanced and read from outside any
 * block and fence, so the skeleton's and the groups' lines a cloud keeps are the ones the body's
 * reading keeps, and they join to its blocks by construction; with includes, whose budget is the
 * page's, each piece is read per cloud and the join compared.) The pieces a cloud needs that no
 * cloud rendered yet are parsed together in one document, each followed by a separator line; the
 * HTML is cut at the separators and kept, per piece, for the article ({@link Kept}); a piece with
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
        return split(new CloudPreprocessor.Body(body));
    }

    /** {@link #split(String)} of a body read once ({@link CloudPreprocessor.Body}). */
    static Split split(CloudPreprocessor.Body body) {
        int[] groups = groups(body);
        if (groups == null) return null;
        String text = body.text;
        StringBuilder skeleton = new StringBuilder(text.length());
        List<String> texts = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < groups.length; k += 2) {
            for (int i = next; i < groups[k]; i++) skeleton.append(text, body.starts[i], body.ends[i]).append('\n');
            StringBuilder group = new StringBuilder();
            for (int i = groups[k]; i <= groups[k + 1]; i++) group.append(text, body.starts[i], body.ends[i]).append('\n');
            skeleton.append(token(texts.size())).append('\n');
            texts.add(group.toString());
            next = groups[k + 1] + 1;
        }
        for (int i = next; i < body.count; i++) skeleton.append(text, body.starts[i], body.ends[i]).append('\n');
        return new Split(skeleton.toString(), List.copyOf(texts));
    }

    /**
     * The groups of {@code body} (see the class comment): the first and last line of each, in
     * pairs; null when it has none (or holds a token, or its blocks do not balance).
     */
    static int[] groups(CloudPreprocessor.Body body) {
        String text = body.text;
        if (text.indexOf(":::") < 0 || text.contains(TOKEN)) return null;
        // Read as CloudPreprocessor reads them: fences hide markers; a stray cloud-end is dropped.
        List<int[]> groups = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < body.count; i++) {
            if (body.kinds[i] != CloudPreprocessor.Body.MARKER) continue;
            if (body.markers[i].open()) {
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
        int[] kept = new int[2 * groups.size()];
        int n = 0;
        for (int[] g : groups) {
            boolean before = g[0] == 0 || blank(text, body.starts[g[0] - 1], body.ends[g[0] - 1]);
            boolean after = g[1] == body.count - 1 || blank(text, body.starts[g[1] + 1], body.ends[g[1] + 1]);
            if (!before || !after) continue;
            kept[n++] = g[0];
            kept[n++] = g[1];
        }
        return n == 0 ? null : java.util.Arrays.copyOf(kept, n);
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    private static boolean blank(String line) {
        return blank(line, 0, line.length());
    }

    /**
     * The HTML of {@code blocks} ({@code body}'s Markdown in {@code cloud} before its variables
     * are replaced) from the article's pieces, or null when it must be rendered whole.
     */
    String html(String path, String body, String blocks, Cloud cloud, Map<String, String> memo) {
        return html(path, variables.article(memo, body), blocks, cloud, memo);
    }

    /**
     * As {@link #html(String, String, String, Cloud, Map)}, with what the article's earlier clouds
     * left: its lines read once, its groups, and for a body without includes each cloud's skeleton
     * and group texts made from those lines (the same string for the clouds whose markers agree),
     * so that they need no reading per cloud and no proof that they join to the cloud's blocks.
     */
    String html(String path, CloudMarkdown.Article article, String blocks, Cloud cloud, Map<String, String> memo) {
        if (article.whole) return null;
        CloudPreprocessor.Body body = article.body();
        int[] groupLines = article.groups();
        if (groupLines == null) {
            article.whole = true;
            return null;
        }
        int groups = groupLines.length / 2;
        String skeleton;
        String[] texts = new String[groups];
        if (!body.includes) {
            // Made from the body's lines: they join to the cloud's blocks (each group balanced, read from outside any block).
            skeleton = article.skeleton(cloud.id());
            for (int g = 0; g < groups; g++) texts[g] = article.group(g, cloud.id());
            if (article.crossing(blocks) >= 0) return null;
        } else if (article.groupsIn == blocks && article.groupsAt != null) {
            // The cloud's blocks read from the lines with no include left out for the page's budget: each group's
            // text is where the reading put it, the skeleton the rest (as each would read on its own).
            if (blocks.contains(TOKEN)) return null; // an include wrote one
            int[] at = article.groupsAt;
            StringBuilder joined = new StringBuilder(blocks.length());
            int last = 0;
            for (int g = 0; g < groups; g++) {
                joined.append(blocks, last, at[2 * g]).append(token(g)).append('\n');
                texts[g] = blocks.substring(at[2 * g], at[2 * g + 1]);
                last = at[2 * g + 1];
            }
            skeleton = joined.append(blocks, last, blocks.length()).toString();
            if (article.crossing(blocks) >= 0) return null;
        } else {
            if (article.split == null) article.split = split(body);
            Split split = article.split;
            skeleton = preprocessor.blocks(path, split.skeleton(), cloud);
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
            if (!joined.toString().contentEquals(blocks) || article.crossing(blocks) >= 0) return null;
            if (count(skeleton, TOKEN) != groups) return null;
            for (String t : texts) {
                if (t.contains(TOKEN)) return null;
            }
        }

        // Parse what no cloud parsed yet, together.
        Map<String, Boolean> missing = null;
        if (!article.pieces.containsKey(skeleton)) {
            missing = new LinkedHashMap<>();
            missing.put(skeleton, true);
        }
        for (String t : texts) {
            if (!blank(t) && !article.pieces.containsKey(t)) {
                if (missing == null) missing = new LinkedHashMap<>();
                missing.put(t, false);
            }
        }
        if (missing != null && !parse(List.copyOf(missing.keySet()), article, memo)) {
            article.whole = true;
            return null;
        }

        // The skeleton's segments around the tokens, and the groups', each with its ends, filled into one text.
        Kept skeletonPiece = article.pieces.get(skeleton);
        if (skeletonPiece == null || skeletonPiece.html == null) return null;
        int[] cuts = skeletonPiece.cuts(groups);
        if (cuts == null) return null;
        CloudMarkdown.Placeholders skeletonPlaces = places(skeletonPiece, skeleton, memo);
        if (skeletonPiece.base >= 0 && skeletonPlaces == null) return null;
        Kept[] pieces = new Kept[groups];
        CloudMarkdown.Placeholders[] places = new CloudMarkdown.Placeholders[groups];
        for (int g = 0; g < groups; g++) {
            if (blank(texts[g])) continue;
            Kept p = article.pieces.get(texts[g]);
            if (p == null || p.html == null) return null;
            pieces[g] = p;
            places[g] = places(p, texts[g], memo);
            if (p.base >= 0 && places[g] == null) return null;
        }
        StringBuilder out = new StringBuilder(blocks.length() * 2);
        char before = EMPTY;
        for (int g = 0; g <= groups; g++) {
            // the skeleton's segment before token g (or after the last)
            char kind = skeletonPiece.ends.charAt(2 * g);
            if (kind != EMPTY) {
                if (before == OPEN && skeletonPiece.ends.charAt(2 * g + 1) != 'i') return null;
                before = kind;
                int from = g == 0 ? 0 : cuts[2 * g - 1];
                int to = g < groups ? cuts[2 * g] : skeletonPiece.html.length();
                if (!fill(out, skeletonPiece, from, to, skeletonPlaces, cloud, article)) return null;
            }
            if (g == groups || pieces[g] == null) continue;
            Kept p = pieces[g];
            if (p.ends.charAt(0) == EMPTY) continue;
            if (before == OPEN && p.ends.charAt(1) != 'i') return null;
            before = p.ends.charAt(0);
            if (!fill(out, p, 0, p.html.length(), places[g], cloud, article)) return null;
        }
        return out.toString();
    }

    /** The placeholders of a kept piece's text (null when it has none). */
    private CloudMarkdown.Placeholders places(Kept piece, String text, Map<String, String> memo) {
        return piece.base < 0 ? null : variables.placeholders(text, piece.base, memo);
    }

    /** Appends the piece's HTML from {@code from} to {@code to}, its placeholders filled for the cloud; false when a value does not fit. */
    private boolean fill(StringBuilder out, Kept piece, int from, int to, CloudMarkdown.Placeholders places, Cloud cloud,
            CloudMarkdown.Article article) {
        if (places == null) {
            out.append(piece.html, from, to);
            return true;
        }
        return variables.fill(out, piece.html, article.positions(piece.html), from, to, places, article.around(places), cloud);
    }

    /**
     * What {@link #parse} kept of one piece: its HTML (a template where it has variables, their
     * numbers from {@code base}; -1 without), the ends of its segments (two letters each: the last
     * block's kind, whether its first line is inert); {@code html} null when the piece was refused.
     */
    static final class Kept {
        final int base;
        final String ends;
        final String html;
        private int[] cuts;

        Kept(int base, String ends, String html) {
            this.base = base;
            this.ends = ends;
            this.html = html;
        }

        /**
         * Where the token paragraphs of a skeleton's HTML are, start and end of each, found once (no
         * value is filled across one: a placeholder never spans a token's paragraph); null when one
         * is missing.
         */
        int[] cuts(int groups) {
            if (cuts == null || cuts.length != 2 * groups) {
                int[] found = new int[2 * groups];
                int from = 0;
                for (int g = 0; g < groups; g++) {
                    String paragraph = "<p>" + token(g) + "</p>\n";
                    int at = html.indexOf(paragraph, from);
                    if (at < 0) return null;
                    found[2 * g] = at;
                    found[2 * g + 1] = at + paragraph.length();
                    from = found[2 * g + 1];
                }
                cuts = found;
            }
            return cuts;
        }
    }

    /**
     * Parses {@code texts} in one document, each followed by a blank line, its separator and a
     * blank line, and keeps each one's HTML (a template where it has variables) in the article's
     * {@link Kept pieces} under its text. False when the document does not prove the pieces apart
     * (see the class comment).
     */
    private boolean parse(List<String> texts, CloudMarkdown.Article article, Map<String, String> memo) {
        StringBuilder doc = new StringBuilder();
        List<CloudMarkdown.Occurrence> occurrences = new ArrayList<>();
        int[] bases = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            // (through the article's placeholders: each cloud fills the piece with the same ones)
            CloudMarkdown.Placeholders p = text.indexOf("{{") >= 0 ? variables.placeholders(text, occurrences.size(), memo) : null;
            if (p == null && text.contains(CloudMarkdown.PREFIX)) return false;
            String written = p == null ? text : p.text();
            if (Nesting.crossing(written) >= 0) return false; // it would be cut
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
                article.pieces.put(texts.get(i), new Kept(bases[i], pieceEnds[i], html.substring(from, at)));
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
        // Only a paragraph that starts with a token is copied out.
        com.vladsch.flexmark.util.sequence.BasedSequence chars = n.getChars();
        if (chars.length() < TOKEN.length()) return null;
        for (int i = 0; i < TOKEN.length(); i++) {
            if (chars.charAt(i) != TOKEN.charAt(i)) return null;
        }
        String s = chars.toString();
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
