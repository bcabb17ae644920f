package dev.certdocs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.bench.SyntheticCorpus.Defect;
import dev.certdocs.bench.SyntheticCorpus.Manifest;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.ValidationResult;
import dev.certdocs.load.ArticleLoader;
import dev.certdocs.model.Article;
import dev.certdocs.model.Heading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
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
