package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import dev.certdocs.diagnostic.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clouds a build knows, in catalog order: the built-in ones of the design (public, fairfax,
 * mooncake, usnat, ussec, and the retired blackforest) with the POM's overrides applied. Ids are
 * matched case-insensitively.
 */
public final class CloudCatalog {

    private final Map<String, Cloud> clouds;
    /** Every cloud's variable names, sorted: computed once, as the checks ask for them once per article. */
    private final Set<String> variableNames;

    private CloudCatalog(Map<String, Cloud> clouds) {
        this.clouds = clouds;
        TreeSet<String> names = new TreeSet<>();
        clouds.values().forEach(c -> names.addAll(c.variables().keySet()));
        this.variableNames = java.util.Collections.unmodifiableSortedSet(names);
    }

    public static CloudCatalog builtIn() {
        Map<String, Cloud> m = new LinkedHashMap<>();
        put(m, new Cloud("public", "Azure",
                vars("Azure", "https://portal.azure.com", "https://learn.microsoft.com"),
                List.of(), false, List.of(), false));
        put(m, new Cloud("fairfax", "Azure Government",
                vars("Azure Government", "https://portal.azure.us", "https://learn.microsoft.com"),
                List.of(new CloudRewriteRule("https://portal.azure.com", "https://portal.azure.us"),
                        new CloudRewriteRule("https://management.azure.com", "https://management.usgovcloudapi.net")),
                false, List.of(), false));
        put(m, new Cloud("mooncake", "Azure operated by 21Vianet",
                vars("Azure operated by 21Vianet", "https://portal.azure.cn", "https://docs.azure.cn"),
                List.of(new CloudRewriteRule("https://portal.azure.com", "https://portal.azure.cn"),
                        new CloudRewriteRule("https://docs.microsoft.com/en-us/azure/", "https://docs.azure.cn/zh-cn/"),
                        new CloudRewriteRule("https://learn.microsoft.com/en-us/azure/", "https://docs.azure.cn/zh-cn/")),
                false, List.of(), false));
        // Air-gapped portals and documentation hosts are not public: configure them in the POM.
        put(m, new Cloud("usnat", "Azure US Secret (usnat)",
                vars("Azure US Secret (usnat)", "https://portal.usnat.example", "https://docs.usnat.example"),
                List.of(), true, List.of(), false));
        put(m, new Cloud("ussec", "Azure US Top Secret (ussec)",
                vars("Azure US Top Secret (ussec)", "https://portal.ussec.example", "https://docs.ussec.example"),
                List.of(), true, List.of(), false));
        put(m, new Cloud("blackforest", "Azure Germany",
                vars("Azure Germany", "", ""), List.of(), false, List.of(), true));
        return new CloudCatalog(m);
    }

    /** The built-in catalog with the POM's settings applied, in order. */
    public static CloudCatalog of(List<CloudSettings> overrides) {
        CloudCatalog base = builtIn();
        Map<String, Cloud> m = new LinkedHashMap<>(base.clouds);
        for (CloudSettings s : overrides) {
            if (s.id() == null || s.id().isBlank()) {
                throw new CertDocsException("every <cloud> in <cloudCatalog> needs an <id>");
            }
            String key = s.id().strip().toLowerCase(Locale.ROOT);
            Cloud old = m.get(key);
            if (old == null && s.name() == null) {
                // A new cloud comes with its display name; without one, the id is far more likely a
                // typo of a known cloud, which would otherwise keep its defaults without a word.
                throw new CertDocsException("unknown cloud id '" + s.id().strip() + "' in <cloudCatalog>"
                        + Suggestions.closest(key, m.keySet()).map(c -> ", did you mean '" + c + "'?")
                                .orElse(" (known: " + String.join(", ", m.keySet()) + ").")
                        + " To add a new cloud, give it a <name>.");
            }
            Map<String, String> variables = new HashMap<>(old == null ? Map.of() : old.variables());
            if (s.variables() != null) variables.putAll(s.variables());
            String name = s.name() != null ? s.name() : old != null ? old.name() : key;
            variables.put("name", name);
            if (s.portalUrl() != null) variables.put("portalUrl", s.portalUrl());
            if (s.docsUrl() != null) variables.put("docsUrl", s.docsUrl());
            variables.putIfAbsent("portalUrl", "");
            variables.putIfAbsent("docsUrl", "");
            List<CloudRewriteRule> rewrites = s.rewrites() != null
                    ? s.rewrites().stream().map(CloudRewriteRule::parse).toList()
                    : withHostRewrites(old == null ? List.of() : old.rewriteRules(), s);
            m.put(key, new Cloud(key, name, variables, rewrites,
                    s.airGapped() != null ? s.airGapped() : old != null && old.airGapped(),
                    s.allowedHosts() != null ? s.allowedHosts() : old == null ? List.of() : old.allowedHosts(),
                    s.retired() != null ? s.retired() : old != null && old.retired()));
        }
        return new CloudCatalog(m);
    }

    /** The public documentation hosts whose links a cloud with its own {@code docsUrl} sends there. */
    static final List<String> PUBLIC_DOCS = List.of("https://learn.microsoft.com", "https://docs.microsoft.com");
    /** The public portal whose links a cloud with its own {@code portalUrl} sends there. */
    static final String PUBLIC_PORTAL = "https://portal.azure.com";

    /**
     * A cloud's rewrite rules when the POM gives it a {@code docsUrl} or {@code portalUrl} but no
     * {@code <rewrites>}: links to the public documentation hosts and the public portal go to the
     * configured ones (so an air-gapped cloud's pages link to documentation its readers can reach),
     * after the rules it had. A {@code docsUrl} or {@code portalUrl} that is the public one adds
     * nothing; {@code <rewrites>} replaces all of this.
     */
    private static List<CloudRewriteRule> withHostRewrites(List<CloudRewriteRule> rules, CloudSettings s) {
        List<CloudRewriteRule> out = new ArrayList<>(rules);
        String docs = s.docsUrl() == null ? "" : trimSlash(s.docsUrl().strip());
        if (!docs.isEmpty()) {
            for (String host : PUBLIC_DOCS) {
                if (!host.equalsIgnoreCase(docs)) addUnlessCovered(out, new CloudRewriteRule(host + "/", docs + "/"));
            }
        }
        String portal = s.portalUrl() == null ? "" : trimSlash(s.portalUrl().strip());
        if (!portal.isEmpty() && !portal.equalsIgnoreCase(PUBLIC_PORTAL)) {
            addUnlessCovered(out, new CloudRewriteRule(PUBLIC_PORTAL, portal));
        }
        return out;
    }

    /** Adds a rule unless one already sends the same prefix elsewhere (the built-in rules come first). */
    private static void addUnlessCovered(List<CloudRewriteRule> rules, CloudRewriteRule rule) {
        if (rules.stream().noneMatch(r -> r.from().equalsIgnoreCase(rule.from()) || r.from().equalsIgnoreCase(trimSlash(rule.from())))) {
            rules.add(rule);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Optional<Cloud> find(String id) {
        return Optional.ofNullable(clouds.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    public Collection<Cloud> all() {
        return clouds.values();
    }

    /** Clouds that are rendered and checked: every cloud that is not retired. */
    public List<Cloud> active() {
        return clouds.values().stream().filter(c -> !c.retired()).toList();
    }

    public List<String> ids() {
        return new ArrayList<>(clouds.keySet());
    }

    /** Every variable name some cloud defines, for {@code variable/unknown}. */
    public Set<String> variableNames() {
        return variableNames;
    }

    private static void put(Map<String, Cloud> m, Cloud c) {
        m.put(c.id(), c);
    }

    private static Map<String, String> vars(String name, String portal, String docs) {
        return Map.of("name", name, "portalUrl", portal, "docsUrl", docs);
    }
}
