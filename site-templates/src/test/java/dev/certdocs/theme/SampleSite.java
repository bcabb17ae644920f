package dev.certdocs.theme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small sample of the data model the render stage supplies (site-templates/README.md): three
 * services, articles of every template kind, one with markup in its title and description.
 * Every method returns fresh mutable maps, so a test may change what it needs.
 */
final class SampleSite {

    static final String XSS_TITLE = "<script>alert(1)</script> Backups & restores fail";
    static final String XSS_DESCRIPTION = "When \"restore\" fails <script>alert(1)</script> & what to do";
    static final String VERSION = "1.0.0";

    private SampleSite() {
    }

    /** Builds a map in the order its keys are given: key, value, key, value, ... */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> cloud(String id) {
        return switch (id) {
            case "public" -> map("id", "public", "name", "Azure", "portalUrl", "https://portal.azure.com",
                    "docsUrl", "https://learn.microsoft.com", "airGapped", false);
            case "fairfax" -> map("id", "fairfax", "name", "Azure Government", "portalUrl", "https://portal.azure.us",
                    "docsUrl", "https://learn.microsoft.com", "airGapped", false);
            case "usnat" -> map("id", "usnat", "name", "Azure US Secret (usnat)", "portalUrl", "",
                    "docsUrl", "", "airGapped", true);
            default -> throw new IllegalArgumentException(id);
        };
    }

    static List<Object> clouds() {
        List<Object> clouds = new ArrayList<>();
        for (String id : List.of("public", "fairfax", "usnat")) {
            Map<String, Object> cloud = cloud(id);
            clouds.add(map("id", cloud.get("id"), "name", cloud.get("name")));
        }
        return clouds;
    }

    /** The variables every template gets, for a page at {@code path} (from the version root). */
    static Map<String, Object> common(String cloudId, String kind, String path, String title, String description) {
        String root = "../".repeat((int) path.chars().filter(c -> c == '/').count());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("root", root);
        model.put("site", map("title", "Contoso Support", "generator", "certdocs 0.1.0", "baseUrl", "",
                "versionsUrl", "../versions.json", "searchIndexUrl", "search/index.js"));
        model.put("cloud", cloud(cloudId));
        model.put("clouds", clouds());
        model.put("version", map("name", VERSION));
        model.put("page", map("kind", kind, "title", title, "description", description, "path", path,
                "canonicalUrl", ""));
        // Each entry marked as certdocs marks it for this page: current (its url is the page's
        // path) and open (current; an article page's service is opened by article()).
        List<Object> services = services();
        for (Object s : services) {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) s;
            service.put("current", service.get("url").equals(path));
            service.put("open", service.get("url").equals(path));
        }
        model.put("services", services);
        return model;
    }

    static Map<String, Object> summary(String title, String description, String url, String kind,
            String kindLabel, String service, String articleId) {
        return map("title", title, "description", description, "url", url, "kind", kind,
                "kindLabel", kindLabel, "service", service, "articleId", articleId);
    }

    static List<Object> services() {
        List<Object> compute = new ArrayList<>(List.of(
                summary("A virtual machine does not start", "What to check when a VM stays in the Starting state",
                        "compute/vm-start-fails.html", "generic", "Troubleshooting guide", "microsoft.compute",
                        "4f3c2a10-1b2d-4e5f-8a9b-0c1d2e3f4a5b"),
                summary(XSS_TITLE, XSS_DESCRIPTION, "compute/backup-fails.html", "tsg_content", "Troubleshooting guide",
                        "microsoft.compute", "backup-fails"),
                summary("Tell us about your VM problem", "Questions we ask before opening a VM case",
                        "compute/vm-scoping.html", "problemScopingQuestions", "Scoping questions", "microsoft.compute",
                        "vm-scoping"),
                summary("Enable VM backups", "Advisor recommends backing up production VMs",
                        "compute/enable-backup.html", "advisorRecommendationMetadata", "Advisor recommendation",
                        "microsoft.compute", "enable-backup")));
        List<Object> network = new ArrayList<>(List.of(
                summary("Connect to a VM with Bastion fails", "What to check when Bastion cannot open a session",
                        "network/bastion-connect.html", "generic", "Troubleshooting guide", "microsoft.network",
                        "7c1f6a2e-3b0d-4c55-9a51-0f2b8e9d4a10"),
                summary("VPN gateway support topic", "", "network/vpn-topic.html", "supportTopicDescription",
                        "Support topic", "microsoft.network", "vpn-topic")));
        List<Object> general = new ArrayList<>(List.of(
                summary("Understand your invoice", "Read the lines of an Azure invoice", "billing/invoice.html",
                        "resource", "Article", "", "invoice")));
        return new ArrayList<>(List.of(
                service("microsoft.compute", "Compute", compute),
                service("", "General", general),
                service("microsoft.network", "Networking", network)));
    }

    static Map<String, Object> service(String id, String name, List<Object> articles) {
        String dir = id.isEmpty() ? "general" : id;
        return map("id", id, "name", name, "url", dir + "/index.html", "articleCount", articles.size(),
                "articles", articles);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> serviceEntry(String id) {
        for (Object s : services()) {
            Map<String, Object> service = (Map<String, Object>) s;
            if (service.get("id").equals(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException(id);
    }

    static final String ARTICLE_HTML = """
            <p>Open the VM in the <a class="portal-link" href="https://portal.azure.us/#blade/Microsoft_Azure_Compute/VirtualMachineBlade">portal</a> and check its status.</p>
            <div class="alert alert-note" role="note"><p class="alert-title">Note</p><p>Starting can take up to ten minutes.</p></div>
            <h2 id="check-the-status">Check the status</h2>
            <p>Run this command &amp; read the <code>powerState</code>:</p>
            <pre><code class="language-bash">az vm get-instance-view --name myVm --query instanceView.statuses
            </code></pre>
            <h3 id="the-vm-is-deallocated">The VM is deallocated</h3>
            <p>Start it again. See <a class="external" rel="noopener" href="https://learn.microsoft.com/azure/virtual-machines/states-billing">VM states</a>.</p>
            <div class="alert alert-warning" role="note"><p class="alert-title">Warning</p><p>Redeploying moves the VM to another host.</p></div>
            <h3 id="the-vm-is-stuck">The VM is stuck</h3>
            <ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled checked> Check the boot diagnostics</li><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled> Redeploy the VM</li></ul>
            <h2 id="still-failing">Still failing?</h2>
            <table><thead><tr><th>State</th><th>Meaning</th></tr></thead><tbody><tr><td>Starting</td><td>The host is preparing the VM</td></tr><tr><td>Failed</td><td>The last operation failed</td></tr></tbody></table>
            <p><a class="button-link" href="https://portal.azure.us/#create/Microsoft.Support">Open a support request</a></p>
            <div class="alert alert-tip" role="note"><p class="alert-title">Tip</p><p>Use Serial console to see boot messages.</p></div>
            <div class="alert alert-important" role="note"><p class="alert-title">Important</p><p>Keep the VM's disks.</p></div>
            <div class="alert alert-caution" role="note"><p class="alert-title">Caution</p><p>Deleting the VM keeps its disks billed.</p></div>
            """;

    static List<Object> toc() {
        return new ArrayList<>(List.of(
                map("level", 2, "id", "check-the-status", "text", "Check the status"),
                map("level", 3, "id", "the-vm-is-deallocated", "text", "The VM is deallocated"),
                map("level", 3, "id", "the-vm-is-stuck", "text", "The VM is stuck"),
                map("level", 2, "id", "still-failing", "text", "Still failing?")));
    }

    /** An article page's model; {@code url} is one of the summaries' urls. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> article(String cloudId, String url) {
        Map<String, Object> summary = summaryFor(url);
        String title = (String) summary.get("title");
        String description = (String) summary.get("description");
        String service = (String) summary.get("service");
        Map<String, Object> model = common(cloudId, "article", url, title, description);
        String root = (String) model.get("root");
        List<Object> otherClouds = new ArrayList<>();
        for (String other : List.of("public", "fairfax", "usnat")) {
            if (!other.equals(cloudId)) {
                otherClouds.add(map("id", other, "name", cloud(other).get("name"),
                        "url", root + "../../" + other + "/" + VERSION + "/" + url));
            }
        }
        Map<String, Object> article = map(
                "title", title,
                "description", description,
                "articleId", summary.get("articleId"),
                "kind", summary.get("kind"),
                "kindLabel", summary.get("kindLabel"),
                "service", service,
                "serviceName", serviceName(service),
                "serviceUrl", (service.isEmpty() ? "general" : service) + "/index.html",
                "resource", "virtualmachines",
                "path", "articles/" + url.replace(".html", ".md"),
                "url", url,
                "html", ARTICLE_HTML,
                "toc", toc(),
                "authors", new ArrayList<>(List.of("contoso-writer", "jdoe")),
                "owner", "cwriter",
                "tags", new ArrayList<>(List.of("boot", "vm")),
                "attributes", new ArrayList<>(List.of(
                        map("name", "pageTitle", "value", title),
                        map("name", "selfHelpType", "value", summary.get("kind")),
                        map("name", "cloudEnvironments", "value", "public, fairfax, usnat"))),
                "otherClouds", otherClouds,
                "lastUpdated", "2026-11-20");
        switch ((String) summary.get("kind")) {
            case "problemScopingQuestions" -> {
                article.put("html", "<p>Answer these questions so that the engineer can start right away.</p>");
                article.put("toc", new ArrayList<>());
                article.put("form", map("elements", formElements()));
            }
            case "supportTopicDescription" -> {
                article.put("html", "");
                article.put("toc", new ArrayList<>());
                article.put("json", new ArrayList<>(List.of(
                        map("key", "supportTopicId", "value", "32600001"),
                        map("key", "title", "value", "VPN gateway & connections"),
                        map("key", "routing.queue", "value", "networking-vpn"),
                        map("key", "routing.severity", "value", 2),
                        map("key", "routing.enabled", "value", true))));
            }
            case "advisorRecommendationMetadata" -> {
                article.put("html", "<p>Shown in Advisor for production VMs without backup.</p>");
                article.put("toc", new ArrayList<>());
                article.put("json", new ArrayList<>(List.of(
                        map("key", "recommendationTypeId", "value", "9a5b-backup"),
                        map("key", "recommendation.impact", "value", "High"),
                        map("key", "recommendation.learnMoreLink", "value", "https://aka.ms/vm-backup"),
                        map("key", "recommendation.description", "value", ""))));
            }
            default -> {
            }
        }
        model.put("article", article);
        for (Object s : (List<Object>) model.get("services")) {
            Map<String, Object> entry = (Map<String, Object>) s;
            if (entry.get("id").equals(service)) entry.put("open", true);
        }
        return model;
    }

    static List<Object> formElements() {
        List<Object> noOptions = List.of();
        return new ArrayList<>(List.of(
                map("id", "problem_start", "order", 1, "controlType", "datetimepicker",
                        "label", "When did the problem start?", "required", true,
                        "hint", "Your local time is fine.", "watermark", "", "options", noOptions),
                map("id", "vm_name", "order", 2, "controlType", "textbox", "label", "VM name",
                        "required", true, "hint", "", "watermark", "myVm", "options", noOptions),
                map("id", "os", "order", 3, "controlType", "dropdown", "label", "Operating system",
                        "required", false, "hint", "", "watermark", "Choose the OS", "options", List.of(
                                map("value", "windows", "text", "Windows"), map("value", "linux", "text", "Linux"))),
                map("id", "steps", "order", 4, "controlType", "multiselectdropdown", "label", "What have you tried?",
                        "required", false, "hint", "", "watermark", "", "options", List.of(
                                map("value", "restart", "text", "Restart"), map("value", "redeploy", "text", "Redeploy"),
                                map("value", "resize", "text", "Resize"))),
                map("id", "impact", "order", 5, "controlType", "radiobuttongroup", "label", "How many users are affected?",
                        "required", true, "hint", "", "watermark", "", "options", List.of(
                                map("value", "one", "text", "Just me"), map("value", "many", "text", "Many"))),
                map("id", "consent", "order", 6, "controlType", "checkbox",
                        "label", "I agree to share diagnostic information", "required", false,
                        "hint", "We only collect boot logs.", "watermark", "", "options", noOptions),
                map("id", "details", "order", 7, "controlType", "multilinetextbox", "label", "Describe the problem",
                        "required", true, "hint", "", "watermark", "What did you see?", "options", noOptions),
                map("id", "info", "order", 8, "controlType", "infoblock",
                        "label", "We'll use these answers to route your request.", "required", false,
                        "hint", "", "watermark", "", "options", noOptions)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summaryFor(String url) {
        for (Object s : services()) {
            for (Object a : (List<Object>) ((Map<String, Object>) s).get("articles")) {
                Map<String, Object> summary = (Map<String, Object>) a;
                if (summary.get("url").equals(url)) {
                    return summary;
                }
            }
        }
        throw new IllegalArgumentException(url);
    }

    @SuppressWarnings("unchecked")
    static List<String> articleUrls() {
        List<String> urls = new ArrayList<>();
        for (Object s : services()) {
            for (Object a : (List<Object>) ((Map<String, Object>) s).get("articles")) {
                urls.add((String) ((Map<String, Object>) a).get("url"));
            }
        }
        return urls;
    }

    private static String serviceName(String id) {
        return switch (id) {
            case "microsoft.compute" -> "Compute";
            case "microsoft.network" -> "Networking";
            default -> "General";
        };
    }

    static Map<String, Object> index(String cloudId) {
        return common(cloudId, "index", "index.html", "Contoso Support",
                "Troubleshooting guides and answers for Contoso's Azure services");
    }

    static Map<String, Object> servicePage(String cloudId, String serviceId) {
        Map<String, Object> service = serviceEntry(serviceId);
        Map<String, Object> model = common(cloudId, "service", (String) service.get("url"),
                (String) service.get("name"), "");
        service.put("current", true);
        service.put("open", true);
        model.put("service", service);
        return model;
    }

    static Map<String, Object> search(String cloudId) {
        return common(cloudId, "search", "search.html", "Search", "");
    }

    static Map<String, Object> notFound(String cloudId) {
        return common(cloudId, "404", "404.html", "Page not found", "");
    }
}
