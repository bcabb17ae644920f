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

    /** Applies the first matching rewrite rule, if any. */
    public String rewrite(String url) {
        for (CloudRewriteRule rule : rewriteRules) {
            if (rule.matches(url)) return rule.apply(url);
        }
        return url;
    }
}
