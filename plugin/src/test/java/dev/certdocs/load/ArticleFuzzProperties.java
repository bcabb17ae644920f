package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.bench.SyntheticCorpus;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Finding;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.validate.CheckContext;
import dev.certdocs.validate.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input never escapes as an exception, and every diagnostic points inside its file.
 * Synthetic articles of every kind (a quarter of them with an injected defect) and the include
 * files are mutated — characters, spans and lines deleted, inserted, duplicated, swapped and
 * truncated; quotes, {@code <}, {@code />}, {@code ---}, {@code :::}, {@code [!INCLUDE},
 * {@code {{cloud.}, BOM, CR, NUL, entities, lone surrogates and other Unicode inserted; invalid
 * UTF-8 on disk — and fed to the loader and every check in memory, and as small repositories to
 * the whole engine (reports included). A property checks positions exactly where they are
 * easiest to get wrong: list items in attribute values written with entities and line breaks.
 * Deep nesting of every construct (block quotes, lists, emphasis, links and images, raw HTML,
 * tables inside lists and quotes, code) mixed at random, thousands of levels deep: what
 * {@link Nesting} lets through never overflows flexmark or our own visitors on a small stack, and
 * no goal throws on it.
 */
class ArticleFuzzProperties {

    /** Fragments that mean something to the parser or a check, so mutations reach their edge cases. */
    private static final String[] FRAGMENTS = {
        "\"", "'", "<", ">", "/>", "/", "=", " = ", "\t", " ", "\n", "\r", "\r\n", "\u0000", "\uFEFF", "\u2028",
        "\uD800", "\uDC00", "😀", "é", "日本", "&amp;", "&quot;", "&#10;", "&#13;", "&#x1F600;", "&#99999999;", "&", ";",
        "&#10;&#10;&#10;", ",x", ", nowhere", " supportTopicIds=\"1,&#10;&#10;x\"", " cloudEnvironments=\"public&#10;,fairfx\"",
        "<!--", "-->", "<properties", "<properties />", "articleId=\"x\"", "selfHelpType=\"problemScopingQuestions\"",
        "---", "\n---\n", "===", "# ", "## ", "\n# Title\n", "```", "~~~", ":::", "::: cloud include=\"",
        "::: cloud exclude=\"usnat\"\n", "\n::: cloud-end\n", "[!INCLUDE [", "[!INCLUDE [x](../../includes/portal-sign-in.md)]",
        "](", "](../", "](/", "%00", "..", "{{cloud.", "{{ cloud.name }}", "}}", "{{", "![", "![](", "<img src=",
        "<img alt=\"", "`", "[", "]", "(", ")", "{", "}", ",", ":", "\"formElements\": [", "{\"id\": 1}", "null",
        "[[[[[[[[[[[[", "1e999999", "-", "*", "_", "|", "\\",
    };

    private static Path corpus;
    private static BuildConfig config;
    private static List<Seed> seeds;

    /** A file to mutate: its repository path and text. */
    record Seed(String path, String text) {
    }

    @BeforeContainer
    static void writeSeeds() throws IOException {
        corpus = Files.createTempDirectory("certdocs-fuzz");
        SyntheticCorpus.Manifest m = new SyntheticCorpus(99, 40).withDefects(0.25).writeTo(corpus);
        seeds = new ArrayList<>();
        for (var a : m.articles()) {
            seeds.add(new Seed(a.path(), new String(Files.readAllBytes(corpus.resolve(a.path())), StandardCharsets.UTF_8)));
        }
        for (String include : m.includeFiles()) {
            seeds.add(new Seed(include, Files.readString(corpus.resolve(include), StandardCharsets.UTF_8)));
        }
        config = BuildConfig.builder(corpus).reportsDirectory(corpus.resolve("target/reports")).threads(1).build();
    }

    @AfterContainer
    static void deleteSeeds() throws IOException {
        deleteTree(corpus);
    }

    @Property(tries = 3000)
    void loaderAndChecksSurviveMutatedArticles(@ForAll("mutatedArticles") Mutated mutated) {
        checkInMemory(mutated.seed().path(), mutated.apply(Integer.MAX_VALUE));
    }

    @Property(tries = 2000)
    void loaderAndChecksSurviveMutatedPropertiesBlocks(@ForAll("mutatedArticles") Mutated mutated) {
        // Mutations confined to the first lines, where the properties block is.
        checkInMemory(mutated.seed().path(), mutated.apply(700));
    }

    @Property(tries = 300)
    void engineSurvivesRepositoriesOfMutatedFiles(@ForAll("mutatedRepositories") List<Mutated> files) throws IOException {
        Path repo = Files.createTempDirectory("certdocs-fuzz-repo");
        try {
            Files.createDirectories(repo.resolve("articles"));
            for (String include : List.of("portal-sign-in.md", "collect-logs.md", "network-checklist.md",
                    "support-plan-note.md", "sovereign-clouds.md", "diagram.md")) {
                Path target = repo.resolve("includes").resolve(include);
                Files.createDirectories(target.getParent());
                Files.copy(corpus.resolve("includes").resolve(include), target);
            }
            for (Mutated m : files) {
                Path target = repo.resolve(m.seed().path());
                Files.createDirectories(target.getParent());
                // getBytes replaces lone surrogates, as an editor saving the file would
                byte[] bytes = m.apply(Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8);
                if (m.mutations().size() % 3 == 2) bytes = withInvalidUtf8(bytes);
                Files.write(target, bytes);
            }
            BuildConfig repoConfig = BuildConfig.builder(repo).reportsDirectory(repo.resolve("target/reports"))
                    .threads(2).build();
            List<Finding> findings = CertDocs.validate(repoConfig, BuildLog.SILENT).summary().findings();
            for (Finding f : findings) assertInsideFile(f.diagnostic(), path -> read(repo.resolve(path)));
        } finally {
            deleteTree(repo);
        }
    }

    @Property(tries = 500)
    void badListItemsArePointedAtWhereTheyAreWritten(@ForAll long seed) {
        // Values may span lines and hold entities (&#10; is a line break in the value, not in the file):
        // the position of a bad item is where its first character is written.
        Random r = new Random(seed);
        String prefix = "<properties\n\tpageTitle=\"T\"\n\tselfHelpType=\"resource\"\n\tservice=\"microsoft.compute\"\n"
                + "\tresource=\"virtualmachines\"\n\tarticleId=\"a1\"\n\tcloudEnvironments=\"public\"\n"
                + "\townershipId=\"Team\"\n\tsupportTopicIds=\"";
        StringBuilder text = new StringBuilder(prefix);
        Map<String, Integer> badAt = new HashMap<>();
        int items = 1 + r.nextInt(5);
        for (int k = 0; k < items; k++) {
            if (k > 0) text.append(encoded(r, List.of(",", ", ", ",\n\t\t", " ,\n").get(r.nextInt(4))));
            boolean bad = r.nextInt(3) > 0;
            String item = bad ? "bad" + k + "z" : String.valueOf(32600000 + r.nextInt(1000));
            if (bad) badAt.put(item, text.length());
            text.append(encoded(r, item));
        }
        text.append("\"\n/>\n\n# T\n");
        SourceText src = new SourceText("articles/a.md", text.toString());

        ArticleLoader.Loaded loaded = new ArticleLoader(config.baseDir(), config.schema())
                .parse("articles/a.md", config.baseDir().resolve("articles/a.md"), text.toString());
        List<Diagnostic> found = new Validation(new CheckContext(config, new Includes(config.baseDir())))
                .check(loaded.article());

        Map<String, String> expected = new TreeMap<>();
        badAt.forEach((item, offset) -> expected.put(item, src.position(offset).toString()));
        Map<String, String> reported = new TreeMap<>();
        for (Diagnostic d : found) {
            String item = d.message().replaceAll("^'supportTopicIds' item '(.*)' must be a numeric id$", "$1");
            reported.put(item, d.position().toString());
        }
        assertEquals(expected, reported, text::toString);
    }

    /** Openers of every construct that nests; the closers of the inline ones follow the text, in reverse. */
    private static final String[][] NESTING = {
        {"> ", ""}, {">", ""}, {"- ", ""}, {"* ", ""}, {"1. ", ""}, {"12) ", ""}, {"*", "*"}, {"_", "_"}, {"**", "**"},
        {"__", "__"}, {"~~", "~~"}, {"*a ", " a*"}, {"_a ", " a_"}, {"[", "](x.md)"}, {"![", "](x.png)"},
        {"[![", "](x.png)](x.md)"}, {"<div>", "</div>"}, {"<span>", "</span>"}, {"<blockquote>", "</blockquote>"},
        {"`", "`"}, {"\\", ""}, {"\n", ""}, {"\n\n", ""}, {"\n  ", ""}, {"\n```\n", "\n```\n"},
        {"| a | b |\n|---|---|\n| ", " | c |\n"}, {"[!INCLUDE [x](../../includes/diagram.md)] ", ""},
    };

    @Property(tries = 400)
    void deepNestingNeverReachesARecursionThatOverflows(@ForAll("deepMarkdown") String markdown) throws Exception {
        String article = "<properties pageTitle=\"T\" selfHelpType=\"generic\" cloudEnvironments=\"public\" />\n\n# T\n\n"
                + markdown;
        checkInMemory("articles/compute/deep.md", article);
        // On a thread with a small stack, as some build workers have: the parse and the walks the
        // goals make, on the text as the renderer and the link scanner take it (cut where too deep).
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                String kept = markdown;
                int crossing = Nesting.crossing(kept);
                if (crossing >= 0) kept = kept.substring(0, kept.lastIndexOf('\n', crossing) + 1);
                String html = new dev.certdocs.render.MarkdownHtml().render(kept);
                if (html.equals(dev.certdocs.render.MarkdownHtml.UNREADABLE)) throw new AssertionError("the renderer ran out of stack");
                ArticleLoader.Loaded loaded = new ArticleLoader(config.baseDir(), config.schema())
                        .parse("articles/compute/deep.md", config.baseDir().resolve("articles/compute/deep.md"), article);
                new LinkScanner(new Includes(config.baseDir())).article(loaded);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError("nesting the limit let through failed: " + failure[0], failure[0]);
    }

    @Property(tries = 12)
    void noGoalThrowsOnDeepNesting(@ForAll("deepMarkdown") String markdown) throws IOException {
        Path repo = Files.createTempDirectory("certdocs-fuzz-deep");
        try {
            Path article = repo.resolve("articles/compute/deep.md");
            Files.createDirectories(article.getParent());
            Files.writeString(article, "<properties pageTitle=\"T\" description=\"D\" service=\"microsoft.compute\""
                    + " resource=\"virtualmachines\" selfHelpType=\"generic\" articleId=\"deep\" ownershipId=\"T\""
                    + " cloudEnvironments=\"public\" supportTopicIds=\"1\" productPesIds=\"1\" />\n\n# T\n\n" + markdown,
                    StandardCharsets.UTF_8);
            BuildConfig c = BuildConfig.builder(repo).reportsDirectory(repo.resolve("target/reports")).threads(2)
                    .siteVersion("1.0.0").outputDirectory(repo.resolve("target/site")).force(true).build();
            List<Finding> findings = CertDocs.validate(c, BuildLog.SILENT).summary().findings();
            for (Finding f : findings) assertInsideFile(f.diagnostic(), path -> read(repo.resolve(path)));
            CertDocs.generate(c, BuildLog.SILENT);
            var d = dev.certdocs.config.LinkSettings.defaults(repo.resolve("target/reports"));
            var offline = new dev.certdocs.config.LinkSettings(true, true, 64, 8, d.hostInterval(), d.connectTimeout(),
                    d.timeout(), 3, d.maxRetryWait(), 10, d.maxBodyBytes(), d.cacheTtl(), d.cacheFile(), false, List.of(),
                    List.of(), Map.of(), Map.of(), d.userAgent(), false, false);
            CertDocs.checkLinks(BuildConfig.builder(repo).reportsDirectory(repo.resolve("target/reports")).threads(2)
                    .links(offline).build(), BuildLog.SILENT, () -> null);
        } finally {
            deleteTree(repo);
        }
    }

    @Provide
    Arbitrary<String> deepMarkdown() {
        Arbitrary<List<Integer>> layers = Arbitraries.integers().between(0, NESTING.length - 1)
                .list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<Integer>> counts = Arbitraries.integers().between(1, 1500)
                .withDistribution(RandomDistribution.uniform()).list().ofMinSize(6).ofMaxSize(6);
        return Combinators.combine(layers, counts).as((kinds, n) -> {
            // Runs of one construct after another, then the closers in reverse order.
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (int i = 0; i < kinds.size(); i++) {
                String[] construct = NESTING[kinds.get(i)];
                open.append(construct[0].repeat(n.get(i)));
                close.insert(0, construct[1].repeat(n.get(i)));
            }
            return open + "text" + close + "\n";
        });
    }

    /** The text with about a third of its characters written as numeric character references. */
    private static String encoded(Random r, String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append("&#").append((int) c).append(';');
                case 1 -> sb.append("&#x").append(Integer.toHexString(c)).append(';');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The bytes with a UTF-8 lead byte not followed by a continuation byte, and a stray continuation byte. */
    private static byte[] withInvalidUtf8(byte[] bytes) {
        byte[] bad = {(byte) 0xC3, '(', (byte) 0x80};
        int at = bytes.length / 2;
        byte[] out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
        return out;
    }

    private static void checkInMemory(String path, String text) {
        ArticleLoader loader = new ArticleLoader(config.baseDir(), config.schema());
        Includes includes = new Includes(config.baseDir());
        Validation validation = new Validation(new CheckContext(config, includes));
        ArticleLoader.Loaded loaded = loader.parse(path, config.baseDir().resolve(path), text);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(validation.check(loaded.article()));
        all.addAll(validation.finish());
        Map<String, String> texts = new HashMap<>();
        texts.put(path, text);
        for (Diagnostic d : all) {
            assertInsideFile(d, p -> texts.computeIfAbsent(p, q -> read(config.baseDir().resolve(q))));
        }
    }

    /** 1 ≤ line ≤ lines of the file, 1 ≤ column ≤ length of that line + 1 (BOM and CR as the loader reads them). */
    private static void assertInsideFile(Diagnostic d, java.util.function.Function<String, String> textOf) {
        SourceText src = new SourceText(d.position().path(), textOf.apply(d.position().path()));
        int line = d.position().line();
        int column = d.position().column();
        assertTrue(line >= 1 && line <= src.lineCount(), () -> "line outside the file ("
                + src.lineCount() + " lines): " + d.format());
        int length = src.line(line).length();
        assertTrue(column >= 1 && column <= length + 1, () -> "column outside line " + line + " ("
                + length + " characters): " + d.format());
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------------------------------
    // Mutations

    enum Op { INSERT, DELETE, REPLACE, SWAP_CHARS, DUPLICATE_SPAN, TRUNCATE, DELETE_LINE, DUPLICATE_LINE, SWAP_LINES }

    /** One edit: where (taken modulo the text's length), how much, and what to insert. */
    record Mutation(Op op, int where, int where2, int length, String payload) {

        String apply(String text, int window) {
            int n = text.length();
            int at = Math.min(where % (Math.min(n, window) + 1), n);
            int end = Math.min(n, at + length);
            StringBuilder sb = new StringBuilder(text);
            switch (op) {
                case INSERT -> sb.insert(at, payload);
                case DELETE -> sb.delete(at, end);
                case REPLACE -> sb.replace(at, end, payload);
                case SWAP_CHARS -> {
                    if (at + 1 < n) {
                        sb.setCharAt(at, text.charAt(at + 1));
                        sb.setCharAt(at + 1, text.charAt(at));
                    }
                }
                case DUPLICATE_SPAN -> sb.insert(at, text, at, end);
                case TRUNCATE -> sb.setLength(at);
                default -> {
                    return lines(text, window);
                }
            }
            return sb.toString();
        }

        private String lines(String text, int window) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            int limit = Math.max(1, Math.min(lines.size(), window / 20));
            int a = where % limit;
            int b = where2 % limit;
            switch (op) {
                case DELETE_LINE -> lines.remove(a);
                case DUPLICATE_LINE -> lines.add(b, lines.get(a));
                default -> {
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                }
            }
            return String.join("\n", lines);
        }
    }

    /** A seed and the edits to make to it, in order. */
    record Mutated(Seed seed, List<Mutation> mutations) {

        /** The mutated text; edits fall within the first {@code window} characters (lines: window / 20). */
        String apply(int window) {
            String text = seed.text();
            for (Mutation m : mutations) text = m.apply(text, window);
            return text;
        }

        @Override
        public String toString() {
            return seed.path() + " " + mutations;
        }
    }

    @Provide
    Arbitrary<Mutated> mutatedArticles() {
        Arbitrary<Seed> seed = Arbitraries.of(seeds.stream().filter(s -> s.path().startsWith("articles/")).toList());
        Arbitrary<List<Mutation>> edits = mutation().list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(seed, edits).as(Mutated::new);
    }

    @Provide
    Arbitrary<List<Mutated>> mutatedRepositories() {
        // include files too: a mutated one replaces the copy the repository starts with
        Arbitrary<Seed> seed = Arbitraries.of(seeds);
        Arbitrary<List<Mutation>> edits = mutation().list().ofMinSize(0).ofMaxSize(8);
        return Combinators.combine(seed, edits).as(Mutated::new).list().ofMinSize(1).ofMaxSize(4)
                .uniqueElements(m -> m.seed().path());
    }

    private Arbitrary<Mutation> mutation() {
        Arbitrary<String> payload = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6),
                Arbitraries.of(FRAGMENTS).list().ofMinSize(2).ofMaxSize(5).map(l -> String.join("", l)));
        return Combinators.combine(
                Arbitraries.of(Op.class),
                // uniform: the default bias towards small values would edit the first characters most
                Arbitraries.integers().between(0, 1 << 20).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 1 << 20).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(1, 64),
                payload).as(Mutation::new);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
