package dev.certdocs.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an article's page and the site's own pages go inside {@code <cloud>/<version>/}, so the
 * renderer and the {@code page/reserved-path} rule agree: {@code articles/compute/x.md} is
 * {@code compute/x.html}; the site takes {@code index.html}, {@code search.html}, {@code 404.html}
 * and {@code <service>/index.html} for every service of the cloud ({@code general/} for articles
 * without one).
 */
public final class SitePaths {

    private SitePaths() {
    }

    /** The content directory as a repository path prefix ({@code "articles/"}), {@code ""} when it is the root. */
    public static String contentPrefix(java.nio.file.Path baseDir, java.nio.file.Path contentDirectory) {
        String rel = baseDir.relativize(contentDirectory).toString().replace('\\', '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    /** The article's page: its path under the content directory, {@code .md} turned into {@code .html}. */
    public static String page(String contentPrefix, String articlePath) {
        String p = articlePath.startsWith(contentPrefix) ? articlePath.substring(contentPrefix.length()) : articlePath;
        // regionMatches rather than a lower-case copy of every path: this runs for every page of every cloud
        return p.regionMatches(true, p.length() - 3, ".md", 0, 3) ? p.substring(0, p.length() - 3) + ".html" : p;
    }

    /** The service an article is listed under: its {@code service} in lower case, empty for none. */
    public static String serviceId(Article article) {
        return article.props().value("service").strip().toLowerCase(Locale.ROOT);
    }

    /** The index page of a service ({@code ""} for articles without one). */
    public static String serviceIndex(String serviceId) {
        return (serviceId.isEmpty() ? "general" : serviceId) + "/index.html";
    }

    /**
     * The site page an article page would replace, described for people, when its path is one
     * the site takes in a cloud whose services are {@code serviceIds}.
     */
    public static Optional<String> takenBySite(String page, Set<String> serviceIds) {
        switch (page) {
            case "index.html" -> {
                return Optional.of("the home page");
            }
            case "search.html" -> {
                return Optional.of("the search page");
            }
            case "404.html" -> {
                return Optional.of("the page-not-found page");
            }
            default -> {
                if (!page.endsWith("/index.html")) return Optional.empty(); // most pages: no service index
                for (String s : serviceIds) {
                    if (serviceIndex(s).equals(page)) {
                        return Optional.of("the index of the service '" + (s.isEmpty() ? "general" : s) + "'");
                    }
                }
                return Optional.empty();
            }
        }
    }
}
