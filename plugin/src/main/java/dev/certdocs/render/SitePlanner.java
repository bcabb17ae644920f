package dev.certdocs.render;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.KindSpec;
import dev.certdocs.config.UrlPolicy;
import dev.certdocs.model.Article;
import dev.certdocs.model.Properties;
import dev.certdocs.model.SitePaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each cloud's site holds, worked out once per cloud before any page is rendered: the
 * articles published there, grouped by service and sorted (displayOrder, title, path), the
 * service and cloud lists every page shows, and a fingerprint of the navigation an article page
 * shows, for incremental builds. What every cloud needs of an article is read once ({@link Listing});
 * then each cloud is planned from it, in parallel if wanted.
 */
final class SitePlanner {

    private final BuildConfig config;
    private final Function<Article, String> pagePath;
    private final Set<String> buildCloudIds;

    SitePlanner(BuildConfig config, Function<Article, String> pagePath) {
        this.config = config;
        this.pagePath = pagePath;
        this.buildCloudIds = config.clouds().stream().map(Cloud::id).collect(Collectors.toUnmodifiableSet());
    }

    /** An article with what every cloud's plan needs of it, worked out once: its clouds, service, summary and sort keys. */
    private record Listed(Article article, List<String> clouds, String service, int order, String title,
                          PageModel.ArticleSummary summary) {
    }

    /**
     * What each cloud's plan needs of every article, worked out once for all clouds (reading an
     * article's attributes once, not once per cloud and comparison); clouds are then planned
     * from it, in parallel if wanted.
     */
    final class Listing {
        private final List<Listed> listed = new ArrayList<>();
        private final Map<String, List<String>> publishedIn = new LinkedHashMap<>();

        Listing(List<Article> all) {
            Listed[] each = new Listed[all.size()];
            dev.certdocs.support.Parallel.forEach(config.threads(), all.size(), "listing the articles", i -> {
                Article a = all.get(i);
                each[i] = new Listed(a, builtClouds(a), SitePaths.serviceId(a), displayOrder(a), a.props().value("pageTitle"), summary(a));
            });
            for (Listed l : each) {
                listed.add(l);
                publishedIn.put(l.article().path(), l.clouds());
            }
        }
    }

    /** The articles published in {@code cloud}, and the navigation over them. */
    SiteRenderer.CloudSite plan(Cloud cloud, Listing listing) {
        Map<String, List<Listed>> byService = new TreeMap<>();
        List<Article> here = new ArrayList<>();
        for (Listed l : listing.listed) {
            if (!l.clouds().contains(cloud.id())) continue;
            here.add(l.article());
            byService.computeIfAbsent(l.service(), k -> new ArrayList<>()).add(l);
        }
        List<PageModel.ServiceView> services = new ArrayList<>();
        for (var e : byService.entrySet()) {
            List<Listed> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingInt(Listed::order).thenComparing(Listed::title, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(l -> l.article().path()));
            List<PageModel.ArticleSummary> summaries = list.stream().map(Listed::summary).toList();
            services.add(new PageModel.ServiceView(e.getKey(), serviceName(e.getKey()), UrlPolicy.relative(SitePaths.serviceIndex(e.getKey())),
                    summaries.size(), summaries));
        }
        services.sort(Comparator.comparing(PageModel.ServiceView::name, String.CASE_INSENSITIVE_ORDER));
        List<PageModel.CloudView> clouds = config.clouds().stream().map(SitePlanner::view).toList();
        // What an article page shows of the others: the service list, and its own service's articles.
        StringBuilder shared = new StringBuilder();
        services.forEach(sv -> shared.append(sv.id()).append('|').append(sv.name()).append('|').append(sv.articleCount()).append('\n'));
        Map<String, String> navigation = new LinkedHashMap<>();
        // And what a site page can show of each service: all of it, every field of every article listed.
        Map<String, String> listings = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        // Hashed once: with hundreds of services, copying the list into every service's text cost O(services²).
        String sharedHash = Fingerprints.of(shared.toString());
        for (PageModel.ServiceView sv : services) {
            StringBuilder own = new StringBuilder(sharedHash).append('\n');
            sv.articles().forEach(a -> own.append(a.title()).append('|').append(a.url()).append('|').append(a.kindLabel()).append('\n'));
            navigation.put(sv.id(), Fingerprints.of(own.toString()));
            // One text, each field length-prefixed so that no two listings read alike, hashed once.
            StringBuilder fields = new StringBuilder(own.length() * 2);
            field(fields, sv.id());
            field(fields, sv.name());
            field(fields, sv.url());
            fields.append(sv.articleCount()).append(';');
            for (PageModel.ArticleSummary a : sv.articles()) {
                field(fields, a.title());
                field(fields, a.description());
                field(fields, a.url());
                field(fields, a.kind());
                field(fields, a.kindLabel());
                field(fields, a.service());
                field(fields, a.articleId());
            }
            String listed = Fingerprints.of(fields.toString());
            listings.put(sv.id(), listed);
            all.append(listed).append('\n');
        }
        return new SiteRenderer.CloudSite(cloud, here, ServiceList.of(services), clouds, listing.publishedIn, navigation, listings,
                Fingerprints.of(all.toString()), new FragmentCache());
    }

    private static StringBuilder field(StringBuilder sb, String value) {
        return sb.append(value.length()).append(':').append(value);
    }

    /** The clouds of this build an article is published in. */
    private List<String> builtClouds(Article a) {
        List<String> out = new ArrayList<>();
        for (String id : a.cloudIds()) {
            if (buildCloudIds.contains(id)) out.add(id);
        }
        return List.copyOf(out);
    }

    private PageModel.ArticleSummary summary(Article a) {
        Properties p = a.props();
        return new PageModel.ArticleSummary(p.value("pageTitle").strip(), p.value("description").strip(), UrlPolicy.relative(pagePath.apply(a)),
                p.value("selfHelpType").strip(), kindLabel(p.value("selfHelpType")), SitePaths.serviceId(a), p.value("articleId").strip());
    }

    String kindLabel(String kind) {
        return config.schema().kind(kind.strip()).map(KindSpec::label).orElse(kind.strip());
    }

    /** Display names of common resource providers, where capitalising the namespace reads badly. */
    private static final Map<String, String> SERVICE_NAMES = Map.ofEntries(
            Map.entry("microsoft.compute", "Virtual Machines"), Map.entry("microsoft.network", "Networking"),
            Map.entry("microsoft.storage", "Storage"), Map.entry("microsoft.keyvault", "Key Vault"),
            Map.entry("microsoft.web", "App Service"), Map.entry("microsoft.sql", "SQL Database"),
            Map.entry("microsoft.containerservice", "Kubernetes Service"), Map.entry("microsoft.documentdb", "Cosmos DB"),
            Map.entry("microsoft.insights", "Monitor"), Map.entry("microsoft.recoveryservices", "Backup and Site Recovery"),
            Map.entry("microsoft.resources", "Resource Manager"), Map.entry("microsoft.authorization", "Access control"),
            Map.entry("microsoft.cache", "Cache for Redis"), Map.entry("microsoft.eventhub", "Event Hubs"),
            Map.entry("microsoft.servicebus", "Service Bus"), Map.entry("microsoft.logic", "Logic Apps"),
            Map.entry("microsoft.apimanagement", "API Management"), Map.entry("microsoft.cdn", "Content Delivery Network"),
            Map.entry("microsoft.dbforpostgresql", "Database for PostgreSQL"),
            Map.entry("microsoft.dbformysql", "Database for MySQL"), Map.entry("microsoft.billing", "Billing"),
            Map.entry("microsoft.costmanagement", "Cost Management"), Map.entry("microsoft.aad", "Entra Domain Services"));

    /** {@code microsoft.keyvault} reads "Key Vault", an unlisted {@code microsoft.foo.bar} "Foo Bar", none "General". */
    static String serviceName(String serviceId) {
        if (serviceId.isEmpty()) return "General";
        String known = SERVICE_NAMES.get(serviceId);
        if (known != null) return known;
        String s = serviceId.startsWith("microsoft.") ? serviceId.substring(10) : serviceId;
        StringBuilder sb = new StringBuilder();
        for (String part : s.split("\\.")) {
            if (part.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static int displayOrder(Article a) {
        String order = a.props().value("displayOrder").strip();
        // Most articles have none: no exception thrown and caught per comparison while sorting.
        if (order.isEmpty()) return Integer.MAX_VALUE;
        try {
            return Integer.parseInt(order);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static PageModel.CloudView view(Cloud c) {
        return new PageModel.CloudView(c.id(), c.name(), c.portalUrl(), c.docsUrl(), c.airGapped());
    }
}
