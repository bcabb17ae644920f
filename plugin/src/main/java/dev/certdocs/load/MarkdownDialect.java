package dev.certdocs.load;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.certdocs.config.Cloud;
import dev.certdocs.model.Properties;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown that articles are written in, defined once for loading, link checking and
 * rendering: CommonMark plus GitHub's tables, strikethrough, task lists and autolinks (the
 * flexmark options the renderer parses with), and certdocs' own syntax on top of it, read before
 * any Markdown parsing: the {@code [!INCLUDE [title](path)]} directive, {@code ::: cloud} /
 * {@code ::: cloud-end} block markers, {@code {{cloud.x}}} variables, and the code fences inside
 * which none of it counts.
 */
public final class MarkdownDialect {

    /** {@code [!INCLUDE [title](target)]}, any case; group 1 the title, group 2 the target (angle brackets dropped). */
    public static final Pattern INCLUDE = Pattern.compile("\\[!INCLUDE\\s*\\[([^\\]]*)\\]\\(\\s*<?([^)>]*?)>?\\s*\\)\\s*\\]",
            Pattern.CASE_INSENSITIVE);
    /** A variable use {@code {{cloud.name}}}; group 1 the name (the pattern the clouds expand variables with). */
    public static final Pattern VARIABLE = Cloud.VARIABLE;
    private static final Pattern CLOUD_MARKER = Pattern.compile("^\\s*:::\\s*(cloud-end|cloud)(?![\\w-])(.*)$");
    private static final Pattern CLOUD_ATTR = Pattern.compile("(include|exclude)\\s*=\\s*\"([^\"]*)\"");

    private MarkdownDialect() {
    }

    /** A fresh set of the parser options; callers may add their own (the renderer's soft breaks). */
    public static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        // GitHub's tables and autolinks are flexmark's extensions with their per-document work cut (TablesOnce,
        // AutolinkGate); HeadingGate stands in front of flexmark's own heading parser, and RegionMatching's inline
        // parser matches its patterns without copying the paragraph.
        options.set(Parser.EXTENSIONS, List.of(TablesOnce.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkGate.create(), HeadingGate.create(), RegionMatching.create()));
        // GitHub's table rules: no column spans, ragged rows padded or cut to the header.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options;
    }

    /**
     * A {@code ::: cloud include="a, b"}, {@code ::: cloud exclude="c"} or {@code ::: cloud-end} line.
     *
     * @param open    whether it opens a block (else it closes one)
     * @param exclude whether the clouds listed are left out (else they are the only ones kept)
     * @param clouds  the clouds as written, empty for a closing line or a block without a list
     * @param listed  whether an {@code include}/{@code exclude} attribute is there (a block without one admits every cloud)
     */
    public record CloudMarker(boolean open, boolean exclude, List<String> clouds, boolean listed) {

        /** Whether the block admits the cloud with this (lower-case) id. */
        public boolean admits(String cloudId) {
            if (!listed) return true;
            boolean named = clouds.stream().anyMatch(id -> id.toLowerCase(java.util.Locale.ROOT).equals(cloudId));
            return exclude != named;
        }
    }

    /** The cloud-block marker this line is, or {@code null}. */
    public static CloudMarker cloudMarker(String line) {
        if (!markerStart(line)) return null;
        return cloudMarker(line, CLOUD_MARKER.matcher(line), CLOUD_ATTR.matcher(line));
    }

    /** As {@link #cloudMarker(String)}, with matchers of {@link #CLOUD_MARKER} and {@link #CLOUD_ATTR} to reset. */
    private static CloudMarker cloudMarker(String line, Matcher m, Matcher attr) {
        if (!markerStart(line)) return null;
        m.reset(line);
        if (!m.matches()) return null;
        if (m.end(1) - m.start(1) == "cloud-end".length()) return new CloudMarker(false, false, List.of(), false);
        // The attributes are read where they are in the line (the pattern has no anchor or look-around: the same
        // matches as in the text after the marker), without copying that text out.
        attr.reset(line).region(m.start(2), m.end(2));
        if (!attr.find()) return new CloudMarker(true, false, List.of(), false);
        List<String> clouds = Properties.splitList(attr.group(2));
        clouds.replaceAll(SharedStrings::of);
        return new CloudMarker(true, line.charAt(attr.start(1)) == 'e', clouds, true);
    }

    /**
     * Whether the line starts as {@link #CLOUD_MARKER} requires, {@code :::} after white space
     * ({@code \\s}: space, tab, line and form feeds, carriage return, vertical tab): the lines
     * that do not are told apart without reading them through.
     */
    private static boolean markerStart(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') break;
            i++;
        }
        return line.startsWith(":::", i);
    }

    /**
     * The fence ({@code ```} or {@code ~~~}, three or more) this line opens a code block with, or {@code null}:
     * what {@code ^ {0,3}(`{3,}|~{3,})} finds, written out (it ran on every line that starts with either character).
     */
    public static String fenceOpening(String line) {
        int start = fenceStart(line);
        if (start < 0) return null;
        char mark = line.charAt(start);
        int end = start;
        while (end < line.length() && line.charAt(end) == mark) end++;
        if (end - start < 3) return null;
        if (end - start == 3) return mark == '`' ? "```" : "~~~";
        return line.substring(start, end);
    }

    /** Where a fence's run starts: after at most three spaces, a backtick or a tilde; -1 when there is none. */
    private static int fenceStart(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
        if (spaces > 3 || spaces == line.length()) return -1;
        char c = line.charAt(spaces);
        return c == '`' || c == '~' ? spaces : -1;
    }

    /** Whether this line closes the code block {@code fence} opened: the same character, at least as many, nothing after. */
    public static boolean closesFence(String line, String fence) {
        String run = fenceOpening(line);
        if (run == null || run.charAt(0) != fence.charAt(0) || run.length() < fence.length()) return false;
        // Only white space after the run (String.isBlank's test: no white space is outside the BMP).
        for (int i = fenceStart(line) + run.length(); i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) return false;
        }
        return true;
    }

    /**
     * A body's lines as the cloud blocks read them, one after the other: inside fenced code (its
     * fence lines included) a line is code, even one that looks like a marker; outside, a
     * {@code ::: cloud} or {@code ::: cloud-end} line is a marker, any other line text. One per
     * body (an include's text is a body of its own).
     */
    public static final class BlockLines {

        /** What a line is to the cloud blocks. */
        public enum Kind { CODE, MARKER, TEXT }

        private String fence;
        private CloudMarker marker;

        /** What the next line of the body is. */
        public Kind next(String line) {
            marker = null;
            if (fence != null) {
                if (closesFence(line, fence)) fence = null;
                return Kind.CODE;
            }
            String opened = fenceOpening(line);
            if (opened != null) {
                fence = opened;
                return Kind.CODE;
            }
            marker = cloudMarker(line);
            return marker == null ? Kind.TEXT : Kind.MARKER;
        }

        /**
         * As {@link #next(String)} for the line {@code text[start, end)} (no line feed in it): the line is
         * copied out only where it may open or close a fence (a backtick or tilde after at most three
         * spaces) or be a marker (outside a fence, {@code :::} after white space); any other line is code
         * inside a fence and text outside one, which is what {@link #next(String)} answers for it.
         */
        public Kind next(String text, int start, int end) {
            int spaces = start;
            while (spaces < end && text.charAt(spaces) == ' ') spaces++;
            if (spaces - start <= 3 && spaces < end) {
                char c = text.charAt(spaces);
                if (c == '`' || c == '~') return next(text.substring(start, end));
            }
            marker = null;
            if (fence != null) return Kind.CODE;
            int i = spaces;
            while (i < end) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') break;
                i++;
            }
            if (i + 3 > end || !text.startsWith(":::", i)) return Kind.TEXT;
            return next(text.substring(start, end));
        }

        /** The marker the last line was, or null. */
        public CloudMarker marker() {
            return marker;
        }
    }

    /**
     * One matcher per pattern of the dialect for a scan of many lines, reset per line rather than made per line.
     * Not thread-safe: one per scan.
     */
    static final class Matchers {
        private final Matcher marker = CLOUD_MARKER.matcher("");
        private final Matcher attr = CLOUD_ATTR.matcher("");
        private final Matcher variable = VARIABLE.matcher("");
        private final Matcher include = INCLUDE.matcher("");

        /** As {@link MarkdownDialect#cloudMarker(String)}. */
        CloudMarker cloudMarker(String line) {
            return MarkdownDialect.cloudMarker(line, marker, attr);
        }

        /** The {@link #VARIABLE} matcher, reset to this line. */
        Matcher variables(String line) {
            return variable.reset(line);
        }

        /** The {@link #INCLUDE} matcher, reset to this line. */
        Matcher includes(String line) {
            return include.reset(line);
        }
    }

    /** The first character after up to three spaces of indent, or NUL when there is none. */
    static char lead(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
        return spaces < line.length() && spaces <= 3 ? line.charAt(spaces) : '\0';
    }
}
