package dev.certdocs.render;

import dev.certdocs.config.Cloud;
import dev.certdocs.config.UrlPolicy;
import dev.certdocs.load.Includes;
import dev.certdocs.load.MarkdownDialect;
import dev.certdocs.load.Nesting;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article body into the Markdown of one cloud, before any Markdown parsing (as DocFX
 * does with its own extensions): {@code ::: cloud} blocks kept only where they apply, includes
 * inlined (their relative links re-based onto the including file), {@code {{cloud.x}}} replaced.
 * Problems (unknown clouds, missing includes, cycles) are what {@code validate} reports; here
 * they degrade quietly: a missing include renders nothing, an unknown variable stays as written,
 * and a variable that some clouds define but this one does not renders as nothing.
 *
 * <p>The limits are the ones validation reports (and generate refuses to render past, unless
 * forced): includes are inlined down to {@link Includes#MAX_DEPTH} levels and while what they add
 * stays within {@link Includes#MAX_INCLUDED_CHARS} (so the work is bounded by the size of the page,
 * however the includes fan out); Markdown that nests past {@link Nesting#MAX_DEPTH} is cut at the
 * line where it crosses, with a note in its place, so flexmark never recurses that deep.
 */
final class CloudPreprocessor {

    private static final Pattern MD_TARGET = Pattern.compile("(\\]\\(\\s*<?)([^)\\s>]+)");
    private static final Pattern HTML_TARGET = Pattern.compile("(\\b(?:src|href)\\s*=\\s*\")([^\"]+)");
    private static final Pattern CONTAINER_PREFIX = Pattern.compile("[ \t>]*");
    private static final Pattern HTML_TARGET_SINGLE = Pattern.compile("(\\b(?:src|href)\\s*=\\s*')([^']+)");
    private static final Pattern REFERENCE_TARGET = Pattern.compile("(?m)^( {0,3}\\[[^\\]]+]:[ \\t]*<?)([^\\s>]+)");
    /** What a page shows in place of Markdown that nests too deep (validation reported it as body/too-deep). */
    static final String TOO_DEEP_NOTE = "\n\n(The rest of this page is not shown: its Markdown nests more than "
            + Nesting.MAX_DEPTH + " levels deep.)\n";

    private final Includes includes;
    private final Function<String, String> includeText;
    private final java.util.Set<String> knownVariables;

    /** {@code includeText} gives the text of a repository-relative include file; {@code knownVariables} every cloud's variable names. */
    CloudPreprocessor(Includes includes, Function<String, String> includeText, java.util.Set<String> knownVariables) {
        this.includes = includes;
        this.includeText = includeText;
        this.knownVariables = knownVariables;
    }

    /** The body of the file at {@code path} as the cloud's Markdown. */
    String process(String path, String body, Cloud cloud) {
        return cut(cloud.expandVariables(blocks(path, body, cloud), knownVariables));
    }

    /** The first step of {@link #process}: the cloud's blocks kept, includes inlined, {@code {{cloud.x}}} still as written. */
    String blocks(String path, String body, Cloud cloud) {
        List<String> stack = new ArrayList<>();
        stack.add(path);
        return expand(path, body, cloud, stack, new long[1]);
    }

    /** Every cloud's variable names: a name among them that a cloud does not define renders as nothing there. */
    java.util.Set<String> knownVariables() {
        return knownVariables;
    }

    /** The last step of {@link #process}: {@code markdown} cut where it nests too deep. */
    static String cut(String markdown) {
        int crossing = Nesting.crossing(markdown);
        if (crossing < 0) return markdown;
        return markdown.substring(0, markdown.lastIndexOf('\n', crossing) + 1) + TOO_DEEP_NOTE;
    }

    /**
     * A body's lines as {@link #expand} reads them, read once for all the clouds of an article: each
     * line's range and kind, each marker. For a body without includes (no text line holds {@code [!})
     * a cloud's blocks depend only on which markers admit the cloud, so they are made from these
     * lines ({@link #blocks(Cloud)}, the same string for every cloud that the markers treat alike);
     * with includes, {@link CloudPreprocessor#blocks} reads the body per cloud as before. One per
     * article and thread.
     */
    static final class Body {
        static final byte CODE = 0;
        static final byte MARKER = 1;
        static final byte TEXT = 2;

        final String text;
        /** How many lines, each {@code text[starts[i], ends[i])}, without its line feed. */
        final int count;
        final int[] starts;
        final int[] ends;
        final byte[] kinds;
        /** The marker of each marker line, else null. */
        final MarkdownDialect.CloudMarker[] markers;
        /** Whether a text line holds {@code [!} (an include, perhaps): then the clouds' blocks are read per cloud. */
        final boolean includes;
        /** Whether there is no marker line and no include: every cloud's blocks are the text itself, line-ended. */
        final boolean plain;
        /** Each opening marker's cloud ids, lower-cased, or null where the marker admits every cloud. */
        private final String[][] ids;
        /** Of each line, whether it is a text line that holds {@code [!}; null when none does. */
        private final boolean[] bang;
        private final java.util.Map<String, String> bySignature = new java.util.HashMap<>();
        private String plainBlocks;

        Body(String text) {
            this.text = text;
            int lines = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') lines++;
            count = lines;
            starts = new int[lines];
            ends = new int[lines];
            kinds = new byte[lines];
            markers = new MarkdownDialect.CloudMarker[lines];
            ids = new String[lines][];
            MarkdownDialect.BlockLines reader = new MarkdownDialect.BlockLines();
            int offset = 0;
            boolean anyMarker = false;
            for (int i = 0; i < lines; i++) {
                int end = text.indexOf('\n', offset);
                if (end < 0) end = text.length();
                starts[i] = offset;
                ends[i] = end;
                MarkdownDialect.BlockLines.Kind kind = reader.next(text, offset, end);
                kinds[i] = kind == MarkdownDialect.BlockLines.Kind.CODE ? CODE : kind == MarkdownDialect.BlockLines.Kind.MARKER ? MARKER : TEXT;
                if (kinds[i] == MARKER) {
                    anyMarker = true;
                    MarkdownDialect.CloudMarker m = reader.marker();
                    markers[i] = m;
                    if (m.open() && m.listed()) {
                        String[] lower = new String[m.clouds().size()];
                        for (int k = 0; k < lower.length; k++) lower[k] = m.clouds().get(k).toLowerCase(java.util.Locale.ROOT);
                        ids[i] = lower;
                    }
                }
                offset = end + 1;
            }
            boolean include = false;
            boolean[] bang = null;
            for (int at = text.indexOf("[!"), line = 0; at >= 0; at = text.indexOf("[!", at + 1)) {
                while (ends[line] < at + 1) line++;
                if (kinds[line] != TEXT) continue;
                include = true;
                if (bang == null) bang = new boolean[lines];
                bang[line] = true;
            }
            includes = include;
            this.bang = bang;
            plain = !anyMarker && !include;
        }

        /** Whether the opening marker of line {@code i} admits the cloud ({@link MarkdownDialect.CloudMarker#admits}). */
        boolean admits(int i, String cloudId) {
            String[] lower = ids[i];
            if (lower == null) return true;
            boolean named = false;
            for (String id : lower) {
                if (id.equals(cloudId)) {
                    named = true;
                    break;
                }
            }
            return markers[i].exclude() != named;
        }

        /**
         * The signature of the lines {@code [from, to)} in the cloud: one letter per opening marker,
         * whether it admits the cloud; their blocks depend on nothing else (no includes).
         */
        String signature(int from, int to, String cloudId) {
            StringBuilder sb = null;
            for (int i = from; i < to; i++) {
                if (kinds[i] != MARKER || !markers[i].open()) continue;
                if (sb == null) sb = new StringBuilder();
                sb.append(admits(i, cloudId) ? '1' : '0');
            }
            return sb == null ? "" : sb.toString();
        }

        /**
         * The cloud's blocks of the whole body, as {@link CloudPreprocessor#blocks} gives them, for a
         * body without includes: the same string for every cloud of the same {@link #signature}.
         */
        String blocks(Cloud cloud) {
            if (plain) {
                if (plainBlocks == null) plainBlocks = text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? text : text + "\n";
                return plainBlocks;
            }
            String signature = signature(0, count, cloud.id());
            String blocks = bySignature.get(signature);
            if (blocks == null) {
                StringBuilder out = new StringBuilder(text.length() + 1);
                keep(out, 0, count, cloud.id(), null);
                blocks = out.toString();
                bySignature.put(signature, blocks);
            }
            return blocks;
        }

        /**
         * Appends the lines {@code [from, to)} the cloud keeps, each ended by a line feed, reading the
         * markers as {@link #expand} does (no includes), starting outside any block; lines
         * {@code [skipFrom, skipTo)} of each pair in {@code skips} are left out and the pair's token
         * line written in their place (the skeleton of {@link CloudBlocks}: each skipped run is a
         * balanced group, so the markers around it read the same without it).
         */
        void keep(StringBuilder out, int from, int to, String cloudId, int[] skips) {
            boolean[] stack = new boolean[8];
            int depth = 0;
            int refused = 0;
            int run = -1; // the first line of the run of kept lines not appended yet
            int skip = 0;
            for (int i = from; i < to; i++) {
                if (skips != null && skip < skips.length && i == skips[skip]) {
                    if (run >= 0) out.append(text, starts[run], ends[i - 1]).append('\n');
                    run = -1;
                    out.append(CloudBlocks.token(skip / 2)).append('\n');
                    i = skips[skip + 1];
                    skip += 2;
                    continue;
                }
                if (kinds[i] == MARKER) {
                    if (run >= 0) out.append(text, starts[run], ends[i - 1]).append('\n');
                    run = -1;
                    if (!markers[i].open()) {
                        if (depth > 0 && !stack[--depth]) refused--;
                    } else {
                        boolean admits = admits(i, cloudId);
                        if (depth == stack.length) stack = java.util.Arrays.copyOf(stack, depth * 2);
                        stack[depth++] = admits;
                        if (!admits) refused++;
                    }
                    continue;
                }
                if (refused == 0 && run < 0) run = i;
            }
            if (run >= 0) out.append(text, starts[run], ends[to - 1]).append('\n');
        }
    }

    /**
     * {@link #blocks(String, String, Cloud)} of a body with includes, from its lines read once
     * ({@link Body}), as {@link #expand} reads them. {@code groups} (the first and last line of each
     * group, in pairs, or null): {@code at} gets where each group's text starts and ends in the
     * result. Returns null when an include was left out for the page's budget
     * ({@link Includes#MAX_INCLUDED_CHARS}): then a piece read on its own might inline what the
     * page did not.
     */
    String blocks(String path, Body body, Cloud cloud, int[] groups, int[] at) {
        String text = body.text;
        StringBuilder out = new StringBuilder(text.length() + 64);
        List<String> stack = new ArrayList<>();
        stack.add(path);
        long[] used = new long[1];
        boolean[] blocks = new boolean[8];
        int depth = 0;
        int refused = 0;
        int g = 0;
        for (int i = 0; i < body.count; i++) {
            if (groups != null && g < groups.length && i == groups[g]) at[g] = out.length();
            byte kind = body.kinds[i];
            if (kind == Body.MARKER) {
                if (!body.markers[i].open()) {
                    if (depth > 0 && !blocks[--depth]) refused--;
                } else {
                    boolean admits = body.admits(i, cloud.id());
                    if (depth == blocks.length) blocks = java.util.Arrays.copyOf(blocks, depth * 2);
                    blocks[depth++] = admits;
                    if (!admits) refused++;
                }
            } else if (refused == 0) {
                if (kind == Body.TEXT && body.bang != null && body.bang[i]) {
                    out.append(inlineIncludes(path, text.substring(body.starts[i], body.ends[i]), cloud, stack, used)).append('\n');
                } else {
                    out.append(text, body.starts[i], body.ends[i]).append('\n');
                }
            }
            if (groups != null && g < groups.length && i == groups[g + 1]) {
                at[g + 1] = out.length();
                g += 2;
            }
        }
        return used[0] > Includes.MAX_INCLUDED_CHARS ? null : out.toString();
    }

    /** {@code used[0]}: the characters the page's includes added so far (their files' text, as {@link Includes} counts it). */
    private String expand(String path, String body, Cloud cloud, List<String> stack, long[] used) {
        // No cloud marker (its line holds ":::") and no include (its line holds "[!"): every line
        // is kept as it is, each ended by a line feed.
        if (body.indexOf(":::") < 0 && body.indexOf("[!") < 0) {
            return body.isEmpty() || body.charAt(body.length() - 1) == '\n' ? body : body + "\n";
        }
        StringBuilder out = new StringBuilder(body.length() + 64);
        Deque<Boolean> blocks = new ArrayDeque<>();
        boolean keep = true;
        MarkdownDialect.BlockLines lines = new MarkdownDialect.BlockLines();
        int offset = 0;
        while (offset < body.length()) {
            int end = body.indexOf('\n', offset);
            int next = end < 0 ? body.length() : end + 1;
            String line = body.substring(offset, end < 0 ? body.length() : end);
            offset = next;
            MarkdownDialect.BlockLines.Kind kind = lines.next(line);
            if (kind == MarkdownDialect.BlockLines.Kind.CODE) {
                if (keep) out.append(line).append('\n');
                continue;
            }
            if (kind == MarkdownDialect.BlockLines.Kind.MARKER) {
                MarkdownDialect.CloudMarker marker = lines.marker();
                if (!marker.open()) {
                    if (!blocks.isEmpty()) blocks.pop();
                } else {
                    blocks.push(marker.admits(cloud.id()));
                }
                keep = !blocks.contains(Boolean.FALSE);
                continue;
            }
            if (!keep) continue;
            if (line.indexOf("[!") >= 0) {
                out.append(inlineIncludes(path, line, cloud, stack, used)).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private String inlineIncludes(String path, String line, Cloud cloud, List<String> stack, long[] used) {
        Matcher m = MarkdownDialect.INCLUDE.matcher(line);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(line, last, m.start());
            last = m.end();
            Includes.Resolution r = includes.resolve(path, m.group(2).strip());
            if (r.status() != Includes.Status.FOUND || stack.contains(r.path()) || stack.size() > Includes.MAX_DEPTH) continue;
            String raw = includeText.apply(r.path());
            if (used[0] + raw.length() > Includes.MAX_INCLUDED_CHARS) {
                used[0] = Includes.MAX_INCLUDED_CHARS + 1; // validation's include/too-large: nothing after it is inlined either
                continue;
            }
            used[0] += raw.length();
            stack.add(r.path());
            String text = expand(r.path(), stripProperties(raw), cloud, stack, used);
            stack.remove(stack.size() - 1);
            String inlined = rebased(text.strip(), r.path(), path);
            // An include inside a list item or a block quote stays inside it: every line of the
            // included text gets the container prefix the include line has (its indent, its "> ").
            String prefix = line.substring(0, m.start());
            if (!prefix.isEmpty() && CONTAINER_PREFIX.matcher(prefix).matches()) inlined = inlined.replace("\n", "\n" + prefix);
            sb.append(inlined);
        }
        sb.append(line.substring(last));
        return sb.toString();
    }

    /** Include files may carry their own properties block; it is not content. */
    private static String stripProperties(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        String lead = t.stripLeading();
        if (lead.regionMatches(true, 0, "<properties", 0, 11)) {
            int end = lead.indexOf("/>");
            if (end >= 0) return lead.substring(end + 2);
        }
        return t;
    }

    /**
     * {@link #rebase}, the last 256 results kept per thread: an include is inlined into each cloud
     * of an article, mostly as the same text (four patterns run over it for each).
     */
    private String rebased(String text, String from, String to) {
        if (Paths.dir(from).equals(Paths.dir(to))) return text;
        java.util.Map<RebaseKey, String> kept = rebases.get();
        RebaseKey key = new RebaseKey(text, from, to);
        String r = kept.get(key);
        if (r == null) {
            if (kept.size() >= 256) kept.clear();
            r = rebase(text, from, to);
            kept.put(key, r);
        }
        return r;
    }

    private record RebaseKey(String text, String from, String to) {
    }

    private final ThreadLocal<java.util.Map<RebaseKey, String>> rebases = ThreadLocal.withInitial(java.util.HashMap::new);

    /** Re-bases relative link targets written in {@code from} so they work from {@code to}. */
    static String rebase(String text, String from, String to) {
        String fromDir = Paths.dir(from);
        String toDir = Paths.dir(to);
        if (fromDir.equals(toDir)) return text;
        // A target that starts with {{cloud.x}} is a URL only once the variable is replaced, never a path.
        Function<String, String> fix = target -> isRelative(target) && !target.startsWith("{{")
                ? UrlPolicy.relative(Paths.relativize(toDir, Paths.normalize(fromDir + target))) : target;
        String s = replaceTargets(MD_TARGET, text, fix);
        s = replaceTargets(HTML_TARGET, s, fix);
        s = replaceTargets(HTML_TARGET_SINGLE, s, fix);
        return replaceTargets(REFERENCE_TARGET, s, fix);
    }

    private static String replaceTargets(Pattern p, String text, Function<String, String> fix) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + fix.apply(m.group(2))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static boolean isRelative(String target) {
        if (target.isEmpty() || target.startsWith("#") || target.startsWith("/")) return false;
        int colon = target.indexOf(':');
        int slash = target.indexOf('/');
        return colon < 0 || (slash >= 0 && slash < colon);
    }
}
