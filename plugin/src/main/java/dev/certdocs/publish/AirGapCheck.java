package dev.certdocs.publish;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.model.RenderedPage;
import dev.certdocs.support.CertDocsException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The air-gapped safety net (a page of an air-gapped cloud may reference no host outside the
 * bundle and the cloud's allow-list), made on each page as it is rendered rather than by
 * reading the whole site back. What articles link to is not its concern: {@code validate}
 * judges that at the link's source line ({@code link/air-gapped}, with severities, the
 * baseline and {@code force}), so the article's own HTML is left out here. What remains comes
 * from the templates, the theme or copied files, and is named with where it comes from.
 * Reused pages are not checked again: they passed with the same fingerprint (clouds,
 * allow-lists, base URLs and templates are part of it), or no manifest would list them.
 */
public final class AirGapCheck {
    private final BuildConfig config;
    /** Per air-gapped cloud: the hosts reachable inside it besides those {@link Cloud#reaches} (this site's own). */
    private final Map<String, List<String>> hosts = new LinkedHashMap<>();
    /** Per air-gapped cloud: the problems by page path, in path order. */
    private final Map<String, java.util.concurrent.ConcurrentSkipListMap<String, List<String>>> outside = new LinkedHashMap<>();

    public AirGapCheck(BuildConfig config) {
        this.config = config;
        for (Cloud cloud : config.clouds()) {
            if (!cloud.airGapped()) continue;
            // Besides what the cloud reaches (its portal, documentation host, allowedHosts), this site's own host.
            String baseUrl = config.site().baseUrlOf(cloud.id());
            String siteHost = baseUrl.isBlank() ? null : URI.create(baseUrl.strip()).getHost();
            hosts.put(cloud.id(), siteHost == null ? List.of() : List.of(siteHost));
            outside.put(cloud.id(), new java.util.concurrent.ConcurrentSkipListMap<>());
        }
    }

    /** Checks an article's page: what its template adds around the article's own HTML. */
    public void article(String cloudId, String path, RenderedPage page, String bodyHtml, String template) {
        page(cloudId, path, page.utf8(), bodyHtml, template);
    }

    /**
     * Checks a page or stylesheet written at {@code path} in the cloud's version, but for the
     * references that are in {@code content} (the article's HTML the page holds, "" for none),
     * naming {@code source} as where the others come from.
     */
    public void page(String cloudId, String path, String text, String content, String source) {
        if (!hosts.containsKey(cloudId) || !Bundles.checked(path)) return;
        page(cloudId, path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), content, source);
    }

    /** As {@link #page(String, String, String, String, String)}, the page or stylesheet as written: its UTF-8 bytes. */
    public void page(String cloudId, String path, byte[] text, String content, String source) {
        if (!hosts.containsKey(cloudId) || !Bundles.checked(path)) return;
        Cloud cloud = config.catalog().find(cloudId).orElseThrow();
        List<String> found = outside(path, text, content, cloud, hosts.get(cloudId));
        if (found.isEmpty()) outside.get(cloudId).remove(path);
        else outside.get(cloudId).put(path, found.stream().map(f -> f + " (written by " + source + ")").toList());
    }

    /**
     * The references of {@code text} (written at {@code path}) to hosts outside the bundle and the
     * allow-list, as "path: url", less those of {@code content} (the article's HTML it holds).
     * The article's HTML is scanned only when the page has any: most pages have none.
     */
    static List<String> outside(String path, String text, String content, Cloud cloud, List<String> alsoAllowed) {
        return outside(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), content, cloud, alsoAllowed);
    }

    /** As {@link #outside(String, String, String, Cloud, List)}, for the page's UTF-8 bytes. */
    static List<String> outside(String path, byte[] text, String content, Cloud cloud, List<String> alsoAllowed) {
        List<String> found = new ArrayList<>(Bundles.outsideReferences(path, text, cloud, alsoAllowed));
        if (!found.isEmpty() && !content.isEmpty()) {
            // Each reference of the article's HTML accounts for one of the page's: a template that
            // writes the same URL once more is still caught.
            for (String own : Bundles.outsideReferences(path, content, cloud, alsoAllowed)) found.remove(own);
        }
        return found;
    }

    /** Checks a repository file copied to {@code path}. */
    public void file(String cloudId, String path, Path source) {
        if (!hosts.containsKey(cloudId) || !Bundles.checked(path)) return;
        try {
            page(cloudId, path, Files.readAllBytes(source), "", "the repository file "
                    + config.baseDir().relativize(source).toString().replace('\\', '/'));
        } catch (IOException e) {
            throw new CertDocsException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Checks every file of a folder copied to {@code prefix} (the theme's assets). */
    public void tree(String cloudId, String prefix, Path dir) {
        if (!hosts.containsKey(cloudId) || !Files.isDirectory(dir)) return;
        Cloud cloud = config.catalog().find(cloudId).orElseThrow();
        for (String p : Bundles.outsideReferences(dir, cloud, hosts.get(cloudId))) {
            String path = prefix + p.substring(0, p.indexOf(": "));
            outside.get(cloudId).computeIfAbsent(path, k -> new ArrayList<>()).add(prefix + p + " (written by the theme's assets"
                    + " or the templates directory's)");
        }
    }

    public void failIfAny() {
        List<String> all = new ArrayList<>();
        outside.forEach((cloud, byPage) -> byPage.values().forEach(list -> list.forEach(
                p -> all.add(cloud + "/" + config.site().version() + "/" + p))));
        if (!all.isEmpty()) {
            throw new CertDocsException(all.size() + " reference(s) that templates, theme assets or copied files write"
                    + " into pages of air-gapped clouds reach hosts outside the bundle and the cloud's allowedHosts;"
                    + " change the template, or add the host to <allowedHosts> or a rewrite rule (links in articles"
                    + " are validate's rule link/air-gapped):\n  " + String.join("\n  ", all.subList(0, Math.min(20, all.size())))
                    + (all.size() > 20 ? "\n  …and " + (all.size() - 20) + " more" : ""));
        }
    }
}
