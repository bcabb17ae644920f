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

    /** {@code {{cloud.x}}}, white space allowed inside the braces. */
    public static final java.util.regex.Pattern VARIABLE =
            java.util.regex.Pattern.compile("\\{\\{\\s*cloud\\.([A-Za-z0-9_.-]*)\\s*}}");

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

    /**
     * {@code text} with every {@code {{cloud.x}}} replaced as this cloud's pages show it: the
     * cloud's value; nothing when only other clouds define {@code x} ({@code knownNames}); the
     * text as written when no cloud defines it ({@code validate} reports that). The renderer and
     * the link checker both use this, so links are checked as they are rendered.
     */
    public String expandVariables(String text, java.util.Set<String> knownNames) {
        if (text.indexOf("{{") < 0) return text;
        java.util.regex.Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            String replacement = value != null ? value : knownNames.contains(m.group(1)) ? "" : m.group();
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Applies the first matching rewrite rule, if any. */
    public String rewrite(String url) {
        for (CloudRewriteRule rule : rewriteRules) {
            if (rule.matches(url)) return rule.apply(url);
        }
        return url;
    }
}
