package dev.certdocs.load;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
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
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CLOUD_MARKER = Pattern.compile("^\\s*:::\\s*(cloud-end|cloud)(?![\\w-])(.*)$");
    private static final Pattern CLOUD_ATTR = Pattern.compile("(include|exclude)\\s*=\\s*\"([^\"]*)\"");

    private MarkdownDialect() {
    }

    /** A fresh set of the parser options; callers may add their own (the renderer's soft breaks). */
    public static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
                StrikethroughExtension.create(), TaskListExtension.create(), AutolinkExtension.create()));
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
        if (line.indexOf(":::") < 0) return null;
        Matcher m = CLOUD_MARKER.matcher(line);
        if (!m.matches()) return null;
        if (m.group(1).equals("cloud-end")) return new CloudMarker(false, false, List.of(), false);
        Matcher attr = CLOUD_ATTR.matcher(m.group(2));
        if (!attr.find()) return new CloudMarker(true, false, List.of(), false);
        List<String> clouds = Properties.splitList(attr.group(2));
        clouds.replaceAll(SharedStrings::of);
        return new CloudMarker(true, attr.group(1).equals("exclude"), clouds, true);
    }

    /** The fence ({@code ```} or {@code ~~~}, three or more) this line opens a code block with, or {@code null}. */
    public static String fenceOpening(String line) {
        char lead = lead(line);
        if (lead != '`' && lead != '~') return null;
        Matcher f = FENCE.matcher(line);
        return f.find() ? f.group(1) : null;
    }

    /** Whether this line closes the code block {@code fence} opened: the same character, at least as many, nothing after. */
    public static boolean closesFence(String line, String fence) {
        String run = fenceOpening(line);
        if (run == null || run.charAt(0) != fence.charAt(0) || run.length() < fence.length()) return false;
        return line.substring(line.indexOf(run) + run.length()).isBlank();
    }

    /** The first character after up to three spaces of indent, or NUL when there is none. */
    static char lead(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
        return spaces < line.length() && spaces <= 3 ? line.charAt(spaces) : '\0';
    }
}
