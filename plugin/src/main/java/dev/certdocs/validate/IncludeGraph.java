package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.load.Includes;
import dev.certdocs.load.Nesting;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.Include;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code include/cycle}, {@code include/too-deep}, {@code include/too-large}, and {@code body/too-deep}
 * where included Markdown nests past the limit only in its place: what an article's includes make of
 * its page, against the limits {@link Includes} and {@link Nesting} own. Each limit is reported at
 * the one directive that crosses it, found by following the measures {@link Includes#expansion}
 * keeps per include file, so the work is the size of the include graph, never the number of paths
 * through it. A cycle is reported where the directive that closes it is, in whichever file holds it.
 */
final class IncludeGraph implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.INCLUDE_CYCLE, Rules.INCLUDE_TOO_DEEP, Rules.INCLUDE_TOO_LARGE);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        if (article.body().includes().isEmpty()) return;
        Includes includes = context.includes();
        List<String> stack = new ArrayList<>();
        stack.add(article.path());
        cycles(article.path(), article.body(), stack, new HashSet<>(), context, out);
        Includes.Expansion e = includes.expansion(article.path(), article.body());
        if (e.height() > Includes.MAX_DEPTH) tooDeep(article, context, out);
        if (e.chars() > Includes.MAX_INCLUDED_CHARS) tooLarge(article, context, out);
        if (e.nesting() > Nesting.MAX_DEPTH) nestedTooDeep(article, context, out);
    }

    /** Depth first from the article, each file followed once; files whose measure found no cycle are not followed. */
    private void cycles(String path, Body body, List<String> stack, Set<String> done, CheckContext context,
                        List<Diagnostic> out) {
        Includes includes = context.includes();
        for (Include include : body.includes()) {
            Includes.Resolution r = includes.resolve(path, include.target());
            if (r.status() != Includes.Status.FOUND) continue;
            int at = stack.indexOf(r.path());
            if (at >= 0) {
                List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
                cycle.add(r.path());
                // Where the article is not itself in the cycle, name it: the cycle's files alone do not say who reaches them.
                String reached = at == 0 ? "" : " (reached from " + String.join(" -> ", stack.subList(0, at)) + ")";
                context.report(out, Rules.INCLUDE_CYCLE, include.position(),
                        "include cycle: " + String.join(" -> ", cycle) + reached);
            } else if (stack.size() <= Includes.MAX_DEPTH && done.add(r.path()) && includes.expansion(r.path()).cyclic()) {
                stack.add(r.path());
                cycles(r.path(), includes.body(r.path()), stack, done, context, out);
                stack.remove(stack.size() - 1);
            }
        }
    }

    /** The first directive, in page order, whose file would be level {@code MAX_DEPTH + 1}. */
    private void tooDeep(Article article, CheckContext context, List<Diagnostic> out) {
        Includes includes = context.includes();
        Walk walk = new Walk(article);
        while (walk.body != null) {
            Include crossing = null;
            for (Include include : walk.body.includes()) {
                String target = walk.found(includes, include);
                if (target == null) continue;
                if (walk.level + 1 + includes.expansion(target).height() > Includes.MAX_DEPTH) {
                    if (walk.level + 1 > Includes.MAX_DEPTH) {
                        context.report(out, Rules.INCLUDE_TOO_DEEP, include.position(), "include '" + include.target()
                                + "' would be level " + (walk.level + 1) + " of nested includes; at most "
                                + Includes.MAX_DEPTH + " are allowed, and nothing deeper is inlined");
                        return;
                    }
                    crossing = include;
                    walk.into(includes, target);
                    break;
                }
            }
            if (crossing == null) return;
        }
    }

    /** The first directive, in page order, with which includes add more than {@code MAX_INCLUDED_CHARS}. */
    private void tooLarge(Article article, CheckContext context, List<Diagnostic> out) {
        Includes includes = context.includes();
        Walk walk = new Walk(article);
        long used = 0;
        while (walk.body != null) {
            boolean deeper = false;
            for (Include include : walk.body.includes()) {
                String target = walk.found(includes, include);
                if (target == null) continue;
                long own = includes.text(target).length();
                Includes.Expansion below = includes.expansion(target);
                if (used + own + below.chars() <= Includes.MAX_INCLUDED_CHARS) {
                    used += own + below.chars();
                    continue;
                }
                if (used + own > Includes.MAX_INCLUDED_CHARS || below.chars() == 0 || walk.level + 1 > Includes.MAX_DEPTH) {
                    context.report(out, Rules.INCLUDE_TOO_LARGE, include.position(), "with '" + include.target()
                            + "', includes would add more than " + Includes.MAX_INCLUDED_CHARS
                            + " characters (4 MiB) of text to the page; nothing from here on is inlined");
                    return;
                }
                used += own;
                walk.into(includes, target);
                deeper = true;
                break;
            }
            if (!deeper) return;
        }
    }

    /** The first directive, in page order, where an included file's Markdown nests past the limit in its place. */
    private void nestedTooDeep(Article article, CheckContext context, List<Diagnostic> out) {
        if (article.body().nesting() > Nesting.MAX_DEPTH) return; // reported where the article itself crosses
        Includes includes = context.includes();
        Walk walk = new Walk(article);
        int base = 0;
        while (walk.body != null) {
            boolean deeper = false;
            for (Include include : walk.body.includes()) {
                String target = walk.found(includes, include);
                if (target == null) continue;
                int here = base + include.nesting();
                if (here + includes.expansion(target).nesting() <= Nesting.MAX_DEPTH) continue;
                int own = includes.body(target).nesting();
                if (own > Nesting.MAX_DEPTH) return; // reported where the include file itself crosses
                if (here + own > Nesting.MAX_DEPTH) {
                    context.report(out, Rules.BODY_TOO_DEEP, include.position(), "'" + include.target() + "' nests "
                            + own + " levels deep and is included where the Markdown nests " + here + " levels: more than "
                            + Nesting.MAX_DEPTH + " in all; the page shows nothing from here on");
                    return;
                }
                base = here;
                walk.into(includes, target);
                deeper = true;
                break;
            }
            if (!deeper) return;
        }
    }

    /** A path down the include graph from an article, never into a file already on it. */
    private static final class Walk {
        String path;
        Body body;
        int level;
        private final Set<String> on = new HashSet<>();

        Walk(Article article) {
            this.path = article.path();
            this.body = article.body();
            on.add(path);
        }

        /** The repository path of the file a directive includes, or null when it includes none (or is a cycle). */
        String found(Includes includes, Include include) {
            Includes.Resolution r = includes.resolve(path, include.target());
            return r.status() == Includes.Status.FOUND && !on.contains(r.path()) ? r.path() : null;
        }

        void into(Includes includes, String target) {
            path = target;
            body = includes.body(target);
            level++;
            on.add(target);
        }
    }
}
