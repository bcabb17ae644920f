package dev.certdocs.testing;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.BuildLog;
import dev.certdocs.engine.CertDocs;
import dev.certdocs.engine.GenerateResult;
import dev.certdocs.engine.LinkCheckResult;
import dev.certdocs.engine.ValidationResult;
import dev.certdocs.link.ExternalUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A small content repository written into a test's temporary directory, and validation runs on it. */
public final class ContentRepo {

    private final Path root;

    private ContentRepo(Path root) {
        this.root = root;
    }

    public static ContentRepo in(Path root) {
        return new ContentRepo(root);
    }

    public Path root() {
        return root;
    }

    /** Writes a file at a repository-relative path, creating its folders. */
    public ContentRepo file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ContentRepo file(String path, ArticleText article) {
        return file(path, article.text());
    }

    /** Validates with reports in {@code target/certdocs} of the repository, one thread, after {@code tune}. */
    public ValidationResult validate(UnaryOperator<BuildConfig.Builder> tune) {
        BuildConfig.Builder builder = BuildConfig.builder(root).reportsDirectory(root.resolve("target/certdocs")).threads(1);
        return CertDocs.validate(tune.apply(builder).build(), BuildLog.SILENT);
    }

    public ValidationResult validate() {
        return validate(b -> b);
    }

    /** Where {@link #generate} writes the site unless told otherwise. */
    public Path siteDirectory() {
        return root.resolve("target/certdocs/site");
    }

    /**
     * Generates version 1.0.0 into {@link #siteDirectory()} with reports in {@code target/certdocs},
     * two threads (so that the parallel path runs), after {@code tune}.
     */
    public GenerateResult generate(UnaryOperator<BuildConfig.Builder> tune) {
        return generate(tune, BuildLog.SILENT);
    }

    /** As {@link #generate(UnaryOperator)}, logging to {@code log}. */
    public GenerateResult generate(UnaryOperator<BuildConfig.Builder> tune, BuildLog log) {
        BuildConfig.Builder builder = BuildConfig.builder(root).reportsDirectory(root.resolve("target/certdocs"))
                .threads(2).siteVersion("1.0.0").outputDirectory(siteDirectory());
        return CertDocs.generate(tune.apply(builder).build(), log);
    }

    public GenerateResult generate() {
        return generate(b -> b);
    }

    /** Copies a file from the test's resources (relative to the module, e.g. {@code src/test/resources/…}). */
    public ContentRepo copy(Path source, String path) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.copy(source, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes binary content at a repository-relative path (an image). */
    public ContentRepo bytes(String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Checks links with reports in {@code target/certdocs} of the repository, two threads, after {@code tune}. */
    public LinkCheckResult checkLinks(UnaryOperator<BuildConfig.Builder> tune, Supplier<ExternalUrls> external, BuildLog log) {
        BuildConfig.Builder builder = BuildConfig.builder(root).reportsDirectory(root.resolve("target/certdocs")).threads(2);
        return CertDocs.checkLinks(tune.apply(builder).build(), log, external);
    }

    /** The log lines of a link check's findings, in order. */
    public static List<String> problems(LinkCheckResult result) {
        return result.summary().findings().stream().map(f -> f.diagnostic().format()).toList();
    }

    /** The log lines of a run's findings that are not in the baseline, in order. */
    public static List<String> newProblems(ValidationResult result) {
        return result.summary().findings().stream().filter(f -> !f.baselined()).map(f -> f.diagnostic().format()).toList();
    }

    /** The log lines of all of a run's findings, baselined ones included, in order. */
    public static List<String> allProblems(ValidationResult result) {
        return result.summary().findings().stream().map(f -> f.diagnostic().format()).toList();
    }
}
