package dev.certdocs.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cloud environment: id, display name, the variables {@code {{cloud.x}}} resolves to
 * (always {@code name}, {@code portalUrl}, {@code docsUrl}), URL rewrite rules, whether it is
 * air-gapped (with the hosts reachable inside), and whether it is retired (accepted in content,
 * warned about, never rendered).
 */
public record Cloud(
        String id,
        String name,
        Map<String, String> variables,
        List<CloudRewriteRule> rewriteRules,
        boolean airGapped,
        List<String> allowedHosts,
        boolean retired) {

    public Cloud {
        variables = java.util.Collections.unmodifiableMap(new TreeMap<>(variables));
        rewriteRules = List.copyOf(rewriteRules);
        allowedHosts = List.copyOf(allowedHosts);
    }

    public String portalUrl() {
        return variables.getOrDefault("portalUrl", "");
    }

    public String docsUrl() {
        return variables.getOrDefault("docsUrl", "");
    }

    /**
     * Whether a page inside this cloud can reach {@code host}: the cloud's own portal or
     * documentation host, or an {@code allowedHosts} entry (exact, or {@code *.suffix} for every
     * host under it), ignoring case. The link checker and the air-gapped bundle check both ask this.
     */
    public boolean reaches(String host) {
        if (host == null || host.isEmpty()) return false;
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.equals(hostOf(portalUrl())) || h.equals(hostOf(docsUrl()))) return true;
        for (String entry : allowedHosts) {
            String e = entry.strip().toLowerCase(java.util.Locale.ROOT);
            if (e.equals(h) || (e.startsWith("*.") && h.endsWith(e.substring(1)))) return true;
        }
        return false;
    }

    private static String hostOf(String url) {
        if (url.isBlank()) return null;
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Applies the first matching rewrite rule, if any. */
    public String rewrite(String url) {
        for (CloudRewriteRule rule : rewriteRules) {
            if (rule.matches(url)) return rule.apply(url);
        }
        return url;
    }
}
