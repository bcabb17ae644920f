package dev.certdocs.incremental;

import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.SitePaths;
import dev.certdocs.render.Fingerprints;
import dev.certdocs.render.PageModel;
import dev.certdocs.render.SiteRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * The input hash of an article's page in one cloud (its key in the manifest): a page whose key
 * is unchanged, in a build whose {@link BuildFingerprint} is unchanged, is the page published
 * before, and is kept instead of rendered.
 */
final class PageKeys {

    private final SiteRenderer renderer;
    private final Includes includes;

    PageKeys(SiteRenderer renderer, Includes includes) {
        this.renderer = renderer;
        this.includes = includes;
    }

    /**
     * The hash of everything an article's page in one cloud is made from, beyond what every page
     * shares (templates, configuration): its properties and text, the includes it reaches, the
     * clouds it is published in, its date, and the navigation it shows ({@code articleKey}: the
     * article's {@link #articleKey}).
     */
    String inputKey(SiteRenderer.CloudSite site, Article article, String articleKey) {
        java.security.MessageDigest d = Fingerprints.sha256();
        Fingerprints.update(d, site.cloud().id());
        Fingerprints.update(d, articleKey);
        Fingerprints.update(d, String.join(",", site.publishedIn().getOrDefault(article.path(), List.of())));
        Fingerprints.update(d, site.navigation().getOrDefault(SitePaths.serviceId(article), ""));
        return Fingerprints.hex(d);
    }

    /**
     * The part of {@link #inputKey} that is the same in every cloud: the article's file
     * ({@code contentHash}, the hash of its bytes), the includes it reaches (path and text of
     * each) and its date, hashed once per article instead of once per cloud.
     */
    String articleKey(Article article, String contentHash) {
        java.security.MessageDigest d = Fingerprints.sha256();
        Fingerprints.update(d, article.path());
        Fingerprints.update(d, contentHash);
        includeTexts(article).forEach(t -> Fingerprints.update(d, t));
        Fingerprints.update(d, renderer.lastUpdated(article));
        return Fingerprints.hex(d);
    }

    /**
     * The input hash of a page of the site itself: the hash of everything its template can read
     * (the template and the whole page model; the templates and configuration are in the build's
     * fingerprint), the services, and this page's own, by the plan's hashes of all they list. It
     * is rendered again when the key changed (what it lists changed), and when it is an index of
     * an article page rendered again ({@link PageLedger}).
     */
    String sitePage(SiteRenderer.CloudSite site, SiteRenderer.SitePage page) {
        PageModel m = page.model();
        return Fingerprints.of(page.templateFile(), site.allListings(), page.service() == null ? ""
                        : site.listings().get(page.service()),
                m.root(), m.site().toString(), m.cloud().toString(), m.clouds().toString(), m.version().name(),
                m.page().kind(), m.page().title(), m.page().description(), m.page().path(), m.page().canonicalUrl());
    }

    /** The texts of every include an article reaches, in the order it reaches them. */
    private List<String> includeTexts(Article article) {
        List<String> texts = new ArrayList<>();
        for (String p : includes.reachedFrom(article.path(), article.body())) {
            texts.add(p);
            texts.add(includes.text(p));
        }
        return texts;
    }
}
