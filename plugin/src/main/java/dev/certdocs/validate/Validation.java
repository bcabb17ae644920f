package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.config.BuildConfig;
import dev.certdocs.load.Corpus;
import dev.certdocs.load.Load;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.Properties;
import dev.certdocs.support.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One build's validation: {@link #check} each article (from any thread, in any order), then
 * {@link #finish} for what needs them all (duplicate ids, pages the site takes) and for the include files they reached,
 * each checked once. This class is the registry: every check is listed here.
 */
public final class Validation {

    private static final List<ArticleCheck> ARTICLE_CHECKS = List.of(
            new AttributeNames(),
            new RequiredAttributes(),
            new AttributeFormat(),
            new KindName(),
            new CloudIds(),
            new MissingH1(),
            new JsonBody(),
            new IncludeGraph(),
            new UnsafePagePath(),
            new VariablesPerCloud());

    private static final List<BodyCheck> BODY_CHECKS = List.of(
            new InvalidUtf8(),
            new TooDeep(),
            new IncludeTargets(),
            new CloudBlocks(),
            new CloudVariables(),
            new ImageAltText(),
            new LeftPlaceholders(),
            new UnsafeHtml());

    private final CheckContext context;
    private final DuplicateArticleIds ids = new DuplicateArticleIds();
    private final ReservedPagePaths pages;

    public Validation(CheckContext context) {
        this.context = context;
        this.pages = new ReservedPagePaths(context);
    }

    /** The rules validation reports, the load stage's {@code properties/*} included. */
    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>(List.of(Rules.PROPERTIES_MISSING, Rules.PROPERTIES_SYNTAX,
                Rules.PROPERTIES_POSITION, Rules.PROPERTIES_DUPLICATE, Rules.PROPERTIES_SINGLE_QUOTES,
                Rules.ARTICLE_ID_DUPLICATE,
                Rules.PAGE_RESERVED_PATH));
        ARTICLE_CHECKS.forEach(c -> rules.addAll(c.rules()));
        BODY_CHECKS.forEach(c -> rules.addAll(c.rules()));
        // A rule may be reported by two checks (variable/unknown: by name, and per cloud).
        return List.copyOf(new LinkedHashSet<>(rules));
    }

    /**
     * The validate stage's entry point: what loading found in each article of the corpus, each
     * article's own checks, then those of all articles together and of the include files they
     * reach. In no particular order; severity overrides not applied.
     */
    public static List<Diagnostic> validate(BuildConfig config, Corpus corpus) {
        Validation validation = new Validation(new CheckContext(config, corpus.includes()));
        List<Corpus.Entry> articles = corpus.articles();
        @SuppressWarnings("unchecked")
        List<Diagnostic>[] own = new List[articles.size()];
        Parallel.forEach(config.threads(), articles.size(), "validation", i -> own[i] = validation.checked(articles.get(i)));
        List<Diagnostic> all = new ArrayList<>();
        for (List<Diagnostic> list : own) all.addAll(list);
        all.addAll(validation.finish());
        return all;
    }

    /** The corpus {@link #loadAndValidate} loaded, and what validation found in it (as {@link #validate}). */
    public record Validated(Corpus corpus, List<Diagnostic> found) {
    }

    /**
     * {@link Load#corpus Loading} and {@link #validate} in one pass: each article is checked on the
     * thread that loaded it, as soon as it is loaded, and the corpus keeps it without its body's
     * structure ({@link #withoutBody}), which only its own checks read. The findings are those of
     * {@code validate} on the whole corpus, in the same order; the corpus holds no text.
     */
    public static Validated loadAndValidate(BuildConfig config, List<String> files) {
        Corpus empty = Load.empty(config, files);
        Validation validation = new Validation(new CheckContext(config, empty.includes()));
        @SuppressWarnings("unchecked")
        List<Diagnostic>[] own = new List[files.size()];
        Corpus corpus = Load.corpus(config, empty, false, (i, entry) -> {
            own[i] = validation.checked(entry);
            return withoutBody(entry);
        });
        List<Diagnostic> all = new ArrayList<>();
        for (List<Diagnostic> list : own) all.addAll(list);
        all.addAll(validation.finish());
        return new Validated(corpus, all);
    }

    /**
     * The entry with its article's body left empty and of its properties only its team: what
     * {@code validate} reads of an article after its own checks is its path, its clouds
     * ({@link Article#cloudIds}, kept), its team ({@link Corpus.Entry#owner}) and its links
     * ({@link Corpus.Entry#links}). Every attribute kept was copied by each young collection until
     * the run ended: a tenth of the heap at 100,000 articles.
     */
    private static Corpus.Entry withoutBody(Corpus.Entry e) {
        Article a = e.article();
        Optional<Properties> team = a.properties().map(p -> new Properties(p.find(Corpus.Entry.OWNER).map(List::of).orElse(List.of()),
                p.position()));
        Article slim = new Article(a.path(), a.file(), team, Body.empty(a.body().firstLine()), a.cloudIds());
        return new Corpus.Entry(slim, e.diagnostics(), e.links(), e.hash(), e.loaded());
    }

    /** What loading found in an article and its own checks. Thread-safe. */
    public List<Diagnostic> checked(Corpus.Entry entry) {
        List<Diagnostic> out = new ArrayList<>(entry.diagnostics());
        out.addAll(check(entry.article()));
        return out;
    }

    /** Checks one article on its own. Thread-safe. */
    public List<Diagnostic> check(Article article) {
        List<Diagnostic> out = new ArrayList<>();
        for (ArticleCheck c : ARTICLE_CHECKS) c.check(article, context, out);
        for (BodyCheck c : BODY_CHECKS) c.check(article.path(), article.body(), context, out);
        ids.record(article);
        pages.record(article);
        return out;
    }

    /**
     * Records an article for the cross-article checks without checking it on its own (its own
     * results are known from an earlier run). Thread-safe.
     */
    public void record(Article article) {
        ids.record(article);
        pages.record(article);
    }

    /** Cross-article checks and the include files, once every article has been checked. */
    public List<Diagnostic> finish() {
        List<Diagnostic> out = new ArrayList<>();
        ids.report(context, out);
        pages.report(context, out);
        Map<String, dev.certdocs.model.Body> includes = new TreeMap<>(context.includes().loaded());
        includes.forEach((path, body) -> {
            for (BodyCheck c : BODY_CHECKS) c.check(path, body, context, out);
        });
        return out;
    }
}
