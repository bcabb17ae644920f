package dev.certdocs.load;

import dev.certdocs.model.MarkdownLink;
import dev.certdocs.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link destinations of a Markdown body, line by line, for {@link BodyScanner}: inline links
 * and images ({@code [text](dest)}, {@code ![alt](dest)}, the destination possibly on the next
 * line), reference definitions ({@code [label]: dest}) and autolinks ({@code <scheme:…>}). A
 * definition counts as an image's when an image uses its label. Lines come with code spans and
 * include directives already blanked out. One instance per scan.
 */
final class MarkdownLinks {

    private static final Pattern DEFINITION = Pattern.compile(
            "^[ \\t>]*(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+)?\\[((?:[^\\]\\\\]|\\\\.)+)]:[ \\t]*(.*)$");
    private static final Pattern AUTOLINK = Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\x00-\\x20]*)>");
    /**
     * An image by reference. The texts are at most 999 characters, CommonMark's limit for a label:
     * unbounded, each of a line's thousands of unclosed {@code ![} was read to the line's end.
     */
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("!\\[([^\\]]{0,999})](?:\\[([^\\]]{0,999})])?(?!\\()");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");

    private record Found(String destination, boolean image, String label, SourcePosition position) {
    }

    private final SourceText src;
    /** One matcher per pattern for the scan, reset per line. */
    private final Matcher definition = DEFINITION.matcher("");
    private final Matcher autolink = AUTOLINK.matcher("");
    private final Matcher imageReference = IMAGE_REFERENCE.matcher("");
    private final List<Found> found = new ArrayList<>();
    private final Set<String> imageLabels = new HashSet<>();
    /** A link whose destination is on the next line: whether it is an image's, and the label of a definition. */
    private boolean pending;
    private boolean pendingImage;
    private String pendingLabel;
    /** The '[' not yet closed in this paragraph, each with whether a '!' came before it (an image). */
    private final List<Boolean> openBrackets = new ArrayList<>();
    /** Brackets kept open at most: a line of a thousand '[' is text, not a thousand links. */
    private static final int MAX_OPEN_BRACKETS = 64;

    MarkdownLinks(SourceText src) {
        this.src = src;
    }

    /** A line that is not paragraph text (blank, a heading, a fence): no destination continues onto it. */
    void interrupt() {
        pending = false;
        openBrackets.clear();
    }

    /** Reads one line, starting at {@code lineOffset} of the source. */
    void line(String line, int lineOffset) {
        if (pending) {
            pending = false;
            int start = skipSpace(line, 0);
            if (start < line.length()) destination(line, start, lineOffset, pendingImage, pendingLabel);
        }
        if (line.indexOf(']') >= 0 || line.indexOf('[') >= 0) {
            // A definition has "]:"; a longer line goes to the pattern whatever it holds, as the pattern may
            // overflow there and BodyScanner reports such a line.
            Matcher def = line.indexOf("]:") >= 0 || line.length() > BlockSyntax.SHORT_LINE ? definition.reset(line) : null;
            if (def != null && def.matches()) {
                String label = normalize(def.group(1));
                if (def.group(2).isBlank()) {
                    pending = true;
                    pendingImage = false;
                    pendingLabel = label;
                } else {
                    destination(line, def.start(2), lineOffset, false, label);
                }
                return;
            }
            inlineLinks(line, lineOffset);
            int bang = line.indexOf("![");
            // The pattern needs a ']' after the "![".
            if (bang >= 0 && line.indexOf(']', bang + 2) >= 0) {
                Matcher ref = imageReference.reset(line);
                while (ref.find()) {
                    imageLabels.add(normalize(ref.group(2) == null || ref.group(2).isEmpty() ? ref.group(1) : ref.group(2)));
                }
            }
        }
        int angle = line.indexOf('<');
        // The pattern needs a ':' and a '>' after the '<'.
        if (angle >= 0 && line.indexOf(':', angle) >= 0 && line.indexOf('>', angle) >= 0) {
            Matcher auto = autolink.reset(line);
            while (auto.find()) {
                found.add(new Found(auto.group(1), false, null, src.position(lineOffset + auto.start(1))));
            }
        }
    }

    /**
     * Inline links and images: each ']' closes the latest open '[' (of this line or of an earlier
     * line of the same paragraph: link text may wrap), and a '(' right after it starts a destination.
     */
    private void inlineLinks(String line, int lineOffset) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                if (openBrackets.size() < MAX_OPEN_BRACKETS) openBrackets.add(i > 0 && line.charAt(i - 1) == '!');
            } else if (c == ']' && !openBrackets.isEmpty()) {
                boolean image = openBrackets.remove(openBrackets.size() - 1);
                if (i + 1 >= line.length() || line.charAt(i + 1) != '(') continue;
                int start = skipSpace(line, i + 2);
                if (start >= line.length()) {
                    pending = true;
                    pendingImage = image;
                    pendingLabel = null;
                    return;
                }
                i = Math.max(i, destination(line, start, lineOffset, image, null) - 1);
            }
        }
    }

    /** What was found, in source order. */
    List<MarkdownLink> links() {
        List<MarkdownLink> out = new ArrayList<>(found.size());
        for (Found f : found) {
            boolean image = f.image() || (f.label() != null && imageLabels.contains(f.label()));
            out.add(new MarkdownLink(f.destination(), image, f.position()));
        }
        return out;
    }

    /**
     * The destination starting at {@code start}: {@code <…>}, or up to white space or an
     * unbalanced ')'. Returns where it ends.
     */
    private int destination(String line, int start, int lineOffset, boolean image, String label) {
        int end;
        String text;
        if (line.charAt(start) == '<') {
            end = line.indexOf('>', start + 1);
            if (end < 0) return line.length();
            text = line.substring(start + 1, end);
        } else {
            int depth = 0;
            end = start;
            while (end < line.length()) {
                char c = line.charAt(end);
                if (c == '\\' && end + 1 < line.length()) {
                    end += 2;
                    continue;
                }
                if (c == ' ' || c == '\t') break;
                if (c == '(') depth++;
                if (c == ')' && depth-- == 0) break;
                end++;
            }
            text = line.substring(start, Math.min(end, line.length()));
        }
        if (!text.isEmpty()) {
            String unescaped = text.indexOf('\\') < 0 ? text : ESCAPE.matcher(text).replaceAll("$1");
            found.add(new Found(unescaped, image, label, src.position(lineOffset + start)));
        }
        return Math.min(end, line.length());
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }

    /** Labels match case-insensitively with white space folded, as CommonMark matches them. */
    private static String normalize(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
