package dev.certdocs.testing;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.BuildLog;
import dev.certdocs.engine.CertDocs;
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
