package dev.certdocs.bench;

import dev.certdocs.config.CloudSettings;
import dev.certdocs.model.HeadingIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a synthetic content repository in the article format of docs/design.md §2, for benchmarks and
 * tests: {@code articles/<service>/<name>.md}, the {@code includes/} files they include and the
 * images they show under {@code articles/media/}.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li><b>Deterministic</b>: the same settings write byte-identical files. Article {@code i}
 *       depends only on the settings and on articles before it, so a smaller corpus is a prefix
 *       of a larger one with the same settings.</li>
 *   <li><b>Sizes</b> log-normal with a median near 2 KB, from about 0.5 KB up to at most 80 KB.</li>
 *   <li><b>Coverage</b>: every kind (the first nine articles are one of each), every active
 *       cloud (the first article is published to all of them), H1–H3 headings, lists, task
 *       lists, tables, fenced code, both alert forms, cloud blocks, cloud variables, includes,
 *       portal links, relative links between articles with {@code #anchors} that exist (only to
 *       defect-free articles published in every cloud the linking article is), external links
 *       under the configured base URLs (inside {@code exclude="usnat,ussec"} blocks when the
 *       article is published to an air-gapped cloud), images with alt text, a few files with a
 *       BOM or CRLF line ends; valid JSON for the JSON kinds and complete problem-scoping forms.</li>
 *   <li><b>Clean unless asked</b>: without defects, {@code certdocs:validate} finds nothing.
 *       With a defect rate, that fraction of the articles gets one {@link Defect} each, chosen
 *       so that it causes exactly the diagnostics the {@link Manifest} lists, at exact
 *       positions.</li>
 *   <li><b>Real-world content</b> on request ({@link #withRealWorldContent}): what real support
 *       repositories hold besides defects, each listed in {@link Manifest#realWorld} with its
 *       position: documentation links ({@code learn.microsoft.com}, {@code docs.microsoft.com}) and
 *       links to internal hosts ({@code contoso.sharepoint.com}) outside any cloud block in
 *       articles published to the air-gapped clouds, and cloud variables defined only in some
 *       clouds ({@link #PARTIAL_VARIABLES}, {@link #cloudSettings}), mostly inside matching
 *       {@code ::: cloud} blocks, sometimes not.</li>
 *   <li><b>Shape</b>: by default 12 service folders, sizes log-normal (σ 1.0), public 90 %,
 *       fairfax 50 %, mooncake 35 %, usnat 25 %, ussec 20 %. {@link #withRepositoryShape} is that
 *       of a real repository (the public Azure SelfHelpContent): 600 service folders, a 1.8 KB
 *       median and a 10 KB 99th percentile, about 3 links per article, public, fairfax, usnat and
 *       ussec 95 %, mooncake 36 %.</li>
 * </ul>
 *
 * <p>The options change the corpus only when they are set: the default corpus of a seed stays
 * byte for byte what it was.
 */
public final class SyntheticCorpus {

    /** The problems the generator can inject, each with the rule id that must report it. */
    public enum Defect {
        /** An optional attribute's name misspelt: {@code authros="…"}. */
        UNKNOWN_ATTRIBUTE("field/unknown"),
        /** A required attribute left out. */
        MISSING_REQUIRED("field/required"),
        /** A misspelt cloud id in {@code cloudEnvironments}. */
        UNKNOWN_CLOUD("cloud/unknown"),
        /** An {@code ownershipId} or {@code service} value that breaks its pattern. */
        BAD_FORMAT("field/format"),
        /** The {@code articleId} of an earlier, defect-free article reused (both are reported). */
        DUPLICATE_ARTICLE_ID("article-id/duplicate"),
        /** The title written as {@code ##} instead of {@code #} (Markdown kinds only). */
        MISSING_H1("body/missing-h1"),
        /** A missing comma, trailing comma or unquoted key in the JSON document (JSON kinds only). */
        INVALID_JSON("body/json-invalid"),
        /** An {@code [!INCLUDE]} of a file that does not exist. */
        MISSING_INCLUDE("include/missing"),
        /** A {@code ::: cloud} block never closed, or a {@code ::: cloud-end} closing nothing. */
        UNBALANCED_CLOUD_BLOCK("cloud-block/unbalanced"),
        /** A {@code {{cloud.x}}} variable no cloud defines. */
        UNKNOWN_VARIABLE("variable/unknown"),
        /** An image without alt text, Markdown or HTML. */
        IMAGE_WITHOUT_ALT("image/missing-alt"),
        /** An attribute value without quotes: the properties block cannot be parsed. */
        PROPERTIES_SYNTAX("properties/syntax");

        private final String ruleId;

        Defect(String ruleId) {
            this.ruleId = ruleId;
        }

        public String ruleId() {
            return ruleId;
        }
    }

    /** A diagnostic an injected defect must produce: its rule id at {@code path:line:column}. */
    public record Expected(Defect defect, String ruleId, String path, int line, int column) {

        public String location() {
            return path + ":" + line + ":" + column;
        }

        @Override
        public String toString() {
            return location() + " " + ruleId + " " + defect;
        }
    }

    /** One written article: where, its kind, its clouds (as written), its size, its defect if any. */
    public record GeneratedArticle(String path, String kind, List<String> clouds, int bytes, Defect defect) {
    }

    /**
     * Something real repositories hold that {@link #withRealWorldContent} wrote: the rule that reports it
     * (today or once the check is in {@code validate}), where (a link where it starts, a variable at its
     * {@code {{}), and what ({@code variable clouds} or the URL).
     */
    public record RealWorld(String ruleId, String path, int line, int column, String what) {

        public String location() {
            return path + ":" + line + ":" + column;
        }

        @Override
        public String toString() {
            return location() + " " + ruleId + " " + what;
        }
    }

    /**
     * What {@link #writeTo} wrote; {@link #expected} lists every diagnostic the defects must cause,
     * {@link #realWorld} the real-world problems {@link #withRealWorldContent} wrote.
     */
    public record Manifest(long seed, int count, double defectRate, List<GeneratedArticle> articles,
                           List<String> includeFiles, List<Expected> expected, long totalBytes,
                           List<RealWorld> realWorld) {

        /** The summary a person reads: counts, size and the defects. */
        public String describe() {
            int[] sizes = articles.stream().mapToInt(GeneratedArticle::bytes).sorted().toArray();
            long defective = articles.stream().filter(a -> a.defect() != null).count();
            return String.format(Locale.ROOT, "%d articles, %d include files, %.1f MB; article size min %d B, "
                            + "median %d B, max %d B; %d articles with a defect, %d expected diagnostics",
                    articles.size(), includeFiles.size(), totalBytes / 1048576.0,
                    sizes.length == 0 ? 0 : sizes[0], sizes.length == 0 ? 0 : sizes[sizes.length / 2],
                    sizes.length == 0 ? 0 : sizes[sizes.length - 1], defective, expected.size())
                    + String.format(Locale.ROOT, "; %d service folders, article size p99 %d B, %d real-world items",
                    articles.stream().map(a -> a.path().substring(0, a.path().lastIndexOf('/'))).distinct().count(),
                    sizes.length == 0 ? 0 : sizes[Math.min(sizes.length - 1, (int) (sizes.length * 0.99))], realWorld.size());
        }

        /** The manifest file's text: settings, then one {@code expect} line per expected diagnostic. */
        String text(Set<Defect> defects, List<String> externalBases, boolean allClouds, boolean realWorldContent,
                    boolean repositoryShape, boolean distinctTitles) {
            StringBuilder sb = new StringBuilder("# certdocs synthetic corpus\n");
            sb.append("seed=").append(seed).append('\n');
            sb.append("count=").append(count).append('\n');
            sb.append("defectRate=").append(defectRate).append('\n');
            sb.append("defects=").append(defects.stream().map(Enum::name).collect(Collectors.joining(","))).append('\n');
            sb.append("externalBases=").append(String.join(",", externalBases)).append('\n');
            if (allClouds) sb.append("allClouds=true\n");
            if (repositoryShape) sb.append("shape=repository\n");
            if (distinctTitles) sb.append("titles=distinct\n");
            if (realWorldContent) {
                sb.append("realWorld=true\n");
                PARTIAL_VARIABLES.forEach((name, clouds) ->
                        sb.append("variable ").append(name).append('=').append(String.join(",", clouds)).append('\n'));
            }
            sb.append("bytes=").append(totalBytes).append('\n');
            for (Expected e : expected) sb.append("expect ").append(e).append('\n');
            for (RealWorld w : realWorld) sb.append("realWorld ").append(w).append('\n');
            return sb.toString();
        }
    }

    /** The manifest file written at the corpus root. */
    public static final String MANIFEST_FILE = "synthetic-corpus.txt";
    /** Every built-in kind, in the order the first nine articles use them. */
    public static final List<String> KINDS = List.of("generic", "tsg_content", "resource", "rca", "diagnostics",
            "serviceHealthInsights", "problemScopingQuestions", "supportTopicDescription",
            "advisorRecommendationMetadata");
    /** The active built-in clouds, in catalog order. */
    public static final List<String> CLOUDS = List.of("public", "fairfax", "mooncake", "usnat", "ussec");
    public static final List<String> DEFAULT_EXTERNAL_BASES = List.of("https://learn.microsoft.com/en-us/azure/");
    /** No article is larger than this many bytes. */
    public static final int MAX_BYTES = 80 * 1024;

    private static final Set<String> JSON_KINDS = Set.of("problemScopingQuestions", "supportTopicDescription",
            "advisorRecommendationMetadata");
    private static final int[] KIND_WEIGHTS = {30, 25, 8, 6, 8, 5, 10, 4, 4};
    private static final double[] CLOUD_ODDS = {0.9, 0.5, 0.35, 0.25, 0.2};
    private static final int AIR_GAPPED = 0b11000;
    private static final double MEDIAN_TARGET = 1850;
    private static final double SIGMA = 1.0;
    /** {@link #withRepositoryShape}: the odds per cloud, sizes and links of a real repository. */
    private static final double[] REPOSITORY_CLOUD_ODDS = {0.95, 0.95, 0.36, 0.95, 0.95};
    private static final int REPOSITORY_FOLDERS = 602; // 600 folders: compute and network serve two services each
    private static final double REPOSITORY_MEDIAN_TARGET = 1250;
    private static final double REPOSITORY_SIGMA = 0.9;
    private static final int REPOSITORY_LINKS = 3;

    /**
     * {@link #withRealWorldContent}: cloud variables defined only in these clouds, as a team defines a
     * support phone number for two clouds. {@link #cloudSettings} defines them.
     */
    public static final Map<String, List<String>> PARTIAL_VARIABLES = partialVariables();
    private static final String[] DOCS_HOSTS = {"https://learn.microsoft.com/en-us/azure/", "https://docs.microsoft.com/en-us/azure/"};
    private static final String INTERNAL_HOST = "https://contoso.sharepoint.com/sites/support-engineering/";

    private static Map<String, List<String>> partialVariables() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("supportPhone", List.of("public", "fairfax"));
        m.put("statusUrl", List.of("public", "fairfax", "mooncake"));
        return Collections.unmodifiableMap(m);
    }
    private static final int MIN_TARGET = 512;
    private static final int MAX_TARGET = 74 * 1024;

    private final long seed;
    private final int count;
    private final double defectRate;
    private final Set<Defect> defects;
    private final List<String> externalBases;
    private final boolean allClouds;
    private final boolean realWorldContent;
    private final boolean repositoryShape;
    private final boolean distinctTitles;

    /** A clean corpus of {@code count} articles. */
    public SyntheticCorpus(long seed, int count) {
        this(seed, count, 0, EnumSet.allOf(Defect.class), DEFAULT_EXTERNAL_BASES, false, false, false, false);
    }

    private SyntheticCorpus(long seed, int count, double defectRate, Set<Defect> defects, List<String> externalBases,
                            boolean allClouds, boolean realWorldContent, boolean repositoryShape,
                            boolean distinctTitles) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        if (defectRate < 0 || defectRate > 1) throw new IllegalArgumentException("defect rate must be in [0, 1]: " + defectRate);
        if (externalBases.isEmpty()) throw new IllegalArgumentException("at least one external base URL is needed");
        this.seed = seed;
        this.count = count;
        this.defectRate = defectRate;
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
        this.externalBases = List.copyOf(externalBases);
        this.allClouds = allClouds;
        this.realWorldContent = realWorldContent;
        this.repositoryShape = repositoryShape;
        this.distinctTitles = distinctTitles;
    }

    /** The same corpus with a fraction {@code rate} of the articles carrying one of these defects each. */
    public SyntheticCorpus withDefects(double rate, Collection<Defect> kinds) {
        return new SyntheticCorpus(seed, count, rate, EnumSet.copyOf(kinds), externalBases, allClouds, realWorldContent,
                repositoryShape, distinctTitles);
    }

    /** The same corpus with a fraction {@code rate} of the articles carrying one defect of any kind. */
    public SyntheticCorpus withDefects(double rate) {
        return withDefects(rate, EnumSet.allOf(Defect.class));
    }

    /** The same corpus with external links under these base URLs (each ending in {@code /}) instead. */
    public SyntheticCorpus withExternalBases(List<String> bases) {
        List<String> normalised = bases.stream().map(b -> b.endsWith("/") ? b : b + "/").toList();
        return new SyntheticCorpus(seed, count, defectRate, defects, normalised, allClouds, realWorldContent,
                repositoryShape, distinctTitles);
    }

    /**
     * The same corpus with every article published in all five active clouds and none disabled in
     * one (the generate benchmark renders each article five times). A different corpus: the
     * random choices after the clouds differ from those of the default one.
     */
    public SyntheticCorpus withAllClouds() {
        return new SyntheticCorpus(seed, count, defectRate, defects, externalBases, true, realWorldContent,
                repositoryShape, distinctTitles);
    }

    /**
     * The same corpus with what real repositories hold besides defects (see the class comment and
     * {@link Manifest#realWorld}). Validating it needs {@link #cloudSettings()}, which define the
     * variables of {@link #PARTIAL_VARIABLES} in their clouds; without them every use is unknown.
     */
    public SyntheticCorpus withRealWorldContent() {
        return new SyntheticCorpus(seed, count, defectRate, defects, externalBases, allClouds, true, repositoryShape, distinctTitles);
    }

    /**
     * The same corpus in the shape of a real repository: 600 service folders, sizes log-normal around
     * a 1.8 KB median (99th percentile about 10 KB), about 3 links per article (relative links to other
     * articles and documentation links), published to public, fairfax, usnat and ussec with odds 0.95
     * each and to mooncake with 0.36.
     */
    public SyntheticCorpus withRepositoryShape() {
        return new SyntheticCorpus(seed, count, defectRate, defects, externalBases, allClouds, realWorldContent, true, distinctTitles);
    }

    /**
     * The same corpus with titles as real support articles have them, mostly distinct: instead of a
     * service's noun and one of 15 problems (180 titles shared by thousands of articles), each title
     * combines words drawn (from a random stream of its own, so the rest of the article is as without
     * the option) from lists of single words: a product or feature of the article's service (10 per
     * service), a symptom (80), most often a qualifier (80), and an object (100), then, sometimes, a trigger ("on
     * failover", 50), a region ("in westeurope", 50) and an error code. Only stop words join them, so
     * two words of a title are found together in the titles of a handful of articles at most (10,000
     * articles: see {@code SyntheticCorpusTest}), as in a real repository, where two words of an
     * article's title find it. The search benchmark uses it.
     */
    public SyntheticCorpus withDistinctTitles() {
        return new SyntheticCorpus(seed, count, defectRate, defects, externalBases, allClouds, realWorldContent,
                repositoryShape, true);
    }

    /**
     * The cloud catalog entries a {@link #withRealWorldContent} corpus is meant to be built with: each
     * variable of {@link #PARTIAL_VARIABLES} defined in its clouds only (in a POM: {@code <cloudCatalog>}).
     */
    public static List<CloudSettings> cloudSettings() {
        List<CloudSettings> settings = new ArrayList<>();
        for (String cloud : CLOUDS) {
            Map<String, String> variables = new LinkedHashMap<>();
            PARTIAL_VARIABLES.forEach((name, clouds) -> {
                if (clouds.contains(cloud)) variables.put(name, variableValue(name, cloud));
            });
            if (!variables.isEmpty()) settings.add(new CloudSettings(cloud, null, null, null, variables, null, null, null, null));
        }
        return settings;
    }

    private static String variableValue(String name, String cloud) {
        return name.equals("supportPhone") ? "+1 800 555 01" + (10 + CLOUDS.indexOf(cloud))
                : "https://status.contoso.example/" + cloud;
    }

    /**
     * Writes the corpus into {@code dir} (the repository root, created if needed; existing files
     * of the same names are replaced, nothing else is removed) and the manifest file beside it.
     */
    public Manifest writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> includeFiles = writeFixedFiles(dir);
        Generation g = new Generation();
        List<GeneratedArticle> articles = new ArrayList<>(count);
        long total = 0;
        for (int i = 0; i < count; i++) {
            Written w = g.article(i);
            Path file = dir.resolve(w.path);
            Files.createDirectories(file.getParent());
            Files.write(file, w.bytes);
            articles.add(new GeneratedArticle(w.path, g.kinds[i], w.clouds, w.bytes.length, g.plan[i]));
            total += w.bytes.length;
        }
        List<Expected> expected = new ArrayList<>(g.expected);
        expected.sort(Comparator.comparing(Expected::path).thenComparingInt(Expected::line)
                .thenComparingInt(Expected::column).thenComparing(Expected::ruleId));
        Manifest manifest = new Manifest(seed, count, defectRate, articles, includeFiles, List.copyOf(expected), total,
                List.copyOf(g.realWorld));
        Files.writeString(dir.resolve(MANIFEST_FILE), manifest.text(defects, externalBases, allClouds, realWorldContent,
                repositoryShape, distinctTitles), StandardCharsets.UTF_8);
        return manifest;
    }

    /**
     * {@code SyntheticCorpus [--repository-shape] [--real-world] [--all-clouds] [--distinct-titles] <dir> <count> [seed] [defectRate]}:
     * writes a corpus and prints its summary. The options may stand anywhere; without them the
     * corpus is the default one.
     */
    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String a : args) (a.startsWith("--") ? options : positional).add(a);
        List<String> known = List.of("--repository-shape", "--real-world", "--all-clouds", "--distinct-titles");
        if (positional.size() < 2 || positional.size() > 4 || !known.containsAll(options)) {
            System.err.println("usage: SyntheticCorpus [--repository-shape] [--real-world] [--all-clouds] [--distinct-titles] <dir> <count> "
                    + "[seed] [defectRate]");
            System.exit(2);
        }
        Path dir = Path.of(positional.get(0));
        int n = Integer.parseInt(positional.get(1));
        long seed = positional.size() > 2 ? Long.parseLong(positional.get(2)) : 1;
        double rate = positional.size() > 3 ? Double.parseDouble(positional.get(3)) : 0;
        SyntheticCorpus corpus = new SyntheticCorpus(seed, n).withDefects(rate);
        if (options.contains("--repository-shape")) corpus = corpus.withRepositoryShape();
        if (options.contains("--real-world")) corpus = corpus.withRealWorldContent();
        if (options.contains("--all-clouds")) corpus = corpus.withAllClouds();
        if (options.contains("--distinct-titles")) corpus = corpus.withDistinctTitles();
        Manifest m = corpus.writeTo(dir);
        System.out.println("Wrote " + m.describe());
        System.out.println("Manifest: " + dir.resolve(MANIFEST_FILE));
    }

    // ---------------------------------------------------------------------------------------
    // Fixed files: images and include files

    private static final String[] IMAGES = {"network-path.png", "portal-overview.png", "boot-diagnostics.png",
            "metrics-chart.png", "nsg-rules.png", "support-request.png"};
    private static final String[] INCLUDES = {"portal-sign-in.md", "support-plan-note.md", "collect-logs.md",
            "network-checklist.md", "sovereign-clouds.md", "diagram.md"};

    /** A valid 1×1 PNG: the images exist, so a link checker finds them. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89, 0, 0, 0, 0x0A, 'I',
            'D', 'A', 'T', 0x78, (byte) 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, (byte) 0xB4, 0, 0, 0, 0,
            'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private List<String> writeFixedFiles(Path dir) throws IOException {
        Path media = dir.resolve("articles/media");
        Files.createDirectories(media);
        for (String image : IMAGES) Files.write(media.resolve(image), PNG);
        Path includes = dir.resolve("includes");
        Files.createDirectories(includes);
        String[] texts = {
            """
            Sign in to the [{{cloud.name}} portal]({{cloud.portalUrl}}) with an account that has at least the \
            Reader role on the subscription.
            """,
            """
            > [!NOTE]
            > Technical support for this scenario needs a support plan. Billing and subscription support is \
            included with every subscription.
            """,
            """
            **Collect the logs**

            Run the following command and attach its output to the support request:

            ```bash
            # collect the last hour of platform logs
            az monitor activity-log list --offset 1h --output json > activity-log.json
            ```
            """,
            """
            Before you change anything, check the basics:

            | Check | Where | Expected |
            |---|---|---|
            | DNS resolution | `nslookup` from the client | the private address |
            | Route table | the subnet's effective routes | no 0.0.0.0/0 to an appliance |
            | Network security group | inbound rules | the port is allowed |

            [!INCLUDE [Sign in to the portal](portal-sign-in.md)]
            """,
            """
            ::: cloud include="fairfax,mooncake,usnat,ussec"
            In {{cloud.name}}, some features reach general availability later than in global Azure. See \
            the [documentation]({{cloud.docsUrl}}) for the features available in your cloud.
            ::: cloud-end

            ::: cloud exclude="fairfax,mooncake,usnat,ussec"
            Every feature described here is available in {{cloud.name}}.
            ::: cloud-end
            """,
            """
            ![Diagram of the request path from the client through the load balancer to the back end](../articles/media/network-path.png)
            """,
        };
        List<String> written = new ArrayList<>();
        for (int i = 0; i < INCLUDES.length; i++) {
            Files.writeString(includes.resolve(INCLUDES[i]), texts[i], StandardCharsets.UTF_8);
            written.add("includes/" + INCLUDES[i]);
        }
        return written;
    }

    // ---------------------------------------------------------------------------------------
    // Vocabulary

    private record Service(String namespace, String resource, String folder, String noun, String team) {
    }

    private static final Service[] SERVICES = {
        new Service("microsoft.compute", "virtualmachines", "compute", "virtual machine", "Compute_VM"),
        new Service("microsoft.compute", "virtualmachinescalesets", "compute", "scale set", "Compute_VMSS"),
        new Service("microsoft.network", "bastionhosts", "network", "Bastion host", "CloudNet_Bastion"),
        new Service("microsoft.network", "loadbalancers", "network", "load balancer", "CloudNet_LB"),
        new Service("microsoft.storage", "storageaccounts", "storage", "storage account", "Storage_XStore"),
        new Service("microsoft.web", "sites", "app-service", "web app", "AppService_Web"),
        new Service("microsoft.sql", "servers", "sql", "SQL database", "Data_SQL"),
        new Service("microsoft.keyvault", "vaults", "key-vault", "key vault", "Security_KeyVault"),
        new Service("microsoft.containerservice", "managedclusters", "aks", "AKS cluster", "Containers_AKS"),
        new Service("microsoft.insights", "components", "monitor", "Application Insights resource", "Monitor_AI"),
        new Service("microsoft.recoveryservices", "vaults", "backup", "Recovery Services vault", "Backup_RS"),
        new Service("", "billing", "billing", "invoice", "Commerce_Billing"),
    };

    private static final String[] PROBLEMS = {"fails to start", "is unreachable after a configuration change",
        "returns HTTP 500 errors", "deployment times out", "cannot connect from an on-premises network",
        "shows high latency", "rejects sign-in with an expired certificate", "scale operation is stuck",
        "backup job fails", "reports quota exceeded", "is slow after an update", "loses its private DNS records",
        "cannot be deleted", "shows a failed provisioning state", "drops connections under load"};

    /** {@link #withDistinctTitles}: ten products or features per service of {@link #SERVICES}, in its order. */
    private static final String[][] PRODUCTS = {
        {"hypervisor", "bootloader", "sysprep", "hibernation", "vmagent", "serialconsole", "hotpatch", "trustedlaunch",
            "ephemeral", "proximity"},
        {"autoscale", "orchestrator", "overprovisioning", "rollingupgrade", "instanceprotection", "healthprobe",
            "spotpriority", "flexmode", "zonebalance", "faultdomain"},
        {"bastion", "tunneling", "shareablelink", "kerberos", "copypaste", "nativeclient", "jumpbox", "rdpproxy",
            "sshkeys", "sessionrecording"},
        {"frontend", "backendpool", "outbound", "snat", "floatingip", "hashmode", "crossregion", "inboundnat",
            "probes", "gwlb"},
        {"blob", "fileshare", "queue", "tables", "datalake", "lifecycle", "immutability", "sftp", "nfs", "objectreplication"},
        {"slots", "kudu", "easyauth", "webjobs", "appsettings", "vnetintegration", "hybridconnection", "customdomain",
            "containerapp", "zipdeploy"},
        {"elasticpool", "hyperscale", "geoseeding", "ledger", "tempdb", "autotuning", "failovergroup", "elasticjobs",
            "serverless", "longtermretention"},
        {"hsm", "softdelete", "keyrotation", "rbac", "accesspolicy", "purgeprotection", "certificates", "secrets",
            "privatelink", "eventgrid"},
        {"kubelet", "nodepool", "ingress", "coredns", "kubenet", "azurecni", "karpenter", "workloadidentity", "helm",
            "containerd"},
        {"telemetry", "sampling", "livemetrics", "availability", "profiler", "snapshotdebugger", "workbooks",
            "opentelemetry", "kusto", "smartdetection"},
        {"mars", "crossregionrestore", "cloudtier", "mabs", "instantrestore", "archivetier", "sapbackup",
            "itemlevelrestore", "backuppolicy", "vaultlock"},
        {"invoice", "reservation", "savingsplan", "creditcard", "refund", "budget", "costexport", "marketplace",
            "purchaseorder", "taxexemption"},
    };
    private static final String[] SYMPTOMS = {"fails", "hangs", "stalls", "crashes", "freezes", "reboots",
        "disconnects", "throttles", "degrades", "stops", "halts", "lags", "flaps", "leaks", "duplicates", "truncates",
        "corrupts", "rejects", "refuses", "ignores", "blocks", "skips", "loses", "expires", "reverts", "desyncs",
        "spikes", "deadlocks", "overflows", "retries", "aborts", "panics", "mismatches", "evicts", "orphans",
        "misreports", "overwrites", "drops", "delays", "loops", "resets", "denies", "misroutes", "overcharges",
        "underreports", "blanks", "garbles", "pauses", "vanishes", "reorders", "strands", "splits", "locks",
        "miscounts", "rollbacks", "reissues", "detaches", "unmounts", "forgets", "misaligns", "stutters", "saturates",
        "starves", "wedges", "misfires", "mislabels", "misparses", "outgrows", "overruns", "oscillates", "regresses",
        "rejoins", "relogs", "resurfaces", "reverses", "shrinks", "skews", "slows", "spins", "tangles"};
    private static final String[] QUALIFIERS = {"stale", "orphaned", "duplicate", "expired", "missing", "corrupted",
        "regional", "zonal", "secondary", "primary", "pending", "partial", "encrypted", "unsigned", "oversized",
        "truncated", "cached", "rotated", "inherited", "delegated", "nested", "shared", "dedicated", "ephemeral",
        "persistent", "scheduled", "manual", "automatic", "legacy", "preview", "federated", "anonymous", "outbound",
        "inbound", "wildcard", "compressed", "incremental", "differential", "throttled", "concurrent", "idle",
        "detached", "unmanaged", "premium", "standard", "basic", "reserved", "spot", "burstable", "isolated",
        "peered", "hybrid", "sovereign", "internal", "external", "transient", "recurring", "bulk", "single", "default",
        "readonly", "writable", "versioned", "unversioned", "archived", "soft", "hard", "signed", "selfsigned",
        "wildcarded", "localized", "translated", "masked", "unmasked", "redacted", "hashed", "salted", "pinned",
        "unpinned", "mirrored"};
    private static final String[] OBJECTS = {"thumbprint", "lease", "snapshot", "checkpoint", "handshake",
        "heartbeat", "manifest", "kubeconfig", "webhook", "sidecar", "tenant", "principal", "keytab", "cookie",
        "nonce", "jwks", "watermark", "offset", "partition", "shard", "replica", "journal", "tombstone", "bookmark",
        "cursor", "sequence", "batch", "payload", "attachment", "header", "trailer", "chunk", "segment", "volume",
        "mountpoint", "inode", "symlink", "hostname", "cname", "ptr", "mx", "txt", "ipconfig", "nic", "route",
        "prefix", "asn", "vlan", "mtu", "socket", "listener", "callback", "trigger", "binding", "schedule", "cron",
        "timer", "counter", "quotaid", "meter", "sku", "tag", "label", "annotation", "taint", "toleration",
        "affinity", "selector", "secretref", "configmap", "envvar", "argument", "template", "parameter", "output",
        "artifact", "registry", "digest", "signature", "attestation", "enclave", "keyslot", "passphrase",
        "mnemonic", "recoverykey", "bitlocker", "tpm", "uefi", "bios", "kernel", "initrd", "grub", "fstab",
        "swapfile", "pagefile", "crashdump", "minidump", "eventlog", "auditlog", "flowlog", "packetcapture"};
    private static final String[] TRIGGERS = {"failover", "failback", "reboot", "resize", "redeploy", "rollover",
        "upgrade", "downgrade", "migration", "restore", "reimage", "deallocation", "scaleout", "scalein", "patching",
        "renewal", "rotation", "onboarding", "offboarding", "cutover", "rebalance", "reindex", "compaction",
        "hydration", "rehydration", "checkout", "signin", "signout", "handoff", "throttling", "maintenance",
        "livemigration", "coldstart", "warmup", "shutdown", "startup", "import", "export", "cloning", "tiering",
        "archiving", "purge", "sync", "resync", "enrollment", "provisioning", "deprovisioning", "decommission",
        "recertification", "reconciliation"};
    private static final String[] REGIONS = {"eastus", "eastus2", "westus", "westus2", "westus3", "centralus",
        "northcentralus", "southcentralus", "westcentralus", "canadacentral", "canadaeast", "brazilsouth",
        "northeurope", "westeurope", "uksouth", "ukwest", "francecentral", "germanywestcentral", "norwayeast",
        "switzerlandnorth", "swedencentral", "polandcentral", "italynorth", "spaincentral", "uaenorth",
        "qatarcentral", "israelcentral", "southafricanorth", "centralindia", "southindia", "westindia",
        "eastasia", "southeastasia", "japaneast", "japanwest", "koreacentral", "koreasouth", "australiaeast",
        "australiasoutheast", "australiacentral", "newzealandnorth", "chinanorth3", "chinaeast2", "usgovvirginia",
        "usgovarizona", "usgovtexas", "usdodeast", "usdodcentral", "mexicocentral", "chilecentral"};
    private static final String[] CODE_PREFIXES = {"AADSTS", "VMExtensionProvisioningError", "AuthorizationFailed",
        "ERR", "KV", "SQL", "BLOB", "MSAL"};

    private static final String[] WORDS = {"the", "resource", "network", "subscription", "portal", "client",
        "request", "configuration", "deployment", "service", "endpoint", "certificate", "policy", "role",
        "group", "region", "quota", "latency", "timeout", "connection", "address", "subnet", "gateway",
        "firewall", "rule", "identity", "token", "secret", "key", "storage", "account", "container", "image",
        "agent", "extension", "log", "metric", "alert", "diagnostic", "setting", "update", "restart",
        "operation", "status", "error", "message", "value", "limit", "tier", "plan", "instance", "node",
        "cluster", "pool", "disk", "snapshot", "backup", "vault", "replica", "database", "query", "index",
        "after", "before", "when", "if", "then", "check", "verify", "open", "select", "confirm", "review",
        "change", "remove", "add", "enable", "disable", "create", "delete", "wait", "retry", "usually",
        "often", "sometimes", "every", "each", "new", "existing", "private", "public", "managed", "custom",
        "default", "required", "optional", "affected", "healthy", "unhealthy", "a", "an", "of", "in", "on",
        "to", "from", "with", "for", "and", "or", "is", "are", "was", "can", "must", "should", "may"};
    /** Words outside Latin-1's ASCII part, used by one article in five (most support content is ASCII). */
    private static final String[] UNICODE_WORDS = {"configuración", "référence", "überprüfen", "naïve", "—",
        "“quoted”", "Azure™", "日本語"};

    private static final String[] H2 = {"Symptoms", "Cause", "Resolution", "Collect diagnostic logs",
        "Check the network security group", "Verify the role assignments", "Next steps", "More information",
        "Before you begin", "Known issues", "What's next?", "Workaround"};
    private static final String UNICODE_H2 = "Überprüfen der Konfiguration";
    private static final String[] H3 = {"Option 1: Restart the resource", "Option 2: Redeploy",
        "Check the activity log", "Review the metrics", "Confirm the DNS settings", "Step 1: Sign in",
        "Step 2: Open the resource", "Step 3: Apply the fix", "Using the Azure CLI", "Using PowerShell"};
    private static final String[] TYPO_ATTRIBUTES = {"authros", "resourceTgas", "dispalyOrder", "categroy",
        "ms.autor", "articleTag"};
    private static final String[] CLOUD_TYPOS = {"fairfx", "mooncak", "usnet", "pubilc", "usecc", "blackforrest"};
    private static final String[] VARIABLE_TYPOS = {"portalURL", "docUrl", "portal", "displayName"};
    private static final String[] ALERTS = {"NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"};
    private static final String[] AUTHORS = {"jdoe", "asmith", "mgarcia", "lchen", "pkumar", "rnovak", "tkim"};
    private static final String[] AREAS = {"virtual-machines", "storage", "networking", "app-service",
        "azure-sql", "key-vault", "aks", "azure-monitor", "backup", "cost-management-billing"};
    private static final String[] TOPICS = {"overview", "troubleshoot", "quickstart", "best-practices", "limits",
        "faq", "monitor", "security-baseline", "move-region", "pricing"};
    private static final String[] CONTROL_TYPES = {"textbox", "multilinetextbox", "dropdown",
        "multiselectdropdown", "radiobuttongroup", "checkbox", "datetimepicker", "infoblock"};
    private static final Set<String> CHOICE_CONTROLS = Set.of("dropdown", "multiselectdropdown", "radiobuttongroup");

    // ---------------------------------------------------------------------------------------
    // Generation

    private record Written(String path, List<String> clouds, byte[] bytes) {
    }

    private Random random(int index, long salt) {
        return new Random(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + salt);
    }

    /** One run of the generator: the plan (kinds and defects) and what earlier articles left for later ones. */
    private final class Generation {
        final String[] kinds = new String[count];
        final Defect[] plan = new Defect[count];
        final int[] partner = new int[count];
        final String[] paths = new String[count];
        final String[][] anchors = new String[count][];
        final byte[] clouds = new byte[count];
        final String[] articleIds = new String[count];
        final int[] idLines = new int[count];
        final List<Expected> expected = new ArrayList<>();
        final List<RealWorld> realWorld = new ArrayList<>();
        /** The service folders articles go to: the twelve services, or 600 folders in the repository shape. */
        final Service[] services = repositoryShape ? repositoryServices() : SERVICES;

        Generation() {
            for (int i = 0; i < count; i++) {
                Random r = random(i, 1);
                kinds[i] = i < KINDS.size() ? KINDS.get(i) : KINDS.get(weighted(r, KIND_WEIGHTS));
                partner[i] = -1;
                if (r.nextDouble() < defectRate) plan[i] = pickDefect(i, r);
            }
        }

        private Defect pickDefect(int i, Random r) {
            boolean json = JSON_KINDS.contains(kinds[i]);
            List<Defect> applicable = new ArrayList<>();
            for (Defect d : defects) {
                if (d == Defect.INVALID_JSON && !json) continue;
                if (d == Defect.MISSING_H1 && json) continue;
                if (d == Defect.DUPLICATE_ARTICLE_ID && cleanBefore(i) < 0) continue;
                applicable.add(d);
            }
            if (applicable.isEmpty()) return null;
            Defect d = applicable.get(r.nextInt(applicable.size()));
            if (d == Defect.DUPLICATE_ARTICLE_ID) partner[i] = cleanBefore(i);
            return d;
        }

        /** The nearest earlier article without a defect, or -1. */
        private int cleanBefore(int i) {
            for (int j = i - 1; j >= 0 && j >= i - 64; j--) {
                if (plan[j] == null) return j;
            }
            return -1;
        }

        Written article(int i) {
            Random r = random(i, 2);
            ArticleWriter w = new ArticleWriter(this, i, r);
            Written written = w.write();
            paths[i] = written.path;
            return written;
        }

        /** Lists real-world content, unless the article's properties block does not parse (then nothing is checked). */
        void realWorld(Defect articleDefect, RealWorld w) {
            if (articleDefect != Defect.PROPERTIES_SYNTAX) realWorld.add(w);
        }

        void expect(Defect d, String path, int line, int column) {
            expected.add(new Expected(d, d.ruleId(), path, line, column));
        }
    }

    /** Folders named after the twelve services ({@code compute}, then {@code compute-1}, …): same metadata, own folder. */
    private static Service[] repositoryServices() {
        Service[] services = new Service[REPOSITORY_FOLDERS];
        for (int s = 0; s < services.length; s++) {
            Service base = SERVICES[s % SERVICES.length];
            int n = s / SERVICES.length;
            // Two services share a folder among the twelve (compute, network): number the rest by s, not n.
            services[s] = n == 0 ? base : new Service(base.namespace(), base.resource(), base.folder() + "-" + s,
                    base.noun(), base.team());
        }
        return services;
    }

    /** The index in {@link #SERVICES} of a service or of the one a repository-shaped folder copies. */
    private static int baseService(Service service) {
        for (int s = 0; s < SERVICES.length; s++) if (SERVICES[s].team().equals(service.team())) return s;
        throw new IllegalStateException(service.team());
    }

    private static int weighted(Random r, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    private static <T> T pick(Random r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    /** Builds one article's text, keeping count of lines so that injected defects know their positions. */
    private final class ArticleWriter {
        private final Generation g;
        private final int i;
        private final Random r;
        private final String kind;
        private final Defect defect;
        private final Service service;
        private final String title;
        private final String path;
        private final String folder;
        private final StringBuilder out = new StringBuilder(4096);
        private final HeadingIds ids = new HeadingIds();
        private final List<String> anchors = new ArrayList<>();
        private int line = 1;
        private int propsEndLine;
        private int mask;
        private boolean defectPlaced;
        private int includesUsed;
        private int linksWritten;
        private final boolean unicode;

        ArticleWriter(Generation g, int i, Random r) {
            this.g = g;
            this.i = i;
            this.r = r;
            this.kind = g.kinds[i];
            this.defect = g.plan[i];
            this.service = g.services[r.nextInt(g.services.length)];
            this.folder = service.folder();
            this.unicode = r.nextInt(5) == 0;
            String shared = title(); // drawn in any case: the rest of the article takes the same random numbers
            this.title = distinctTitles ? distinctTitle(random(i, 3)) : shared;
            this.path = "articles/" + folder + "/" + slug(title) + "-" + i + ".md";
        }

        private String title() {
            String noun = service.noun();
            String t = noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1) + " " + pick(r, PROBLEMS);
            return r.nextInt(4) == 0 ? t + " in " + pick(r, new String[] {"production", "a new region",
                "a peered network", "the portal", "a scheduled job"}) : t;
        }

        /**
         * A title of {@link #withDistinctTitles}: "Product symptom with [qualifier ]object[ on trigger][ in region][ (code)]",
         * words joined only by stop words, so any two of them rarely stand together in another title.
         */
        private String distinctTitle(Random t) {
            String[] products = PRODUCTS[baseService(service)];
            StringBuilder sb = new StringBuilder(capitalize(pick(t, products)));
            sb.append(' ').append(pick(t, SYMPTOMS)).append(" with ");
            if (t.nextInt(4) > 0) sb.append(pick(t, QUALIFIERS)).append(' ');
            sb.append(pick(t, OBJECTS));
            if (t.nextInt(2) == 0) sb.append(" on ").append(pick(t, TRIGGERS));
            if (t.nextInt(10) < 3) sb.append(" in ").append(pick(t, REGIONS));
            int code = t.nextInt(10);
            if (code < 2) sb.append(" (0x8007").append(String.format(Locale.ROOT, "%04X", t.nextInt(0x10000))).append(')');
            else if (code < 4) sb.append(" (").append(pick(t, CODE_PREFIXES)).append(10000 + t.nextInt(90000)).append(')');
            return sb.toString();
        }

        Written write() {
            int target = targetSize();
            boolean bom = r.nextInt(100) == 0;
            boolean crlf = r.nextInt(50) == 0;
            List<String> cloudList = properties();
            g.clouds[i] = (byte) (defect == null ? mask : 0);
            String titleLine = (defect == Defect.MISSING_H1 ? "## " : "# ") + title;
            blank();
            heading(titleLine);
            blank();
            paragraph();
            if (kind.equals("serviceHealthInsights")) placeholders();
            if (JSON_KINDS.contains(kind)) jsonBody(target);
            int blocks = 0;
            int defectAt = defect == null ? -1 : r.nextInt(4);
            while (out.length() < target) {
                if (blocks == defectAt) placeBodyDefect();
                block();
                blocks++;
            }
            if (!defectPlaced) placeBodyDefect();
            if (repositoryShape) nextSteps();
            g.anchors[i] = anchors.toArray(String[]::new);
            String text = out.toString();
            if (crlf) text = text.replace("\n", "\r\n");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bom) {
                byte[] withBom = new byte[bytes.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, withBom, 3, bytes.length);
                bytes = withBom;
            }
            if (bytes.length > MAX_BYTES) throw new IllegalStateException(path + " is " + bytes.length + " bytes");
            return new Written(path, cloudList, bytes);
        }

        private int targetSize() {
            double size = repositoryShape ? Math.exp(Math.log(REPOSITORY_MEDIAN_TARGET) + REPOSITORY_SIGMA * r.nextGaussian())
                    : Math.exp(Math.log(MEDIAN_TARGET) + SIGMA * r.nextGaussian());
            return (int) Math.max(MIN_TARGET, Math.min(MAX_TARGET, size));
        }

        // --- text primitives

        private void add(String s) {
            out.append(s);
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) == '\n') line++;
            }
        }

        /** Writes one line; returns its line number. */
        private int ln(String s) {
            int at = line;
            add(s);
            add("\n");
            return at;
        }

        private void blank() {
            ln("");
        }

        private void heading(String text) {
            ln(text);
            int level = text.indexOf(' ');
            String plain = text.substring(level + 1);
            if (plain.endsWith(" ##")) plain = plain.substring(0, plain.length() - 3);
            String id = ids.next(plain);
            if (anchors.size() < 4) anchors.add(id);
        }

        // --- properties block

        private List<String> properties() {
            if (r.nextInt(20) == 0) ln("<!-- Synthetic article " + i + ". Generated; do not edit. -->");
            int propsLine = ln("<properties");
            Set<String> required = required();
            String missing = null;
            if (defect == Defect.MISSING_REQUIRED) {
                List<String> removable = new ArrayList<>(required);
                removable.removeAll(List.of("selfHelpType", "articleId", "cloudEnvironments"));
                missing = removable.get(r.nextInt(removable.size()));
                g.expect(defect, path, propsLine, 1);
            }
            String syntaxBroken = null;
            if (defect == Defect.PROPERTIES_SYNTAX) {
                syntaxBroken = pick(r, new String[] {"resource", "ownershipId", "articleId", "selfHelpType"});
            }
            String badFormat = null;
            if (defect == Defect.BAD_FORMAT) {
                badFormat = service.namespace().isEmpty() || r.nextBoolean() ? "ownershipId" : "service";
            }

            List<String[]> attrs = new ArrayList<>();
            attrs.add(new String[] {"pageTitle", title});
            attrs.add(new String[] {"description", description()});
            attrs.add(new String[] {"service", service.namespace()});
            attrs.add(new String[] {"resource", service.resource()});
            if (r.nextInt(3) > 0) attrs.add(new String[] {"authors", authors()});
            if (r.nextInt(3) > 0) attrs.add(new String[] {"ms.author", pick(r, AUTHORS)});
            if (r.nextInt(5) == 0) attrs.add(new String[] {"displayOrder", String.valueOf(r.nextInt(200))});
            attrs.add(new String[] {"selfHelpType", kind});
            if (required.contains("supportTopicIds") || r.nextBoolean()) {
                attrs.add(new String[] {"supportTopicIds", ids(r, 1 + r.nextInt(3), 32600000, 100000)});
            }
            if (required.contains("productPesIds") || r.nextBoolean()) {
                attrs.add(new String[] {"productPesIds", r.nextInt(4) == 0 ? guid(r, i + 500_000_000_000L)
                        : ids(r, 1 + r.nextInt(2), 14000, 5000)});
            }
            List<String> cloudList = cloudList();
            attrs.add(new String[] {"cloudEnvironments", String.join(r.nextInt(5) == 0 ? "," : ", ", cloudList)});
            String disabled = disabledCloud(cloudList);
            if (disabled != null) attrs.add(new String[] {"disableClouds", disabled});
            String articleId = defect == Defect.DUPLICATE_ARTICLE_ID ? g.articleIds[g.partner[i]]
                    : r.nextInt(10) == 0 ? slug(title) + "-" + i : guid(r, i);
            attrs.add(new String[] {"articleId", articleId});
            attrs.add(new String[] {"ownershipId", service.team()});
            if (required.contains("diagnosticScenario")) {
                attrs.add(new String[] {"diagnosticScenario", service.folder().replace("-", "") + "Insight" + r.nextInt(50)});
            }
            if (required.contains("infoBubbleText")) {
                attrs.add(new String[] {"infoBubbleText", capitalize(sentence(8))});
            }
            if (required.contains("articleTags")) attrs.add(new String[] {"articleTags", "health, " + service.folder()});
            if (required.contains("schemaVersion")) attrs.add(new String[] {"schemaVersion", "1.0"});
            if (r.nextInt(6) == 0) attrs.add(new String[] {"resourceTags", service.resource() + ", troubleshooting"});
            String typo = null;
            if (defect == Defect.UNKNOWN_ATTRIBUTE) {
                typo = pick(r, TYPO_ATTRIBUTES);
                attrs.add(1 + r.nextInt(attrs.size() - 1), new String[] {typo, "value-" + i});
            }

            for (String[] a : attrs) {
                String name = a[0];
                String value = a[1];
                if (name.equals(missing)) continue;
                if (name.equals(badFormat)) {
                    value = name.equals("service") ? "Microsoft." + capitalize(service.namespace().substring(10))
                            : service.team().replace('_', '-');
                }
                if (name.equals("cloudEnvironments") && defect == Defect.UNKNOWN_CLOUD) {
                    String cloudTypo = pick(r, CLOUD_TYPOS);
                    value = value + ", " + cloudTypo;
                    g.expect(defect, path, line, name.length() + 4 + value.lastIndexOf(cloudTypo)); // appended last: "mooncak" is also inside "mooncake"
                }
                if (name.equals(syntaxBroken)) {
                    g.expect(defect, path, ln("\t" + name + "=" + value), name.length() + 3);
                    continue;
                }
                boolean loose = !name.equals(badFormat) && !name.equals("cloudEnvironments") && !name.equals("articleId")
                        && !name.equals("ownershipId") && r.nextInt(12) == 0;
                int at = loose ? ln("\t" + name + (r.nextBoolean() ? " = " : "\t=\t") + "\"" + value + "\"")
                        : ln("\t" + name + "=\"" + value + "\"");
                if (name.equals(badFormat)) g.expect(defect, path, at, name.length() + 4);
                if (name.equals(typo)) g.expect(defect, path, at, 2);
                if (name.equals("articleId")) {
                    g.articleIds[i] = value;
                    g.idLines[i] = at;
                    if (defect == Defect.DUPLICATE_ARTICLE_ID) {
                        int p = g.partner[i];
                        g.expect(defect, path, at, name.length() + 4);
                        g.expect(defect, g.paths[p], g.idLines[p], name.length() + 4);
                    }
                }
            }
            propsEndLine = ln("/>");
            return cloudList;
        }

        private Set<String> required() {
            Set<String> req = new java.util.LinkedHashSet<>(List.of("pageTitle", "selfHelpType", "articleId",
                    "cloudEnvironments", "ownershipId"));
            switch (kind) {
                case "generic" -> req.addAll(List.of("description", "service", "resource", "supportTopicIds", "productPesIds"));
                case "tsg_content" -> req.addAll(List.of("description", "service", "resource"));
                case "resource" -> req.addAll(List.of("service", "resource"));
                case "rca" -> req.addAll(List.of("description", "service", "resource", "diagnosticScenario", "infoBubbleText"));
                case "diagnostics" -> req.addAll(List.of("description", "diagnosticScenario", "infoBubbleText"));
                case "serviceHealthInsights" -> req.addAll(List.of("description", "diagnosticScenario", "infoBubbleText",
                        "articleTags"));
                case "problemScopingQuestions" -> req.addAll(List.of("description", "supportTopicIds", "productPesIds",
                        "schemaVersion"));
                case "supportTopicDescription" -> req.addAll(List.of("description", "productPesIds"));
                case "advisorRecommendationMetadata" -> req.add("description");
                default -> throw new IllegalStateException(kind);
            }
            if (service.namespace().isEmpty()) req.remove("service"); // empty is allowed, so removing it is no defect
            return req;
        }

        private String description() {
            String d = "What to check when a " + service.noun() + " " + pick(r, PROBLEMS);
            return switch (r.nextInt(10)) {
                case 0 -> d + ": causes &amp; fixes";
                case 1 -> d + ", and how to\n\t\tprevent it";
                default -> d;
            };
        }

        private String authors() {
            int n = 1 + r.nextInt(3);
            List<String> names = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String a = pick(r, AUTHORS);
                if (!names.contains(a)) names.add(a);
            }
            return String.join(", ", names);
        }

        private List<String> cloudList() {
            int m = 0;
            if (i == 0 || allClouds) {
                m = 0b11111;
            } else {
                for (int c = 0; c < CLOUDS.size(); c++) {
                    if (r.nextDouble() < (repositoryShape ? REPOSITORY_CLOUD_ODDS : CLOUD_ODDS)[c]) m |= 1 << c;
                }
                if (m == 0) m = 1;
            }
            mask = m;
            List<String> list = new ArrayList<>();
            for (int c = 0; c < CLOUDS.size(); c++) {
                if ((m & (1 << c)) != 0) list.add(r.nextInt(100) == 0 ? capitalize(CLOUDS.get(c)) : CLOUDS.get(c));
            }
            return list;
        }

        private String disabledCloud(List<String> cloudList) {
            if (allClouds || cloudList.size() < 2 || r.nextInt(25) != 0) return null;
            String off = cloudList.get(1 + r.nextInt(cloudList.size() - 1));
            mask &= ~(1 << CLOUDS.indexOf(off.toLowerCase(Locale.ROOT)));
            return off;
        }

        // --- body blocks

        private void block() {
            if (realWorldContent && r.nextInt(10) == 0) {
                partialVariable();
                return;
            }
            int k = r.nextInt(100);
            if (k < 28) {
                paragraph();
            } else if (k < 38) {
                heading(r.nextInt(40) == 0 ? "## " + h2() + " ##" : "## " + h2());
                blank();
            } else if (k < 45) {
                heading("### " + pick(r, H3));
                blank();
            } else if (k < 52) {
                list(false);
            } else if (k < 56) {
                list(true);
            } else if (k < 58) {
                taskList();
            } else if (k < 64) {
                table();
            } else if (k < 71) {
                code();
            } else if (k < 76) {
                alert();
            } else if (k < 78) {
                ln("> [AZURE." + pick(r, new String[] {"NOTE", "TIP", "IMPORTANT", "WARNING"}) + "] " + capitalize(sentence(10)));
                blank();
            } else if (k < 82) {
                cloudBlock();
            } else if (k < 84) {
                include();
            } else if (k < 88) {
                image();
            } else if (k < 95) {
                links();
            } else if (k < 98) {
                variables();
            } else if (k < 99 && !JSON_KINDS.contains(kind)) {
                setextHeading();
            } else if (kind.equals("serviceHealthInsights")) {
                placeholders();
            } else {
                portalLinks();
            }
        }

        private void paragraph() {
            int sentences = 1 + r.nextInt(5);
            boolean perLine = r.nextBoolean();
            StringBuilder p = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                if (s > 0) p.append(perLine ? "\n" : " ");
                p.append(richSentence());
            }
            ln(p.toString());
            blank();
        }

        private String richSentence() {
            int n = 6 + r.nextInt(14);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                if (k > 0) sb.append(' ');
                String w = word();
                switch (r.nextInt(40)) {
                    case 0 -> sb.append("**").append(w).append("**");
                    case 1 -> sb.append('_').append(w).append('_');
                    case 2 -> sb.append('`').append(w).append("-").append(r.nextInt(10)).append('`');
                    case 3 -> sb.append("~~").append(w).append("~~");
                    default -> sb.append(k == 0 ? capitalize(w) : w);
                }
            }
            if (r.nextInt(30) == 0) sb.append(" (use `![](image.png)` only in drafts)");
            return sb.append('.').toString();
        }

        private String word() {
            return unicode && r.nextInt(25) == 0 ? pick(r, UNICODE_WORDS) : pick(r, WORDS);
        }

        private String h2() {
            return unicode && r.nextInt(8) == 0 ? UNICODE_H2 : pick(r, H2);
        }

        private String sentence(int words) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < words; k++) {
                if (k > 0) sb.append(' ');
                sb.append(word());
            }
            return sb.toString();
        }

        private void list(boolean numbered) {
            int n = 2 + r.nextInt(5);
            for (int k = 0; k < n; k++) {
                ln((numbered ? (k + 1) + ". " : pick(r, new String[] {"- ", "* ", "+ "})) + capitalize(sentence(4 + r.nextInt(8))) + ".");
                if (r.nextInt(5) == 0) ln("   - " + sentence(5));
            }
            blank();
        }

        private void taskList() {
            int n = 2 + r.nextInt(4);
            for (int k = 0; k < n; k++) ln("- [" + (r.nextBoolean() ? "x" : " ") + "] " + capitalize(sentence(5)));
            blank();
        }

        private void table() {
            int cols = 2 + r.nextInt(3);
            int rows = 2 + r.nextInt(8);
            StringBuilder head = new StringBuilder("|");
            StringBuilder sep = new StringBuilder("|");
            for (int c = 0; c < cols; c++) {
                head.append(' ').append(capitalize(word())).append(" |");
                sep.append(pick(r, new String[] {"---", ":---", ":---:", "---:"})).append('|');
            }
            ln(head.toString());
            ln(sep.toString());
            for (int k = 0; k < rows; k++) {
                StringBuilder row = new StringBuilder("|");
                for (int c = 0; c < cols; c++) row.append(' ').append(sentence(1 + r.nextInt(4))).append(" |");
                ln(row.toString());
            }
            blank();
        }

        private void code() {
            String fence = pick(r, new String[] {"```", "```", "~~~", "````"});
            String lang = pick(r, new String[] {"bash", "azurecli", "powershell", "json", "console", ""});
            ln(fence + lang);
            int n = 2 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                ln(switch (r.nextInt(9)) {
                    case 0 -> "# " + sentence(4);
                    case 1 -> "az vm show --resource-group rg-" + r.nextInt(100) + " --name vm-" + r.nextInt(1000);
                    case 2 -> "::: cloud include=\"nowhere\"";
                    case 3 -> "[!INCLUDE [not an include](../includes/not-there.md)]";
                    case 4 -> "curl -s {{cloud.portalUrl}}/health";
                    case 5 -> fence.equals("````") ? "```" : "  \"key\": \"" + sentence(2) + "\",";
                    case 6 -> "![](not-an-image.png)";
                    default -> "Get-AzResource -Name '" + word() + "' | Format-List";
                });
            }
            ln(fence);
            blank();
        }

        private void alert() {
            ln("> [!" + pick(r, ALERTS) + "]");
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) ln("> " + capitalize(sentence(6 + r.nextInt(10))) + ".");
            blank();
        }

        private void cloudBlock() {
            List<String> chosen = new ArrayList<>();
            for (String c : CLOUDS) {
                if (r.nextInt(3) == 0) chosen.add(c);
            }
            if (chosen.isEmpty()) chosen.add("fairfax");
            ln("::: cloud " + (r.nextBoolean() ? "include" : "exclude") + "=\"" + String.join(",", chosen) + "\"");
            ln("In {{cloud.name}}, " + sentence(8 + r.nextInt(8)) + ".");
            if (r.nextBoolean()) {
                blank();
                list(false);
            }
            ln("::: cloud-end");
            blank();
        }

        private void include() {
            if (includesUsed++ >= 2) {
                paragraph();
                return;
            }
            String name = pick(r, INCLUDES);
            ln("[!INCLUDE [" + capitalize(sentence(3)) + "](../../includes/" + name + ")]");
            blank();
        }

        private void image() {
            String src = "../media/" + pick(r, IMAGES);
            String alt = capitalize(sentence(3 + r.nextInt(6)));
            ln(r.nextInt(4) == 0 ? "<img src=\"" + src + "\" alt=\"" + alt + "\" width=\"600\">"
                    : "![" + alt + "](" + src + (r.nextInt(5) == 0 ? " \"" + sentence(2) + "\"" : "") + ")");
            blank();
        }

        private void links() {
            StringBuilder p = new StringBuilder(capitalize(sentence(4)));
            String internal = internalLink();
            if (internal != null) p.append(" ").append(internal);
            p.append(" ").append(sentence(5)).append(".");
            boolean airGapped = (mask & AIR_GAPPED) != 0;
            linksWritten += internal == null ? 1 : 2;
            if (realWorldContent && r.nextInt(3) == 0) {
                // A link to a team's internal site, as authors paste them; unreachable from an air-gapped cloud.
                String url = INTERNAL_HOST + pick(r, AREAS) + "/" + pick(r, TOPICS) + ".aspx";
                p.append(" Internal notes: ");
                airGappedLink(p, "[" + sentence(2) + "](" + url + ")", url, airGapped);
                p.append(".");
                linksWritten++;
            }
            if (realWorldContent && airGapped && r.nextBoolean()) {
                // A documentation link written for public Azure in an article the air-gapped clouds publish too.
                String url = pick(r, DOCS_HOSTS) + pick(r, AREAS) + "/" + pick(r, TOPICS);
                p.append(" See ");
                airGappedLink(p, "[" + sentence(2) + "](" + url + ")", url, true);
                ln(p.append('.').toString());
            } else if (airGapped) {
                ln(p.toString());
                blank();
                ln("::: cloud exclude=\"usnat,ussec\"");
                ln("See " + externalLink() + " for " + sentence(4) + ".");
                ln("::: cloud-end");
            } else {
                ln(p.append(" See ").append(externalLink()).append('.').toString());
            }
            blank();
        }

        /** Appends a link; when the article is published to an air-gapped cloud, lists it as real-world content. */
        private void airGappedLink(StringBuilder p, String link, String url, boolean airGapped) {
            if (airGapped) {
                List<String> in = new ArrayList<>();
                for (int c = 3; c < CLOUDS.size(); c++) {
                    if ((mask & (1 << c)) != 0) in.add(CLOUDS.get(c));
                }
                g.realWorld(defect, new RealWorld("link/air-gapped", path, line, p.length() + 1, url + " " + String.join(",", in)));
            }
            p.append(link);
        }

        /**
         * A variable defined only in some clouds: mostly inside a {@code ::: cloud} block of those clouds,
         * once in four written bare, which is a problem wherever the article is published elsewhere.
         */
        private void partialVariable() {
            List<String> names = new ArrayList<>(PARTIAL_VARIABLES.keySet());
            String name = names.get(r.nextInt(names.size()));
            List<String> definedIn = PARTIAL_VARIABLES.get(name);
            String prefix = capitalize(sentence(3)) + " ";
            String use = prefix + "{{cloud." + name + "}} " + sentence(3) + ".";
            if (r.nextInt(4) > 0) {
                ln("::: cloud include=\"" + String.join(",", definedIn) + "\"");
                ln(use);
                ln("::: cloud-end");
            } else {
                int at = ln(use);
                List<String> missing = new ArrayList<>();
                for (int c = 0; c < CLOUDS.size(); c++) {
                    if ((mask & (1 << c)) != 0 && !definedIn.contains(CLOUDS.get(c))) missing.add(CLOUDS.get(c));
                }
                if (!missing.isEmpty()) {
                    g.realWorld(defect, new RealWorld("variable/unknown", path, at, prefix.length() + 1,
                            name + " " + String.join(",", missing)));
                }
            }
            blank();
        }

        /** The repository shape's closing list of links, up to a per-article number around {@link #REPOSITORY_LINKS}. */
        private void nextSteps() {
            int wanted = r.nextInt(2 * REPOSITORY_LINKS) - linksWritten; // 0..5: with the body's links, about 3
            if (wanted <= 0) return;
            boolean airGapped = (mask & AIR_GAPPED) != 0;
            List<String> items = new ArrayList<>();
            for (int k = 0; k < wanted; k++) {
                String link = internalLink();
                if (link == null && !airGapped) link = externalLink();
                if (link != null) items.add(link);
            }
            if (items.isEmpty()) return;
            heading("## Next steps");
            blank();
            for (String item : items) ln("- " + item);
            blank();
        }

        private String internalLink() {
            if (i == 0) return null;
            for (int attempt = 0; attempt < 8; attempt++) {
                int j = r.nextInt(i);
                if (g.plan[j] != null || g.clouds[j] == 0 || (g.clouds[j] & mask) != mask) continue;
                String[] targetAnchors = g.anchors[j];
                String target = g.paths[j];
                String targetFolder = target.substring("articles/".length(), target.lastIndexOf('/'));
                String file = target.substring(target.lastIndexOf('/') + 1);
                String rel = targetFolder.equals(folder) ? (r.nextBoolean() ? file : "./" + file)
                        : "../" + targetFolder + "/" + file;
                if (targetAnchors.length > 0 && r.nextInt(3) > 0) {
                    rel += "#" + targetAnchors[r.nextInt(targetAnchors.length)];
                }
                return "[" + sentence(3) + "](" + rel + ")";
            }
            return null;
        }

        private String externalLink() {
            String base = externalBases.get(r.nextInt(externalBases.size()));
            String url = base + pick(r, AREAS) + "/" + pick(r, TOPICS);
            return r.nextInt(10) == 0 ? "<" + url + ">" : "[" + sentence(2) + "](" + url + ")";
        }

        private void variables() {
            linksWritten++;
            ln("Open the [{{cloud.name}} portal]({{cloud.portalUrl}}) or read the {{ cloud.docsUrl }} pages on "
                    + sentence(3) + ".");
            blank();
        }

        private void setextHeading() {
            String text = h2();
            ln(text);
            ln(r.nextBoolean() ? "---" : "-------------");
            String id = ids.next(text);
            if (anchors.size() < 4) anchors.add(id);
            blank();
        }

        private void placeholders() {
            String name = pick(r, new String[] {"impactStart", "impactedRegions", "trackingId", "mitigation"});
            ln("**" + capitalize(name) + "**: <!--$" + name + "-->" + sentence(4) + "<!--/$" + name + "-->");
            blank();
        }

        private void portalLinks() {
            linksWritten += 2;
            ln("[Open the resource](data-blade:Microsoft_Azure_" + capitalize(service.folder().replace("-", ""))
                    + ".ResourceBlade.resourceId." + r.nextInt(1000) + ") or [create a support request]"
                    + "(button-link:{{cloud.portalUrl}}/#create/Microsoft.Support).");
            blank();
        }

        // --- JSON bodies

        private void jsonBody(int target) {
            List<String> json = switch (kind) {
                case "problemScopingQuestions" -> form(target);
                case "supportTopicDescription" -> topicDescription(target);
                default -> advisorMetadata(target);
            };
            ln("---");
            int first = line;
            if (defect == Defect.INVALID_JSON) breakJson(json, first);
            for (String l : json) ln(l);
            ln("---");
            blank();
            if (defect == Defect.INVALID_JSON) defectPlaced = true;
        }

        private int elements(int target, int each) {
            return Math.max(2, Math.min(60, (target - 1400) / each));
        }

        private List<String> form(int target) {
            List<String> l = new ArrayList<>();
            l.add("{");
            l.add("  \"$schema\": \"SelfHelpContent\",");
            l.add("  \"subscriptionRequired\": " + r.nextBoolean() + ",");
            l.add("  \"resourceRequired\": " + r.nextBoolean() + ",");
            l.add("  \"title\": \"" + title + "\",");
            l.add("  \"fileAttachmentHint\": \"\",");
            l.add("  \"formElements\": [");
            int n = elements(target, 260);
            for (int k = 0; k < n; k++) {
                String type = k == 0 ? "datetimepicker" : pick(r, CONTROL_TYPES);
                l.add("    {");
                l.add("      \"id\": \"" + (k == 0 ? "problem_start_time" : "question_" + k) + "\",");
                l.add("      \"order\": " + (k + 1) + ",");
                l.add("      \"controlType\": \"" + type + "\",");
                l.add("      \"displayLabel\": \"" + capitalize(sentence(4 + r.nextInt(6))) + "?\",");
                if (CHOICE_CONTROLS.contains(type)) {
                    l.add("      \"dropdownOptions\": [");
                    int options = 2 + r.nextInt(4);
                    for (int o = 0; o < options; o++) {
                        l.add("        { \"value\": \"option_" + o + "\", \"text\": \"" + capitalize(sentence(3)) + "\" }"
                                + (o + 1 < options ? "," : ""));
                    }
                    l.add("      ],");
                }
                if (r.nextInt(4) == 0) l.add("      \"infoBalloonText\": \"" + sentence(6) + "\",");
                l.add("      \"required\": " + (k == 0 || r.nextBoolean()));
                l.add("    }" + (k + 1 < n ? "," : ""));
            }
            l.add("  ]");
            l.add("}");
            return l;
        }

        private List<String> topicDescription(int target) {
            List<String> l = new ArrayList<>();
            l.add("{");
            l.add("  \"title\": \"" + title + "\",");
            l.add("  \"supportTopicId\": \"" + (32600000 + r.nextInt(100000)) + "\",");
            l.add("  \"keywords\": [\"" + word() + "\", \"" + word() + "\"],");
            l.add("  \"sections\": [");
            int n = elements(target, 180);
            for (int k = 0; k < n; k++) {
                l.add("    {");
                l.add("      \"heading\": \"" + capitalize(sentence(3)) + "\",");
                l.add("      \"text\": \"" + capitalize(sentence(12)) + ".\",");
                l.add("      \"order\": " + (k + 1));
                l.add("    }" + (k + 1 < n ? "," : ""));
            }
            l.add("  ]");
            l.add("}");
            return l;
        }

        private List<String> advisorMetadata(int target) {
            List<String> l = new ArrayList<>();
            l.add("{");
            l.add("  \"recommendationTypeId\": \"" + guid(r, i + 900_000_000_000L) + "\",");
            l.add("  \"category\": \"" + pick(r, new String[] {"HighAvailability", "Security", "Performance", "Cost"}) + "\",");
            l.add("  \"impact\": \"" + pick(r, new String[] {"High", "Medium", "Low"}) + "\",");
            l.add("  \"title\": \"" + title + "\",");
            l.add("  \"learnMoreLink\": \"" + externalBases.get(0) + pick(r, AREAS) + "/" + pick(r, TOPICS) + "\",");
            l.add("  \"actions\": [");
            int n = elements(target, 200);
            for (int k = 0; k < n; k++) {
                l.add("    {");
                l.add("      \"actionId\": \"action-" + k + "\",");
                l.add("      \"description\": \"" + capitalize(sentence(10)) + ".\",");
                l.add("      \"automated\": " + r.nextBoolean() + ",");
                l.add("      \"weight\": " + (r.nextInt(1000) / 10.0));
                l.add("    }" + (k + 1 < n ? "," : ""));
            }
            l.add("  ]");
            l.add("}");
            return l;
        }

        /** Breaks the JSON at one line in a way whose error position the parser reports exactly. */
        private void breakJson(List<String> json, int firstLine) {
            List<Integer> commaEnded = new ArrayList<>();
            List<Integer> lastInObject = new ArrayList<>();
            List<Integer> keyed = new ArrayList<>();
            for (int k = 1; k < json.size() - 1; k++) {
                String s = json.get(k);
                String next = json.get(k + 1).strip();
                if (s.endsWith(",") && next.startsWith("\"")) commaEnded.add(k);
                if (!s.endsWith(",") && !s.endsWith("{") && !s.endsWith("[") && next.startsWith("}")) lastInObject.add(k);
                if (s.strip().startsWith("\"") && s.contains("\":")) keyed.add(k);
            }
            int how = r.nextInt(3);
            if (how == 0 && !commaEnded.isEmpty()) {
                int k = commaEnded.get(r.nextInt(commaEnded.size()));
                json.set(k, json.get(k).substring(0, json.get(k).length() - 1));
                String next = json.get(k + 1);
                g.expect(defect, path, firstLine + k + 1, next.length() - next.stripLeading().length() + 1);
            } else if (how == 1 && !lastInObject.isEmpty()) {
                int k = lastInObject.get(r.nextInt(lastInObject.size()));
                json.set(k, json.get(k) + ",");
                String next = json.get(k + 1);
                g.expect(defect, path, firstLine + k + 1, next.length() - next.stripLeading().length() + 1);
            } else {
                int k = keyed.get(r.nextInt(keyed.size()));
                String s = json.get(k);
                int open = s.indexOf('"');
                int close = s.indexOf('"', open + 1);
                json.set(k, s.substring(0, open) + s.substring(open + 1, close) + s.substring(close + 1));
                g.expect(defect, path, firstLine + k, open + 1);
            }
        }

        // --- defects in the body

        private void placeBodyDefect() {
            if (defectPlaced || defect == null) return;
            defectPlaced = true;
            switch (defect) {
                case MISSING_H1 -> g.expect(defect, path, propsEndLine, 1);
                case MISSING_INCLUDE -> {
                    int at = ln("[!INCLUDE [" + capitalize(sentence(2)) + "](../../includes/missing-" + i + ".md)]");
                    g.expect(defect, path, at, 1);
                    blank();
                }
                case UNBALANCED_CLOUD_BLOCK -> {
                    if (r.nextBoolean()) {
                        int at = ln("::: cloud include=\"" + pick(r, CLOUDS.toArray(String[]::new)) + "\"");
                        ln(capitalize(sentence(6)) + ".");
                        blank();
                        g.expect(defect, path, at, 1);
                    } else {
                        int at = ln("::: cloud-end");
                        blank();
                        g.expect(defect, path, at, 1);
                    }
                }
                case UNKNOWN_VARIABLE -> {
                    String prefix = capitalize(sentence(3)) + " ";
                    int at = ln(prefix + "{{cloud." + pick(r, VARIABLE_TYPOS) + "}} " + sentence(3) + ".");
                    g.expect(defect, path, at, prefix.length() + 1);
                    blank();
                }
                case IMAGE_WITHOUT_ALT -> {
                    String src = "../media/" + pick(r, IMAGES);
                    if (r.nextBoolean()) {
                        String prefix = r.nextBoolean() ? "" : capitalize(sentence(3)) + " ";
                        int at = ln(prefix + "![](" + src + ")");
                        g.expect(defect, path, at, prefix.length() + 1);
                    } else {
                        int at = ln("<img src=\"" + src + "\"" + (r.nextBoolean() ? " alt=\"\"" : "") + ">");
                        g.expect(defect, path, at, 1);
                    }
                    blank();
                }
                default -> {
                    // defects of the properties block or the JSON document are placed where those are written
                }
            }
        }

    }

    // ---------------------------------------------------------------------------------------
    // Small helpers

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String[] words = s.split("-");
        return String.join("-", java.util.Arrays.copyOf(words, Math.min(words.length, 6)));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String ids(Random r, int n, int base, int spread) {
        List<String> items = new ArrayList<>();
        for (int k = 0; k < n; k++) items.add(String.valueOf(base + r.nextInt(spread)));
        return String.join(",", items);
    }

    /** A GUID whose last twelve hex digits are {@code unique}, so ids never collide by chance. */
    private static String guid(Random r, long unique) {
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-%04x-%012x", r.nextInt(), r.nextInt(0x10000),
                r.nextInt(0x1000), 0x8000 | r.nextInt(0x4000), unique & 0xFFFFFFFFFFFFL);
    }
}
