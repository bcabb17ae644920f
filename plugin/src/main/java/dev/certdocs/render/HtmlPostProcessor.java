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
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finishes the HTML flexmark made, for one cloud: portal actions pointed at the cloud's portal,
 * raw HTML cleaned to the allow-list, alerts turned into callouts, heading ids (the same ids the
 * link checker uses), the table of contents, {@code .md} links turned into {@code .html}, the
 * cloud's rewrite rules on every URL, and {@code rel="noopener"} on external links. Every URL
 * ends as {@link UrlPolicy} allows: refused ones are removed, relative ones never read as a scheme.
 *
 * <p>All it asks of the cloud is in {@link UrlRules}: the result is a function of the HTML, the
 * answers to those questions and the relative URLs' mapping ({@link SharedBodies} relies on it).
 */
final class HtmlPostProcessor {

    /**
     * All the post-processor asks of a cloud: its portal's URL (for {@code data-blade:} actions)
     * and its rewrite rules on one URL (for {@code button-link:} actions, absolute links and
     * media). Nothing else about the cloud reaches the result.
     */
    interface UrlRules {
        String portalUrl();

        String rewrite(String url);

        static UrlRules of(Cloud cloud) {
            return new UrlRules() {
                @Override
                public String portalUrl() {
                    return cloud.portalUrl();
                }

                @Override
                public String rewrite(String url) {
                    return cloud.rewrite(url);
                }
            };
        }
    }

    private static final Pattern ALERT = Pattern.compile(
            "^\\s*\\[(?:!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)|AZURE\\.(NOTE|TIP|IMPORTANT|CAUTION|WARNING))]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> ALERT_TITLES = Map.of("note", "Note", "tip", "Tip",
            "important", "Important", "caution", "Caution", "warning", "Warning");

    private final Cleaner cleaner = new Cleaner(HtmlSafety.SAFELIST);
    /** False only in tests: clean every body, as before the cleaner was skipped where it changes nothing. */
    private final boolean skipNeedlessClean;

    HtmlPostProcessor() {
        this(true);
    }

    HtmlPostProcessor(boolean skipNeedlessClean) {
        this.skipNeedlessClean = skipNeedlessClean;
    }

    /** Processes with {@link #mdToHtml} for relative URLs. */
    HtmlBody process(String html, Cloud cloud) {
        return process(html, cloud, HtmlPostProcessor::mdToHtml);
    }

    /**
     * {@code relativeUrl} maps each relative link and image URL to its URL on the site.
     *
     * <p>In the order of the steps: portal actions on the parsed body (built by {@link PlainBodyTree}
     * where flexmark's HTML is plain, else parsed by jsoup: the same tree); the clean to the
     * allow-list (skipped when {@link HtmlSafety#cleanKeepsAll} proves it would copy the tree unchanged); the
     * URL check; alerts; heading ids and the table of contents; links and media, each URL they
     * change checked again. The elements each step works on are gathered by one walk over the
     * body (a second one when alerts copied elements), not one selector query per step. Then, in
     * one more walk, the body is written as jsoup's {@code html()} would ({@link BodyHtml}) and its
     * search text made ({@link SearchText}).
     */
    HtmlBody process(String html, Cloud cloud, java.util.function.UnaryOperator<String> relativeUrl) {
        return process(html, UrlRules.of(cloud), relativeUrl);
    }

    /** As {@link #process(String, Cloud, java.util.function.UnaryOperator)}, asking {@code cloud} only what {@link UrlRules} offers. */
    HtmlBody process(String html, UrlRules cloud, java.util.function.UnaryOperator<String> relativeUrl) {
        // flexmark's HTML is nearly always plain enough to build jsoup's tree without its parser.
        Document doc = PlainBodyTree.parse(html);
        if (doc == null) doc = Jsoup.parseBodyFragment(html);
        boolean unchanged = portalLinksAndCheck(doc.body(), cloud);
        if (!unchanged || !skipNeedlessClean) doc = cleaner.clean(doc);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        // Once as written, so that no refused URL is rewritten or taken for a file to copy...
        Found found = new Found(true);
        NodeTraversor.traverse(found, body);
        if (alerts(found.quotes)) {
            // An alert holds copies of its quote's children: gather what the next steps work on again.
            found = new Found(false);
            NodeTraversor.traverse(found, body);
        }
        HeadingIds ids = new HeadingIds();
        List<TocEntry> toc = new ArrayList<>();
        String title = "";
        Element removed = null;
        for (Element h : found.headings) {
            int level = h.normalName().charAt(1) - '0';
            String explicit = explicitId(h);
            String text = h.text();
            String id = h.hasAttr("id") && !h.attr("id").isBlank() ? h.attr("id")
                    : explicit != null ? explicit : ids.next(text);
            h.attr("id", id);
            if (level == 1 && title.isEmpty()) {
                title = text;
                h.remove();
                removed = h;
            } else if (level == 2 || level == 3) {
                toc.add(new TocEntry(level, id, text));
            }
        }
        // The title's heading is no longer in the body: its links and images are not the page's.
        links(inBody(found.links, removed), inBody(found.media, removed), cloud, relativeUrl);
        BodyHtml.WithText written = BodyHtml.withSearchText(body, html.length() + (html.length() >> 3), html.length());
        return new HtmlBody(written.html(), title, toc, written.text());
    }

    /**
     * Portal actions pointed at the cloud's portal, on the body as parsed, and whether the
     * cleaner would copy that body unchanged ({@link HtmlSafety#cleanKeepsAll}). One walk.
     */
    static boolean portalLinksAndCheck(Element body, Cloud cloud) {
        return portalLinksAndCheck(body, UrlRules.of(cloud));
    }

    private static boolean portalLinksAndCheck(Element body, UrlRules cloud) {
        boolean[] unchanged = {body.attributes().asList().isEmpty()};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) {
                if (e.normalName().equals("a") && e.hasAttr("href")) portalLink(e, cloud);
                if (e != body && unchanged[0] && !HtmlSafety.cleanKeepsAll(e)) unchanged[0] = false;
            } else if (unchanged[0] && !HtmlSafety.cleanKeepsAll(node)) {
                unchanged[0] = false;
            }
        }, body);
        return unchanged[0];
    }

    /**
     * The elements the steps after the clean work on, in document order, as the selectors
     * {@code blockquote}, {@code h1, …, h6}, {@code a[href]} and {@code img[src], source[src], …}
     * would find them; with {@code strip}, each element's refused URLs are removed first
     * ({@link HtmlSafety#stripUnsafeUrlsOf}).
     */
    private static final class Found implements NodeVisitor {
        private final boolean strip;
        final List<Element> quotes = new ArrayList<>();
        final List<Element> headings = new ArrayList<>();
        final List<Element> links = new ArrayList<>();
        final List<Element> media = new ArrayList<>();

        Found(boolean strip) {
            this.strip = strip;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) return;
            if (strip) HtmlSafety.stripUnsafeUrlsOf(e);
            switch (e.normalName()) {
                case "blockquote" -> quotes.add(e);
                case "h1", "h2", "h3", "h4", "h5", "h6" -> headings.add(e);
                case "a" -> {
                    if (e.hasAttr("href")) links.add(e);
                }
                case "img", "source", "video", "audio", "track" -> {
                    if (e.hasAttr("src")) media.add(e);
                }
                default -> {
                }
            }
        }
    }

    /** {@code elements} without those inside {@code removed} (null: all of them). */
    private static List<Element> inBody(List<Element> elements, Element removed) {
        if (removed == null) return elements;
        List<Element> kept = new ArrayList<>(elements.size());
        for (Element e : elements) {
            Element p = e;
            while (p != null && p != removed) p = p.parent();
            if (p == null) kept.add(e);
        }
        return kept;
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

    private static void portalLink(Element a, UrlRules cloud) {
        String href = a.attr("href").strip();
        if (href.regionMatches(true, 0, UrlPolicy.PORTAL_BLADE, 0, UrlPolicy.PORTAL_BLADE.length())) {
            a.attr("href", bladeUrl(cloud.portalUrl(), href.substring(UrlPolicy.PORTAL_BLADE.length())));
            a.addClass("portal-link");
        } else if (href.regionMatches(true, 0, UrlPolicy.PORTAL_BUTTON, 0, UrlPolicy.PORTAL_BUTTON.length())) {
            a.attr("href", cloud.rewrite(href.substring(UrlPolicy.PORTAL_BUTTON.length()).strip()));
            a.addClass("button-link");
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

    /** Turns the quotes that start with an alert marker into callouts; whether it made any. */
    private static boolean alerts(List<Element> quotes) {
        boolean made = false;
        for (Element quote : quotes) {
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
            made = true;
        }
        return made;
    }

    /**
     * Relative links and media to their site URLs, absolute ones through the cloud's rewrite rules;
     * each URL changed here is checked again, in its final form: decoding, rewrite rules and
     * .md -> .html can make a URL another. (The other URL attributes were checked once, as written,
     * and nothing changes them after that.)
     */
    private static void links(List<Element> links, List<Element> media, UrlRules cloud,
                              java.util.function.UnaryOperator<String> relativeUrl) {
        for (Element a : links) {
            String href = a.attr("href").strip();
            if (CloudPreprocessor.isRelative(href)) {
                a.attr("href", UrlPolicy.relative(relativeUrl.apply(href)));
            } else if (href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8)) {
                a.attr("href", cloud.rewrite(href));
                if (!a.hasClass("portal-link") && !a.hasClass("button-link")) a.addClass("external");
                a.attr("rel", "noopener");
            }
        }
        for (Element m : media) {
            String src = m.attr("src").strip();
            m.attr("src", CloudPreprocessor.isRelative(src) ? UrlPolicy.relative(relativeUrl.apply(src)) : cloud.rewrite(src));
            if (m.normalName().equals("img") && !m.hasAttr("loading")) m.attr("loading", "lazy");
        }
        for (Element a : links) HtmlSafety.stripUnsafeUrl(a, "href");
        for (Element m : media) HtmlSafety.stripUnsafeUrl(m, "src");
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
