package dev.certdocs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import dev.certdocs.publish.SearchTerms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build half of {@code bench/search.sh}: generates the synthetic corpus (every article in the
 * 5 active clouds) once, renders it with {@code generate} (not incremental, one run), and writes
 * to {@code <work>/search-<count>/}: {@code build.properties} (generate's wall time, the search
 * index's time summed over clouds, the index's bytes per cloud and in all) and the queries the
 * browser half runs on the public cloud: {@code typical.txt} (20 queries of support words) and
 * {@code titles.txt} (100 queries of two title words of seeded random articles, each with the
 * article's URL and title: synthetic titles repeat, so the browser half also counts a top 5 that
 * holds an article of the same title).
 *
 * <p>{@code SearchBenchmark <work> <count>}
 */
public final class SearchBenchmark {

    private static final Pattern SEARCH_TIME = Pattern.compile("search index time \\(summed over clouds\\): (\\d+) ms"
            + " \\(building and writing the files: (\\d+) ms\\), CPU time: (\\d+) ms");
    /** Queries a support engineer types: services, symptoms, a two-word phrase, a word being typed. */
    static final List<String> TYPICAL = List.of("virtual machine", "disk", "network timeout", "storage account",
            "certificate", "dns", "firewall rule", "backup", "restart", "quota", "deployment failed", "key vault",
            "latency", "permission denied", "subscription", "connectivity", "logs", "portal", "region", "configur");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        // Titles as distinct as a real repository's: with the default corpus's 180 titles, two title words name
        // hundreds of articles, and no ranking can put "the" article in the top 5.
        Path corpus = work.resolve("corpus-" + count + "-1-allclouds-distinct-titles");
        long corpusBytes = ValidateBenchmark.ensureCorpus(new SyntheticCorpus(1, count).withAllClouds().withDistinctTitles(),
                corpus);
        Path out = work.resolve("search-" + count);
        Path site = out.resolve("site");
        deleteTree(site);
        Files.createDirectories(out);
        BuildConfig config = BuildConfig.builder(corpus).reportsDirectory(out.resolve("reports")).outputDirectory(site)
                .siteVersion("1.0.0").threads(Runtime.getRuntime().availableProcessors()).incremental(false).build();
        List<String> debug = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override public void info(String message) { }
            @Override public void warn(String message) { }
            @Override public void error(String message) { System.err.println(message); }
            @Override public void raw(String line) { }
            @Override public synchronized void debug(String message) { debug.add(message); }
        };
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        GenerateResult r = CertDocs.generate(config, log);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (r.failed()) throw new IllegalStateException("generate failed: " + r.reason());
        long searchMs = -1;
        long buildMs = -1;
        long cpuMs = -1;
        for (String line : debug) {
            Matcher m = SEARCH_TIME.matcher(line);
            if (m.find()) {
                searchMs = Long.parseLong(m.group(1));
                buildMs = Long.parseLong(m.group(2));
                cpuMs = Long.parseLong(m.group(3));
            }
        }
        StringBuilder props = new StringBuilder();
        props.append("articles=").append(count).append('\n');
        props.append("corpusBytes=").append(corpusBytes).append('\n');
        props.append("threads=").append(config.threads()).append('\n');
        props.append("generateSeconds=").append(String.format(Locale.ROOT, "%.3f", seconds)).append('\n');
        props.append("searchIndexMsSummedOverClouds=").append(searchMs).append('\n');
        props.append("searchIndexBuildMsSummedOverClouds=").append(buildMs).append('\n');
        // CPU time too: the machine may be shared, and wall time then counts the waits for a core.
        props.append("generateCpuSeconds=").append(String.format(Locale.ROOT, "%.3f", cpuSeconds)).append('\n');
        props.append("searchIndexCpuMsSummedOverClouds=").append(cpuMs).append('\n');
        long total = 0;
        for (String cloud : SyntheticCorpus.CLOUDS) {
            long bytes = treeBytes(site.resolve(cloud).resolve("1.0.0").resolve("search"));
            props.append("indexBytes.").append(cloud).append('=').append(bytes).append('\n');
            total += bytes;
        }
        props.append("indexBytes=").append(total).append('\n');
        Files.writeString(out.resolve("build.properties"), props);
        Files.write(out.resolve("typical.txt"), TYPICAL);
        List<String> titles = titleQueries(site.resolve("public/1.0.0"), 100);
        Files.write(out.resolve("titles.txt"), titles);
        // The best share any ranking can reach: a query whose two words are in more than 5 titles may miss its article.
        long handful = titles.stream().filter(q -> Integer.parseInt(q.split("\t")[3]) <= 5).count();
        String ceiling = "titleQueriesInAtMost5Titles=" + String.format(Locale.ROOT, "%.2f", handful / (double) titles.size()) + "\n";
        Files.writeString(out.resolve("build.properties"), props + ceiling);
        System.out.print(props + ceiling);
    }

    /**
     * {@code query<TAB>url<TAB>title<TAB>titles} for {@code n} seeded random articles: two distinct words of the title, in
     * title order, and the number of articles whose title holds both (folded as search.js folds them).
     */
    static List<String> titleQueries(Path version, int n) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode head = call(version.resolve("search/index.js")).get(0);
        int pages = (head.get("articles").asInt() + head.get("pageSize").asInt() - 1) / head.get("pageSize").asInt();
        for (int p = 0; p < pages; p++) call(version.resolve("search/m/" + p + ".js")).get(1).forEach(rows::add);
        List<String> stop = new ArrayList<>();
        head.get("stop").forEach(s -> stop.add(s.asText()));
        List<java.util.Set<String>> titleTerms = new ArrayList<>();
        for (JsonNode row : rows) titleTerms.add(new java.util.HashSet<>(SearchTerms.of(row.get(0).asText())));
        Random random = new Random(42);
        List<String> queries = new ArrayList<>();
        while (queries.size() < n) {
            JsonNode row = rows.get(random.nextInt(rows.size()));
            List<String> words = new ArrayList<>();
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (String w : row.get(0).asText().split("[^\\p{L}\\p{N}]+")) {
                if (w.isEmpty() || stop.contains(w.toLowerCase(Locale.ROOT))) continue;
                if (seen.add(SearchTerms.fold(w.toLowerCase(Locale.ROOT)))) words.add(w);
            }
            if (words.size() < 2) continue;
            int a = random.nextInt(words.size());
            int b = random.nextInt(words.size() - 1);
            if (b >= a) b++;
            String x = words.get(Math.min(a, b));
            String y = words.get(Math.max(a, b));
            String fx = SearchTerms.of(x).get(0);
            String fy = SearchTerms.of(y).get(0);
            long together = titleTerms.stream().filter(t -> t.contains(fx) && t.contains(fy)).count();
            queries.add(x + " " + y + "\t" + row.get(4).asText() + "\t" + row.get(0).asText() + "\t" + together);
        }
        return queries;
    }

    private static JsonNode call(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new ObjectMapper().readTree("[" + text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')) + "]");
    }

    private static long treeBytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            long sum = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) sum += Files.size(p);
            return sum;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
