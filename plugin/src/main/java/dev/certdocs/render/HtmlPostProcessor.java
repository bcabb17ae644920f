package dev.certdocs.render;

import dev.certdocs.config.Cloud;
import dev.certdocs.config.UrlPolicy;
import dev.certdocs.load.LinkScanner;
import dev.certdocs.model.HeadingIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finishes the HTML flexmark made, for one cloud: portal actions pointed at the cloud's portal,
 * raw HTML cleaned to the allow-list, alerts turned into callouts, heading ids (the same ids the
 * link checker uses), the table of contents, {@code .md} links turned into {@code .html}, the
 * cloud's rewrite rules on every URL, and {@code rel="noopener"} on external links. Every URL
 * ends as {@link UrlPolicy} allows: refused ones are removed, relative ones never read as a scheme.
 */
final class HtmlPostProcessor {

    private static final Pattern ALERT = Pattern.compile(
            "^\\s*\\[(?:!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)|AZURE\\.(NOTE|TIP|IMPORTANT|CAUTION|WARNING))]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> ALERT_TITLES = Map.of("note", "Note", "tip", "Tip",
            "important", "Important", "caution", "Caution", "warning", "Warning");

    private final Cleaner cleaner = new Cleaner(HtmlSafety.SAFELIST);
    // Parsed once: Element.select(String) parses its query on every call, for every page.
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator QUOTES = QueryParser.parse("blockquote");
    private static final Evaluator MEDIA = QueryParser.parse("img[src], source[src], video[src], audio[src], track[src]");

    /** Processes with {@link #mdToHtml} for relative URLs. */
    HtmlBody process(String html, Cloud cloud) {
        return process(html, cloud, HtmlPostProcessor::mdToHtml);
    }

    /** {@code relativeUrl} maps each relative link and image URL to its URL on the site. */
    HtmlBody process(String html, Cloud cloud, java.util.function.UnaryOperator<String> relativeUrl) {
        Document dirty = Jsoup.parseBodyFragment(html);
        portalLinks(dirty.body(), cloud);
        Document doc = cleaner.clean(dirty);
        doc.outputSettings().prettyPrint(false);
        // Once as written, so that no refused URL is rewritten or taken for a file to copy...
        HtmlSafety.stripUnsafeUrls(doc.body());
        alerts(doc.body());
        HeadingIds ids = new HeadingIds();
        List<TocEntry> toc = new ArrayList<>();
        String title = "";
        for (Element h : doc.body().select(HEADINGS)) {
            int level = h.normalName().charAt(1) - '0';
            String explicit = explicitId(h);
            String text = h.text();
            String id = h.hasAttr("id") && !h.attr("id").isBlank() ? h.attr("id")
                    : explicit != null ? explicit : ids.next(text);
            h.attr("id", id);
            if (level == 1 && title.isEmpty()) {
                title = text;
                h.remove();
            } else if (level == 2 || level == 3) {
                toc.add(new TocEntry(level, id, text));
            }
        }
        links(doc.body(), cloud, relativeUrl);
        // ...and once in its final form: decoding, rewrite rules and .md -> .html can make a URL another.
        HtmlSafety.stripUnsafeUrls(doc.body());
        return new HtmlBody(doc.body().html(), title, toc, doc.body().text());
    }

    /**
     * A heading written {@code ## Text {#id}} (as in Pandoc and kramdown): removes the marker from
     * the heading's text and returns the id, or null. The link checker reads the same marker
     * ({@link LinkScanner#EXPLICIT_ID}).
     */
    private static String explicitId(Element h) {
        TextNode last = lastText(h);
        if (last == null) return null;
        Matcher m = LinkScanner.EXPLICIT_ID.matcher(last.getWholeText());
        if (!m.find()) return null;
        last.text(last.getWholeText().substring(0, m.start()));
        return m.group(1);
    }

    private static TextNode lastText(Node node) {
        for (int i = node.childNodeSize() - 1; i >= 0; i--) {
            Node child = node.childNode(i);
            if (child instanceof TextNode t && !t.isBlank()) return t;
            if (child instanceof Element) {
                TextNode inner = lastText(child);
                if (inner != null) return inner;
            }
        }
        return null;
    }

    private static void portalLinks(Element body, Cloud cloud) {
        for (Element a : body.select(LINKS)) {
            String href = a.attr("href").strip();
            if (href.regionMatches(true, 0, UrlPolicy.PORTAL_BLADE, 0, UrlPolicy.PORTAL_BLADE.length())) {
                a.attr("href", bladeUrl(cloud.portalUrl(), href.substring(UrlPolicy.PORTAL_BLADE.length())));
                a.addClass("portal-link");
            } else if (href.regionMatches(true, 0, UrlPolicy.PORTAL_BUTTON, 0, UrlPolicy.PORTAL_BUTTON.length())) {
                a.attr("href", cloud.rewrite(href.substring(UrlPolicy.PORTAL_BUTTON.length()).strip()));
                a.addClass("button-link");
            }
        }
    }

    /** {@code Extension.BladeName.param.value} becomes {@code <portal>/#blade/Extension/BladeName/param/value}. */
    static String bladeUrl(String portal, String spec) {
        String[] parts = spec.split("\\.");
        StringBuilder sb = new StringBuilder(portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal);
        sb.append("/#blade");
        for (String p : parts) {
            if (p.isEmpty()) continue;
            sb.append('/').append(p.contains("%") ? p : URLEncoder.encode(p, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static void alerts(Element body) {
        for (Element quote : body.select(QUOTES)) {
            Element first = quote.children().first();
            if (first == null || !first.normalName().equals("p")) continue;
            Node lead = first.childNodeSize() == 0 ? null : first.childNode(0);
            if (!(lead instanceof TextNode text)) continue;
            Matcher m = ALERT.matcher(text.getWholeText());
            if (!m.find()) continue;
            String type = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            text.text(text.getWholeText().substring(m.end()));
            if (first.text().isBlank() && first.children().isEmpty()) first.remove();
            else if (first.childNodeSize() > 0 && first.childNode(0) instanceof TextNode t && t.isBlank()) t.remove();
            Element alert = new Element("div").addClass("alert").addClass("alert-" + type).attr("role", "note");
            alert.appendElement("p").addClass("alert-title").text(ALERT_TITLES.get(type));
            alert.insertChildren(1, quote.childNodesCopy());
            quote.replaceWith(alert);
        }
    }

    private static void links(Element body, Cloud cloud, java.util.function.UnaryOperator<String> relativeUrl) {
        for (Element a : body.select(LINKS)) {
            String href = a.attr("href").strip();
            if (CloudPreprocessor.isRelative(href)) {
                a.attr("href", UrlPolicy.relative(relativeUrl.apply(href)));
            } else if (href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8)) {
                a.attr("href", cloud.rewrite(href));
                if (!a.hasClass("portal-link") && !a.hasClass("button-link")) a.addClass("external");
                a.attr("rel", "noopener");
            }
        }
        for (Element media : body.select(MEDIA)) {
            String src = media.attr("src").strip();
            media.attr("src", CloudPreprocessor.isRelative(src) ? UrlPolicy.relative(relativeUrl.apply(src)) : cloud.rewrite(src));
            if (media.normalName().equals("img") && !media.hasAttr("loading")) media.attr("loading", "lazy");
        }
    }

    /** {@code ../x.md#a} becomes {@code ../x.html#a}; other targets are kept. */
    static String mdToHtml(String href) {
        int cut = href.length();
        int hash = href.indexOf('#');
        int query = href.indexOf('?');
        if (hash >= 0) cut = hash;
        if (query >= 0 && query < cut) cut = query;
        String path = href.substring(0, cut);
        if (path.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return path.substring(0, path.length() - 3) + ".html" + href.substring(cut);
        }
        return href;
    }
}
