package dev.certdocs.serve;

import dev.certdocs.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the preview server needs of a site: its pages, rendered when asked, their problems, and
 * what a change of files affects. The engine implements it over the pipeline's stages; the
 * server knows nothing of how a page is made. Implementations are thread-safe: pages are asked
 * for from many threads while a reload runs.
 */
public interface PreviewSite extends AutoCloseable {

    /** In what {@link #reload} returns: every page changed (a template, the schema). */
    String EVERY_PAGE = "*";

    /**
     * A page: its bytes, or a repository file ({@code file}, read by the server only when it is
     * inside the repository), the HTTP status, and errors that rendering this page met (a template
     * error), which its overlay shows.
     */
    record Page(int status, byte[] content, Path file, List<String> errors) {

        public Page {
            errors = List.copyOf(errors);
        }

        public static Page of(byte[] content) {
            return new Page(200, content, null, List.of());
        }

        public static Page file(Path file) {
            return new Page(200, null, file, List.of());
        }

        /** A page that could not be rendered: a short HTML page, status 500, and why. */
        public static Page failed(String error) {
            return new Page(500, ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cannot render this page"
                    + "</title></head><body><h1>Cannot render this page</h1><p>See the problems below; the page is shown again"
                    + " once they are fixed.</p></body></html>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                    List.of(error));
        }
    }

    /** The clouds served, in the build's order. */
    List<String> clouds();

    /** The cloud the root of the server leads to. */
    String defaultCloud();

    /** The site version every cloud is served under ({@code /<cloud>/<version>/…}). */
    String version();

    /** The repository: no file outside it is served. */
    Path root();

    /** The page at {@code path} (below the version, such as {@code compute/x.html}) of a cloud; empty when there is none. */
    Optional<Page> page(String cloud, String path);

    /** The problems of the article (and the include files it reaches) shown at {@code path} in a cloud; none for other pages. */
    List<Diagnostic> problems(String cloud, String path);

    /** Problems that concern every page: a template syntax error, a schema error. */
    List<String> globalErrors();

    /**
     * Takes in changed files (created, modified or deleted): loads again what they change, checks
     * it, and returns the URL paths ({@code /<cloud>/<version>/<path>}) of the pages that now differ,
     * {@code /<cloud>/<version>/*} for every page of a cloud, or {@link #EVERY_PAGE}. Returns once
     * the new pages can be served. Never throws for content.
     */
    Set<String> reload(Set<Path> changed);

    /**
     * Where the site tells of pages that changed without a {@link #reload} call returning them:
     * the problems found by checks that run after a reload (across all articles) changed. The
     * URL paths are as {@link #reload} returns them.
     */
    default void onReload(java.util.function.Consumer<Set<String>> pages) {
    }

    /** Whether changes below this directory matter (build output and hidden folders do not). */
    boolean watches(Path directory);

    /** Stops what the site runs in the background. */
    @Override
    default void close() {
    }
}
