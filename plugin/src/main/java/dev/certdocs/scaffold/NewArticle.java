package dev.certdocs.scaffold;

import dev.certdocs.config.ArticleSchema;
import dev.certdocs.config.AttributeSpec;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.config.Cloud;
import dev.certdocs.config.KindSpec;
import dev.certdocs.model.HeadingIds;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Placeholder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Writes a new article: never over an existing file. */
public final class NewArticle {

    /** What to create. {@code directory} is relative to the content directory and may be empty. */
    public record Request(String title, String kind, List<String> clouds, String directory) {
    }

    private NewArticle() {
    }

    /** Creates the article and returns its path. */
    public static Path create(BuildConfig config, Request request) {
        if (request.title() == null || request.title().isBlank()) {
            throw new CertDocsException("give the article a title: -Dtitle=\"Connect to a VM fails\"");
        }
        ArticleSchema schema = config.schema();
        List<String> kinds = schema.kinds().stream().map(KindSpec::name).toList();
        KindSpec kind = schema.kind(request.kind()).orElseThrow(() -> new CertDocsException("unknown type '"
                + request.kind() + "'" + Suggestions.closest(request.kind(), kinds).map(k -> ", did you mean '" + k + "'?")
                .orElse("") + " Known types: " + String.join(", ", kinds)));
        List<String> clouds = new ArrayList<>();
        for (String id : request.clouds()) {
            Cloud c = config.catalog().find(id).orElseThrow(() -> new CertDocsException("unknown cloud '" + id + "'"
                    + Suggestions.closest(id, config.catalog().ids()).map(k -> ", did you mean '" + k + "'?").orElse("")
                    + " Known clouds: " + String.join(", ", config.catalog().ids())));
            clouds.add(c.id());
        }
        if (clouds.isEmpty()) clouds.add("public");
        String slug = HeadingIds.slug(request.title()).replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (slug.isEmpty()) slug = "article";
        // The new file goes under the content directory, never beside it or outside the repository
        // (-Ddirectory=../outside, or an absolute path, which resolve() would take as it is).
        Path content = config.contentDirectory().toAbsolutePath().normalize();
        Path dir = content.resolve(request.directory() == null ? "" : request.directory()).normalize();
        if (!dir.startsWith(content)) {
            throw new CertDocsException("the directory '" + request.directory() + "' is outside the content directory "
                    + config.baseDir().toAbsolutePath().normalize().relativize(content)
                    + "; give a folder under it, e.g. -Ddirectory=compute");
        }
        Path file = dir.resolve(slug + ".md");
        String text = render(schema, kind, request.title().strip(), clouds);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new CertDocsException(file + " already exists; choose another title");
        } catch (IOException e) {
            throw new CertDocsException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    static String render(ArticleSchema schema, KindSpec kind, String title, List<String> clouds) {
        Set<String> names = new LinkedHashSet<>();
        names.add("pageTitle");
        names.addAll(schema.alwaysRequired());
        names.addAll(kind.required());
        StringBuilder sb = new StringBuilder("<properties\n");
        for (String name : names) {
            String canonical = schema.attribute(name).map(AttributeSpec::name).orElse(name);
            String value = switch (canonical) {
                case "pageTitle" -> title;
                case "selfHelpType" -> kind.name();
                case "articleId" -> UUID.randomUUID().toString();
                case "cloudEnvironments" -> String.join(", ", clouds);
                default -> "";
            };
            sb.append("\t").append(canonical).append("=\"").append(escape(value)).append("\"\n");
        }
        sb.append("/>\n\n# ").append(title).append("\n\n");
        switch (kind.body()) {
            case MARKDOWN -> sb.append(Placeholder.SYMPTOM + "\n\n## Cause\n\n"
                    + Placeholder.CAUSE + "\n\n## Resolution\n\n1. " + Placeholder.FIRST_STEP + "\n");
            case FORM -> sb.append("---\n{\n  \"$schema\": \"SelfHelpContent\",\n  \"formElements\": [\n"
                    + "    {\n      \"id\": \"problem_start_time\",\n      \"order\": 1,\n"
                    + "      \"controlType\": \"datetimepicker\",\n"
                    + "      \"displayLabel\": \"When did the problem start?\",\n      \"required\": true\n    }\n"
                    + "  ]\n}\n---\n");
            case JSON -> sb.append("---\n{\n}\n---\n");
        }
        return sb.toString();
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
