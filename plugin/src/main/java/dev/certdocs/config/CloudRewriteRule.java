package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;

/**
 * Rewrites a URL for one cloud: a URL that starts with {@code from} (compared ignoring case)
 * gets that prefix replaced by {@code to}.
 */
public record CloudRewriteRule(String from, String to) {

    public boolean matches(String url) {
        return url.regionMatches(true, 0, from, 0, from.length());
    }

    public String apply(String url) {
        return matches(url) ? to + url.substring(from.length()) : url;
    }

    /** Parses {@code from -> to}. */
    public static CloudRewriteRule parse(String text) {
        int arrow = text.indexOf("->");
        if (arrow < 0) {
            throw new CertDocsException("cloud rewrite rule '" + text + "' must read 'from -> to'");
        }
        return new CloudRewriteRule(text.substring(0, arrow).strip(), text.substring(arrow + 2).strip());
    }
}
