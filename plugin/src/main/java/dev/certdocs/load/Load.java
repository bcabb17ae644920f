package dev.certdocs.load;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.model.PageLinks;
import dev.certdocs.support.BuildLog;
import dev.certdocs.support.CertDocsException;
import dev.certdocs.support.Parallel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The load stage's entry point: the content directory → a {@link Corpus}. Articles are read,
 * parsed and scanned for links in parallel; bad content becomes their diagnostics.
 */
public final class Load {

    private Load() {
    }

    /** What is done with each entry as it is loaded: the entry the corpus keeps instead. */
    @FunctionalInterface
    public interface Then {
        Corpus.Entry apply(int index, Corpus.Entry loaded);
    }

    /**
     * The articles under the content directory. None at all is worth a warning: a mistyped
     * {@code contentDirectory} would otherwise pass every check with nothing checked.
     */
    public static List<String> articleFiles(BuildConfig config, BuildLog log) {
        List<String> files = ContentFiles.find(config.baseDir(), config.contentDirectory());
        if (files.isEmpty()) {
            log.warn("the content directory " + config.contentDirectory() + " holds no article (.md file);"
                    + " check <contentDirectory> or -Dcertdocs.contentDirectory");
        }
        return files;
    }

    /** An empty corpus over the configuration's repository, to load {@code files} into. */
    public static Corpus empty(BuildConfig config, List<String> files) {
        Includes includes = new Includes(config.baseDir());
        return new Corpus(files, List.of(), includes, new LinkScanner(includes),
                new ArticleLoader(config.baseDir(), config.schema()));
    }

    /**
     * Loads {@code files} (repository paths, as {@link #articleFiles} finds them): each article,
     * the problems loading found, its links. {@code keepText}: whether each article's text stays
     * in the corpus (rendering needs it; checks need only the records).
     */
    public static Corpus corpus(BuildConfig config, List<String> files, boolean keepText) {
        return corpus(config, empty(config, files), keepText, (i, entry) -> entry);
    }

    /**
     * As {@link #corpus(BuildConfig, List, boolean)}, into {@code empty} (made by {@link #empty}):
     * each entry (the {@code index}th of the files) goes through {@code then} on the thread that
     * loaded it, right after loading, and the corpus keeps what {@code then} returns. Validation
     * checks each article there and keeps a smaller entry, so what only the checks read is garbage
     * at once rather than held until all are loaded.
     */
    public static Corpus corpus(BuildConfig config, Corpus empty, boolean keepText, Then then) {
        List<String> files = empty.files();
        Corpus.Entry[] entries = new Corpus.Entry[files.size()];
        Parallel.forEach(config.threads(), files.size(), "loading",
                i -> entries[i] = then.apply(i, entry(empty, files.get(i), keepText)));
        return new Corpus(files, Arrays.asList(entries), empty.includes(), empty.scanner(), empty.loader());
    }

    /**
     * {@code files} with only their properties read ({@link ArticleLoader#properties}): enough to
     * plan the site, in a fraction of a full load's time (the live preview starts serving from it
     * and loads each article whole when its page is asked for). The entries have no links and no
     * text, and their bodies are empty.
     */
    public static Corpus properties(BuildConfig config, List<String> files) {
        Corpus empty = empty(config, files);
        Corpus.Entry[] entries = new Corpus.Entry[files.size()];
        Parallel.forEach(config.threads(), files.size(), "listing", i -> {
            try {
                ArticleLoader.Loaded loaded = empty.loader().properties(files.get(i));
                entries[i] = new Corpus.Entry(loaded.article(), loaded.diagnostics(), PageLinks.EMPTY, null, null);
            } catch (CertDocsException gone) {
                // deleted or unreadable since it was listed: not an article any more
            }
        });
        return new Corpus(files, Arrays.stream(entries).filter(Objects::nonNull).toList(), empty.includes(), empty.scanner(),
                empty.loader());
    }

    /**
     * One article loaded with {@code corpus}'s loader, include graph and link scanner, as
     * {@link #corpus} loads each (the live preview loads again only the files that changed).
     */
    public static Corpus.Entry entry(Corpus corpus, String file, boolean keepText) {
        ArticleLoader.Loaded loaded = corpus.loader().load(file);
        return new Corpus.Entry(loaded.article(), loaded.diagnostics(), corpus.scanner().article(loaded), null,
                keepText ? loaded : null);
    }
}
