package dev.certdocs.load;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Autolinks as the rendered page has them: CommonMark's {@code <scheme:…>} and {@code <address@host>},
 * and GitHub's bare URLs, {@code www.} addresses and e-mail addresses, found with the extractor
 * flexmark's autolink extension uses (linear in the text) and completed as that extension does.
 */
final class Autolinks {

    private static final LinkExtractor EXTRACTOR = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL)).build();

    /** An autolink found: where it starts in the source and its target ({@code www.} and e-mail completed). */
    record Url(int offset, String target) {
    }

    private Autolinks() {
    }

    /** An autolink {@code <scheme:…>} or {@code <address@host>} at {@code i}: recorded, returns its end; -1 if there is none. */
    static int angle(String line, int i, int lineOffset, List<Url> out) {
        int n = line.length();
        int j = i + 1;
        if (j < n && LinkSyntax.isAsciiLetter(line.charAt(j))) {
            int s = j + 1;
            while (s < n && s - j < 32 && (LinkSyntax.isAsciiLetter(line.charAt(s)) || LinkSyntax.isDigit(line.charAt(s))
                    || line.charAt(s) == '+' || line.charAt(s) == '.' || line.charAt(s) == '-')) s++;
            if (s < n && line.charAt(s) == ':' && s - j >= 2) {
                int e = s + 1;
                while (e < n && line.charAt(e) > ' ' && line.charAt(e) != '<' && line.charAt(e) != '>') e++;
                if (e < n && line.charAt(e) == '>') {
                    out.add(new Url(lineOffset + i, line.substring(i + 1, e)));
                    return e + 1;
                }
            }
        }
        int at = -1;
        int e = j;
        while (e < n && LinkSyntax.isEmailLocal(line.charAt(e))) e++;
        if (e > j && e < n && line.charAt(e) == '@') {
            at = e;
            e++;
            int labelStart = e;
            while (e < n) {
                char c = line.charAt(e);
                if (LinkSyntax.isAsciiLetter(c) || LinkSyntax.isDigit(c) || c == '-') {
                    e++;
                } else if (c == '.' && e > labelStart) {
                    labelStart = ++e;
                } else {
                    break;
                }
            }
            if (e < n && line.charAt(e) == '>' && e > at + 1 && line.charAt(e - 1) != '-' && line.charAt(e - 1) != '.') {
                out.add(new Url(lineOffset + i, "mailto:" + line.substring(i + 1, e)));
                return e + 1;
            }
        }
        return -1;
    }

    /**
     * Bare URLs, {@code www.} addresses and e-mail addresses in a line of text that starts at
     * {@code from}, outside the {@code covered} source ranges (links, references, autolinks, tags).
     */
    static void bare(String line, int from, Covered covered, List<Url> out) {
        if (line.indexOf(':') < 0 && line.indexOf('@') < 0 && !containsWww(line)) return;
        char[] chars = line.toCharArray();
        covered.blank(chars, from);
        Emphasis.blankDelimiters(chars);
        String masked = new String(chars);
        // Text that would cost flexmark's autolink extension more than its length is not read for links (AutolinkGate).
        if (AutolinkGate.lineBeyondLimits(masked)) return;
        List<int[]> spans = new ArrayList<>();
        for (LinkSpan span : EXTRACTOR.extractLinks(masked)) {
            String url = line.substring(span.getBeginIndex(), span.getEndIndex());
            String target = switch (span.getType()) {
                case WWW -> "http://" + url;
                case EMAIL -> "mailto:" + url;
                default -> url;
            };
            out.add(new Url(from + span.getBeginIndex(), target));
            spans.add(new int[] {span.getBeginIndex(), span.getEndIndex()});
        }
        schemesAlone(masked, from, spans, out);
    }

    /**
     * A scheme and {@code ://} with nothing after (white space or the end of the line): flexmark's
     * autolink extension makes it a link of its own ({@code \b[a-z][a-z0-9+.-]*://} followed by white
     * space), unless it is part of a link the extractor found. Read backwards from each {@code ://}.
     */
    private static void schemesAlone(String s, int from, List<int[]> spans, List<Url> out) {
        for (int colon = s.indexOf("://"); colon >= 0; colon = s.indexOf("://", colon + 3)) {
            int after = colon + 3;
            if (after < s.length() && !Character.isWhitespace(s.charAt(after))) continue;
            int run = colon;
            while (run > 0 && schemeChar(s.charAt(run - 1))) run--;
            int start = -1;
            for (int p = run; p < colon; p++) {
                char c = s.charAt(p);
                if (c >= 'a' && c <= 'z' && (p == 0 || !wordChar(s.charAt(p - 1)))) {
                    start = p;
                    break;
                }
            }
            if (start < 0) continue;
            boolean inside = false;
            for (int[] span : spans) inside |= start >= span[0] && after <= span[1];
            if (!inside) out.add(new Url(from + start, s.substring(start, after)));
        }
    }

    private static boolean schemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * The source ranges a paragraph's links, references, autolinks and tags cover, each {@code {start, end}},
     * sorted by start with the largest end so far beside each: a line blanks the ranges that reach into it
     * without going through all of the paragraph's (a long list of links was quadratic).
     */
    static final class Covered {
        private final int[][] ranges;
        /** The largest end among the ranges up to each one: not decreasing, so searchable. */
        private final int[] reach;

        Covered(List<int[]> ranges) {
            this.ranges = ranges.toArray(new int[0][]);
            java.util.Arrays.sort(this.ranges, (a, b) -> Integer.compare(a[0], b[0]));
            this.reach = new int[this.ranges.length];
            int most = Integer.MIN_VALUE;
            for (int i = 0; i < this.ranges.length; i++) {
                most = Math.max(most, this.ranges[i][1]);
                reach[i] = most;
            }
        }

        /** Blanks the covered characters of {@code chars}, a line that starts at {@code from} of the source. */
        void blank(char[] chars, int from) {
            int to = from + chars.length;
            // The first range that may end after from: none before it does.
            int lo = 0;
            int hi = reach.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (reach[mid] > from) hi = mid;
                else lo = mid + 1;
            }
            for (int i = lo; i < ranges.length && ranges[i][0] < to; i++) {
                int[] c = ranges[i];
                for (int k = Math.max(c[0], from); k < Math.min(c[1], to); k++) chars[k - from] = ' ';
            }
        }
    }

    private static boolean containsWww(String line) {
        int i = line.indexOf("www.");
        return i >= 0;
    }
}
