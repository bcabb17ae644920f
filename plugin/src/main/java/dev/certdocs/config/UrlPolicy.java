package dev.certdocs.config;

import dev.certdocs.model.PercentEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one allow-list every URL written into a page passes (docs/design.md §6): relative URLs,
 * {@code http:}, {@code https:}, {@code mailto:} and {@code tel:}; {@code data:} only for raster
 * images (not SVG, which can hold script); every other scheme ({@code javascript:},
 * {@code vbscript:}, {@code data:text/html}, {@code file:}, …) is refused.
 *
 * <p>The verdict is taken on the URL as a browser would read it, and more: character references
 * and percent-escapes are decoded (repeatedly, as rewriting steps may decode once more), C0
 * controls and spaces are dropped, and only then is the scheme read. So {@code javascript%3a…},
 * {@code &#106;avascript:…} and {@code java&#9;script:…} are all a {@code javascript:} URL, and
 * a URL is judged the same whether it is seen as written (by {@code validate}) or in its final
 * form on the page (by the renderer): both call {@link #refusal}.
 */
public final class UrlPolicy {

    /** A portal blade link ({@code data-blade:Extension.Blade}): the renderer makes it the portal's https URL. */
    public static final String PORTAL_BLADE = "data-blade:";
    /** A portal button ({@code button-link:URL}): the renderer writes the URL after it. */
    public static final String PORTAL_BUTTON = "button-link:";

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern RASTER_DATA = Pattern.compile(
            "data:image/(?:png|gif|jpeg|jpg|pjpeg|webp|avif|bmp|x-icon|vnd\\.microsoft\\.icon)(?:[;,].*)?", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("&(?:#[xX]([0-9A-Fa-f]{1,8})|#([0-9]{1,10})|([A-Za-z]+));?");
    /** Named references that stand for characters a scheme is read with (the rest name no ASCII character that matters). */
    private static final java.util.Map<String, String> NAMED = java.util.Map.ofEntries(
            java.util.Map.entry("colon", ":"), java.util.Map.entry("tab", "\t"), java.util.Map.entry("newline", "\n"),
            java.util.Map.entry("sol", "/"), java.util.Map.entry("num", "#"), java.util.Map.entry("quest", "?"),
            java.util.Map.entry("period", "."), java.util.Map.entry("plus", "+"), java.util.Map.entry("hyphen", "-"),
            java.util.Map.entry("dash", "-"), java.util.Map.entry("amp", "&"), java.util.Map.entry("percnt", "%"),
            java.util.Map.entry("nbsp", " "));
    /** Decoding rounds before a URL that still changes is refused: no honest URL is encoded this many times. */
    private static final int MAX_DECODING_ROUNDS = 4;

    private UrlPolicy() {
    }

    /**
     * Why {@code url} may not be written into a page ({@code "a javascript: URL"}), or null when
     * it may. {@code image}: the URL is the source of an image ({@code <img src>}, a
     * {@code srcset} candidate, Markdown {@code ![alt](src)}), where raster {@code data:} is fine.
     */
    public static String refusal(String url, boolean image) {
        String read = url;
        for (int round = 0; ; round++) {
            String next = stripControls(PercentEncoding.decode(decodeReferences(read)));
            if (next.equals(read)) break;
            if (round == MAX_DECODING_ROUNDS) return "a URL encoded " + MAX_DECODING_ROUNDS + " times over";
            read = next;
        }
        String scheme = scheme(read);
        if (scheme == null || SCHEMES.contains(scheme)) return null;
        if (scheme.equals("data") && image && RASTER_DATA.matcher(read.toLowerCase(Locale.ROOT)).matches()) return null;
        return scheme.equals("data") ? "a data: URL" : "a " + scheme + ": URL";
    }

    /**
     * Why a link target as written in Markdown or an {@code <a href>} may not reach the page, or
     * null: as {@link #refusal}, the portal forms read as what the renderer makes of them.
     */
    public static String linkRefusal(String href) {
        String t = href.strip();
        if (t.regionMatches(true, 0, PORTAL_BLADE, 0, PORTAL_BLADE.length())) return null;
        if (t.regionMatches(true, 0, PORTAL_BUTTON, 0, PORTAL_BUTTON.length())) {
            return refusal(t.substring(PORTAL_BUTTON.length()).strip(), false);
        }
        return refusal(t, false);
    }

    /**
     * A relative URL (a page path from the version root, a link the renderer worked out) as it
     * may be written into a page: when its first segment holds a ':' ({@code javascript:alert(1).html},
     * {@code c:d/x.html}), or it would be refused once decoded, it is written {@code ./…}, which
     * no browser reads as a scheme and {@link #refusal} always accepts.
     */
    public static String relative(String url) {
        if (url.startsWith("./") || url.startsWith("../")) return url;
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                end = i;
                break;
            }
        }
        boolean colon = url.lastIndexOf(':', end - 1) >= 0;
        return colon || refusal(url, false) != null ? "./" + url : url;
    }

    /** The URLs of a {@code srcset} value, read as the HTML standard does (a URL may hold commas: data: URLs do). */
    public static List<String> srcsetUrls(String srcset) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) i++;
            String candidate = srcset.substring(start, i);
            if (candidate.endsWith(",")) {
                out.add(candidate.replaceAll(",+$", ""));
                continue;
            }
            out.add(candidate);
            // Descriptors up to the next comma outside parentheses.
            int depth = 0;
            while (i < n && (srcset.charAt(i) != ',' || depth > 0)) {
                if (srcset.charAt(i) == '(') depth++;
                else if (srcset.charAt(i) == ')' && depth > 0) depth--;
                i++;
            }
        }
        return out;
    }

    /** Why a {@code srcset} may not be written into a page (its first refused candidate), or null. */
    public static String srcsetRefusal(String srcset, boolean image) {
        for (String url : srcsetUrls(srcset)) {
            String why = refusal(url, image);
            if (why != null) return why;
        }
        return null;
    }

    /**
     * The scheme a browser reads, lower case, or null for a relative URL: the text before the
     * first ':' when it comes before any '/', '?', '#' or '\' (read as '/' by browsers). A first
     * segment with a ':' that is not scheme syntax ({@code 1x:y}) is read as a relative path.
     */
    static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) return null;
        String s = url.substring(0, colon);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') return null;
        }
        return isSchemeName(s) ? s.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Whether {@code s} is scheme syntax: a letter, then letters, digits, {@code +}, {@code .} or
     * {@code -} (RFC 3986). By hand, not a pattern: asked for every URL of every page.
     */
    public static boolean isSchemeName(String s) {
        if (s.isEmpty() || !asciiLetter(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') return false;
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Browsers drop C0 controls and spaces around a URL and tabs and line breaks inside it; dropping them all is stricter. */
    private static String stripControls(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c <= 0x20 || c == 0x7F || c == 0xA0;
            if (drop && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
            if (!drop && sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    /** Decodes numeric character references and the named ones a scheme could be spelled with. */
    private static String decodeReferences(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = REFERENCE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                replacement = NAMED.get(m.group(3).toLowerCase(Locale.ROOT));
                if (replacement == null) replacement = m.group();
            } else {
                long code = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
                replacement = code > 0 && code <= Character.MAX_CODE_POINT ? new String(Character.toChars((int) code)) : "\uFFFD";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

}
