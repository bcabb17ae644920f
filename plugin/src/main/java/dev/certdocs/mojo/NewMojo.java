package dev.certdocs.mojo;

import dev.certdocs.scaffold.NewArticle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scaffolds a new article: {@code mvn certdocs:new -Dtitle="…" -Dtype=generic -Dclouds=public,fairfax}
 * writes <code>articles/{title-slug}.md</code> with a fresh GUID articleId and the kind's required
 * attributes as empty placeholders, and prints its path. The short property names of the design
 * ({@code title}, {@code type}, {@code clouds}, {@code directory}) work as well as the
 * {@code certdocs.}-prefixed ones.
 */
@Mojo(name = "new", requiresProject = true, threadSafe = true)
public class NewMojo extends AbstractCertDocsMojo {

    /** The article's title ({@code pageTitle} and H1). Also {@code -Dtitle}. */
    @Parameter(property = "certdocs.title")
    String title;

    /** The article's kind (selfHelpType). Also {@code -Dtype}. */
    @Parameter(property = "certdocs.type")
    String type;

    /** A folder under the content directory for the new file. Also {@code -Ddirectory}. */
    @Parameter(property = "certdocs.directory")
    String directory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    boolean skipGoal() {
        return false;
    }

    @Override
    void run() {
        String t = title != null ? title : bare("title", null);
        // The POM or the certdocs.-prefixed property first, then the design's short names, then the default.
        String k = type != null ? type : bare("type", "generic");
        String dir = directory != null ? directory : bare("directory", "");
        List<String> c = clouds != null && !clouds.isEmpty() ? clouds
                : Arrays.stream(bare("clouds", "public").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Path file = NewArticle.create(config().build(), new NewArticle.Request(t, k, c, dir));
        getLog().info("Created " + baseDirectory.toPath().relativize(file));
        getLog().info("Fill in the empty attributes; 'mvn certdocs:validate' lists what is left.");
    }

    private String bare(String name, String fallback) {
        String v = session.getUserProperties().getProperty(name);
        return v != null ? v : fallback;
    }
}
