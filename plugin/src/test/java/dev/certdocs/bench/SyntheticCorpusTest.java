package dev.certdocs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.bench.SyntheticCorpus.Defect;
import dev.certdocs.bench.SyntheticCorpus.Manifest;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.ValidationResult;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.model.Article;
import dev.certdocs.model.Heading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.certdocs.publish.SearchTerms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesByteIdenticalFiles() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new SyntheticCorpus(7, 300).withDefects(0.2).writeTo(a);
        new SyntheticCorpus(7, 300).withDefects(0.2).writeTo(b);

        List<Path> filesA = files(a);
        assertEquals(files(a).stream().map(a::relativize).toList(), files(b).stream().map(b::relativize).toList());
        assertTrue(filesA.size() > 300);
        for (Path f : filesA) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
        }
    }

    @Test
    void aSmallerCorpusIsAPrefixOfALargerOne() throws IOException {
        Manifest small = new SyntheticCorpus(7, 100).withDefects(0.2).writeTo(tmp.resolve("small"));
        Manifest large = new SyntheticCorpus(7, 250).withDefects(0.2).writeTo(tmp.resolve("large"));

        assertEquals(small.articles(), large.articles().subList(0, 100));
        for (var a : small.articles()) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("small").resolve(a.path())),
                    Files.readAllBytes(tmp.resolve("large").resolve(a.path())), a.path());
        }
    }

    @Test
    void anotherSeedWritesOtherArticles() throws IOException {
        Manifest a = new SyntheticCorpus(7, 20).writeTo(tmp.resolve("a"));
        Manifest b = new SyntheticCorpus(8, 20).writeTo(tmp.resolve("b"));

        assertFalse(a.articles().equals(b.articles()));
    }

    @Test
    void articleSizesHaveAMedianNearTwoKilobytesAndNeverExceedEightyKilobytes() throws IOException {
        Path dir = tmp.resolve("corpus");
        new SyntheticCorpus(3, 3000).writeTo(dir);

        long[] sizes = files(dir.resolve("articles")).stream().filter(p -> p.toString().endsWith(".md"))
                .mapToLong(p -> p.toFile().length()).sorted().toArray();
        assertEquals(3000, sizes.length);
        long median = sizes[sizes.length / 2];
        assertTrue(median >= 1536 && median <= 2560, "median " + median);
        assertTrue(sizes[sizes.length - 1] <= 80 * 1024, "max " + sizes[sizes.length - 1]);
        assertTrue(sizes[0] >= 512, "min " + sizes[0]);
        assertTrue(sizes[sizes.length - 1] >= 20 * 1024, "a log-normal tail reaches past 20 KB: " + sizes[sizes.length - 1]);
    }

    @Test
    void coversEveryKindEveryCloudAndEveryMarkdownFeature() throws IOException {
        Path dir = tmp.resolve("corpus");
        Manifest manifest = new SyntheticCorpus(11, 200).withExternalBases(List.of("http://127.0.0.1:9/docs")).writeTo(dir);
        ArticleLoader loader = new ArticleLoader(dir.toAbsolutePath(), BuildConfig.builder(dir).build().schema());

        Set<String> kinds = new TreeSet<>();
        Set<String> clouds = new TreeSet<>();
        Set<Integer> levels = new TreeSet<>();
        StringBuilder all = new StringBuilder();
        for (var generated : manifest.articles()) {
            Article article = loader.load(generated.path()).article();
            kinds.add(article.props().value("selfHelpType"));
            article.props().list("cloudEnvironments").forEach(c -> clouds.add(c.toLowerCase(java.util.Locale.ROOT)));
            article.body().headings().stream().map(Heading::level).forEach(levels::add);
            all.append(Files.readString(dir.resolve(generated.path()), StandardCharsets.UTF_8)).append('\n');
        }

        assertEquals(new TreeSet<>(SyntheticCorpus.KINDS), kinds);
        assertEquals(new TreeSet<>(SyntheticCorpus.CLOUDS), clouds);
        assertTrue(levels.containsAll(List.of(1, 2, 3)), "heading levels " + levels);
        String text = all.toString();
        for (String feature : List.of("\n- ", "\n1. ", "\n- [x] ", "\n|---", "\n```", "\n~~~", "\n> [!NOTE]",
                "\n> [AZURE.", "\n::: cloud include=\"", "\n::: cloud exclude=\"", "\n::: cloud-end", "{{cloud.portalUrl}}",
                "{{cloud.name}}", "[!INCLUDE [", ".md#", "](../", "](http://127.0.0.1:9/docs/", "\n![", "<img src=",
                "data-blade:", "button-link:", "<!--$", "\"formElements\": [", "\"dropdownOptions\"", "**", "\r\n")) {
            assertTrue(text.contains(feature), "no article has " + feature.strip());
        }
        assertTrue(text.chars().anyMatch(c -> c > 0x7F), "some articles are not pure ASCII");
        assertTrue(Files.isRegularFile(dir.resolve("includes/portal-sign-in.md")));
        assertTrue(Files.isRegularFile(dir.resolve("articles/media/network-path.png")));
    }

    @Test
    void relativeLinksReachArticlesPublishedInTheSameCloudsAndHeadingsThatExist() throws IOException {
        Path dir = tmp.resolve("corpus");
        Manifest manifest = new SyntheticCorpus(19, 400).withDefects(0.1).writeTo(dir);
        ArticleLoader loader = new ArticleLoader(dir.toAbsolutePath(), BuildConfig.builder(dir).build().schema());
        Pattern link = Pattern.compile("\\]\\(((?:\\.\\./|\\./)?[\\w./-]+\\.md)(?:#([\\w-]+))?\\)");

        int links = 0;
        int anchors = 0;
        for (var generated : manifest.articles()) {
            Article from = loader.load(generated.path()).article();
            String text = Files.readString(dir.resolve(generated.path()), StandardCharsets.UTF_8);
            Matcher m = link.matcher(text);
            while (m.find()) {
                if (m.group(1).contains("includes/")) continue;
                links++;
                Path target = dir.resolve(generated.path()).getParent().resolve(m.group(1)).normalize();
                assertTrue(Files.isRegularFile(target), generated.path() + " links to a missing " + m.group(1));
                Article to = loader.load(dir.relativize(target).toString().replace('\\', '/')).article();
                assertTrue(published(to).containsAll(published(from)), generated.path() + " links to " + m.group(1)
                        + ", published in " + published(to) + " but not in every cloud of " + published(from));
                if (m.group(2) != null) {
                    anchors++;
                    assertTrue(to.body().headings().stream().anyMatch(h -> h.id().equals(m.group(2))),
                            generated.path() + " links to a missing #" + m.group(2) + " in " + m.group(1));
                }
            }
        }
        assertTrue(links > 100 && anchors > 50, links + " links, " + anchors + " with anchors");
    }

    private static Set<String> published(Article article) {
        Set<String> clouds = new TreeSet<>();
        article.props().list("cloudEnvironments").forEach(c -> clouds.add(c.toLowerCase(java.util.Locale.ROOT)));
        article.props().list("disableClouds").forEach(c -> clouds.remove(c.toLowerCase(java.util.Locale.ROOT)));
        clouds.retainAll(SyntheticCorpus.CLOUDS); // an injected unknown cloud publishes nowhere
        return clouds;
    }

    @Test
    void cleanCorpusValidatesWithoutAnyDiagnostic() throws IOException {
        Path dir = tmp.resolve("corpus");
        new SyntheticCorpus(5, 1500).writeTo(dir);

        ValidationResult result = validate(dir);

        assertEquals(List.of(), result.summary().findings().stream().map(f -> f.diagnostic().format()).toList());
        assertEquals(1500, result.summary().files().size());
    }

    @Test
    void withAllCloudsEveryArticleIsPublishedInTheFiveActiveCloudsAndValidatesClean() throws IOException {
        Path dir = tmp.resolve("corpus");
        Manifest manifest = new SyntheticCorpus(5, 300).withAllClouds().writeTo(dir);
        ArticleLoader loader = new ArticleLoader(dir.toAbsolutePath(), BuildConfig.builder(dir).build().schema());

        for (var generated : manifest.articles()) {
            assertEquals(new TreeSet<>(SyntheticCorpus.CLOUDS), published(loader.load(generated.path()).article()),
                    generated.path());
        }
        assertEquals(List.of(), validate(dir).summary().findings().stream().map(f -> f.diagnostic().format()).toList());
        assertTrue(Files.readString(dir.resolve(SyntheticCorpus.MANIFEST_FILE)).contains("\nallClouds=true\n"));
    }

    @Test
    void validationReportsEveryInjectedDefectExactlyWhereItWasInjected() throws IOException {
        Path dir = tmp.resolve("corpus");
        Manifest manifest = new SyntheticCorpus(13, 1200).withDefects(0.3).writeTo(dir);

        ValidationResult result = validate(dir);

        Set<Defect> injected = manifest.expected().stream().map(SyntheticCorpus.Expected::defect)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Defect.class)));
        assertEquals(EnumSet.allOf(Defect.class), injected);
        Set<String> expected = manifest.expected().stream().map(e -> e.location() + " [" + e.ruleId() + "]")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reported = result.summary().findings().stream()
                .map(f -> f.diagnostic().position() + " [" + f.diagnostic().ruleId() + "]")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(reported);
        Set<String> unexpected = new TreeSet<>(reported);
        unexpected.removeAll(expected);
        assertEquals("", String.join("\n", missed), "injected but not reported");
        assertEquals("", String.join("\n", unexpected), "reported but not injected");
    }

    @Test
    void onlyTheRequestedDefectsAreInjected() throws IOException {
        Manifest manifest = new SyntheticCorpus(17, 300).withDefects(0.5, EnumSet.of(Defect.MISSING_H1))
                .writeTo(tmp.resolve("corpus"));

        Set<String> rules = manifest.expected().stream().map(SyntheticCorpus.Expected::ruleId).collect(Collectors.toSet());
        assertEquals(Set.of("body/missing-h1"), rules);
        assertTrue(manifest.expected().size() > 100, "about half of 300 articles: " + manifest.expected().size());
    }

    @Test
    void theOptionsLeaveTheDefaultCorporaByteForByteAsTheyWere() throws IOException {
        // Digests of the corpora as written before withRealWorldContent and withRepositoryShape existed: benchmarks
        // and scripts that call the generator as is keep measuring the same files.
        new SyntheticCorpus(7, 300).withDefects(0.2).writeTo(tmp.resolve("a"));
        new SyntheticCorpus(5, 300).withAllClouds().writeTo(tmp.resolve("b"));

        assertEquals("835a03c5021d1bf38a3b591aaa9db817d868129dee9c2a32ee1efa817c7ea455", digest(tmp.resolve("a")));
        assertEquals("1b22898806d5d783ee2977839d207543c47aff6d6d3e65b95ad556e86d5f922f", digest(tmp.resolve("b")));
    }

    @Test
    void realWorldContentHasDocumentationAndInternalLinksInAirGappedArticlesAndVariablesOfSomeClouds() throws IOException {
        Path dir = tmp.resolve("corpus");
        Manifest manifest = new SyntheticCorpus(23, 800).withRealWorldContent().writeTo(dir);
        ArticleLoader loader = new ArticleLoader(dir.toAbsolutePath(), BuildConfig.builder(dir).build().schema());

        Set<String> hosts = new TreeSet<>();
        for (SyntheticCorpus.RealWorld w : manifest.realWorld()) {
            List<String> lines = Files.readAllLines(dir.resolve(w.path()), StandardCharsets.UTF_8);
            String line = lines.get(w.line() - 1);
            String at = line.substring(w.column() - 1);
            Set<String> published = published(loader.load(w.path()).article());
            if (w.ruleId().equals("link/air-gapped")) {
                String url = w.what().split(" ")[0];
                hosts.add(java.net.URI.create(url).getHost());
                assertTrue(at.startsWith("[") && at.contains("](" + url + ")"), w + ": " + line);
                assertTrue(published.contains("usnat") || published.contains("ussec"), w + " in " + published);
                assertFalse(lines.get(w.line() - 2).startsWith("::: cloud"), w + " is outside cloud blocks");
            } else {
                assertEquals("variable/unknown", w.ruleId());
                assertTrue(at.startsWith("{{cloud." + w.what().split(" ")[0] + "}}"), w + ": " + line);
            }
        }
        assertEquals(Set.of("learn.microsoft.com", "docs.microsoft.com", "contoso.sharepoint.com"), hosts);
        String manifestText = Files.readString(dir.resolve(SyntheticCorpus.MANIFEST_FILE));
        assertTrue(manifestText.contains("\nvariable supportPhone=public,fairfax\n"), manifestText.substring(0, 300));
        String all = manifest.articles().stream().map(a -> read(dir.resolve(a.path()))).collect(Collectors.joining("\n"));
        assertTrue(all.contains("::: cloud include=\"public,fairfax\"\n") && all.contains("{{cloud.supportPhone}}"),
                "most uses of a variable of some clouds are kept to those clouds");

        // With the variables defined where the corpus expects them, validate reports exactly the listed uses
        // outside those clouds and the listed links that air-gapped clouds cannot reach, at their positions.
        BuildConfig config = BuildConfig.builder(dir).cloudSettings(SyntheticCorpus.cloudSettings())
                .reportsDirectory(tmp.resolve("reports")).build();
        Set<String> reported = CertDocs.validate(config, BuildLog.SILENT).summary().findings().stream()
                .map(f -> f.diagnostic().position() + " [" + f.diagnostic().ruleId() + "]")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = manifest.realWorld().stream()
                .map(w -> w.location() + " [" + w.ruleId() + "]").collect(Collectors.toCollection(TreeSet::new));
        assertTrue(listed.stream().filter(l -> l.endsWith("[variable/unknown]")).count() > 10, listed.toString());
        assertTrue(listed.stream().filter(l -> l.endsWith("[link/air-gapped]")).count() > 10, listed.toString());
        assertEquals(listed, reported);
    }

    @Test
    void repositoryShapeHasSixHundredFoldersSizesAroundOnePointEightKilobytesThreeLinksAndRealCloudShares()
            throws IOException {
        Path dir = tmp.resolve("corpus");
        Manifest manifest = new SyntheticCorpus(29, 3000).withRepositoryShape().writeTo(dir);

        int[] sizes = manifest.articles().stream().mapToInt(SyntheticCorpus.GeneratedArticle::bytes).sorted().toArray();
        assertTrue(sizes[1500] >= 1600 && sizes[1500] <= 2000, "median " + sizes[1500]);
        assertTrue(sizes[2970] >= 8000 && sizes[2970] <= 13000, "99th percentile " + sizes[2970]);
        long folders = manifest.articles().stream().map(a -> a.path().substring(0, a.path().lastIndexOf('/'))).distinct().count();
        assertTrue(folders >= 550 && folders <= 600, folders + " folders");
        Pattern link = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\((?!\\.\\./\\.\\./includes/)[^)]+\\)|<https?://");
        long links = 0;
        int[] perCloud = new int[SyntheticCorpus.CLOUDS.size()];
        for (var a : manifest.articles()) {
            links += link.matcher(read(dir.resolve(a.path()))).results().count();
            for (String c : a.clouds()) perCloud[SyntheticCorpus.CLOUDS.indexOf(c.toLowerCase(java.util.Locale.ROOT))]++;
        }
        double perArticle = links / 3000.0;
        assertTrue(perArticle >= 2.5 && perArticle <= 4, perArticle + " links per article");
        double[] want = {0.95, 0.95, 0.36, 0.95, 0.95};
        for (int c = 0; c < want.length; c++) {
            assertEquals(want[c], perCloud[c] / 3000.0, 0.03, SyntheticCorpus.CLOUDS.get(c));
        }
        assertEquals(List.of(), validate(dir).summary().findings().stream().map(f -> f.diagnostic().format()).toList());
    }

    @Test
    void distinctTitlesChangeOnlyTheTitlesAndTwoTitleWordsFindAHandfulOfArticles() throws IOException {
        Manifest plain = new SyntheticCorpus(11, 300).withAllClouds().writeTo(tmp.resolve("plain"));
        Path small = tmp.resolve("small");
        Manifest distinct = new SyntheticCorpus(11, 300).withAllClouds().withDistinctTitles().writeTo(small);
        assertEquals(plain.articles().stream().map(a -> a.kind() + " " + a.clouds() + " " + a.path().substring(0,
                a.path().lastIndexOf('/'))).toList(), distinct.articles().stream().map(a -> a.kind() + " " + a.clouds() + " "
                + a.path().substring(0, a.path().lastIndexOf('/'))).toList());
        assertEquals(List.of(), validate(small).summary().findings().stream().map(f -> f.diagnostic().format()).toList());

        Path dir = tmp.resolve("large");
        Manifest large = new SyntheticCorpus(11, 10_000).withAllClouds().withDistinctTitles().writeTo(dir);
        Pattern pageTitle = Pattern.compile("pageTitle\\s*=\\s*\"([^\"]*)\"");
        Set<String> stop = Set.of("a", "an", "and", "in", "on", "the", "with", "of", "to", "for");
        List<String> titles = new ArrayList<>();
        List<Set<String>> words = new ArrayList<>();
        for (var a : large.articles()) {
            Matcher m = pageTitle.matcher(read(dir.resolve(a.path())));
            assertTrue(m.find(), a.path());
            titles.add(m.group(1));
            Set<String> w = new java.util.LinkedHashSet<>(SearchTerms.of(m.group(1)));
            w.removeAll(stop);
            words.add(w);
        }
        assertTrue(new HashSet<>(titles).size() >= 0.99 * titles.size(), new HashSet<>(titles).size() + " distinct titles");
        java.util.Random random = new java.util.Random(42);
        int handful = 0;
        for (int q = 0; q < 500; q++) {
            List<String> w = List.copyOf(words.get(random.nextInt(words.size())));
            String x = w.get(random.nextInt(w.size()));
            String y = w.get(random.nextInt(w.size()));
            if (x.equals(y)) {
                q--;
                continue;
            }
            long together = words.stream().filter(t -> t.contains(x) && t.contains(y)).count();
            if (together <= 5) handful++;
        }
        assertTrue(handful >= 490, handful + " of 500 pairs of title words are in the titles of 5 articles at most");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String digest(Path dir) throws IOException {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Path f : files(dir)) {
                md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidationResult validate(Path dir) {
        BuildConfig config = BuildConfig.builder(dir).reportsDirectory(tmp.resolve("reports")).build();
        return CertDocs.validate(config, BuildLog.SILENT);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
