package dev.certdocs.validate;

import dev.certdocs.config.Cloud;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.load.Includes;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.CloudScope;
import dev.certdocs.model.CloudScopes;
import dev.certdocs.model.Include;
import dev.certdocs.model.SourcePosition;
import dev.certdocs.model.VariableUse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code variable/unknown}, per cloud: a {@code {{cloud.x}}} that some clouds define but a cloud
 * the article is published to (among the clouds the build works on) does not would render there
 * as empty text. Content inside a {@code ::: cloud} block counts only for the clouds it is kept
 * in. One diagnostic per use names every cloud it is missing in; a use in an include file is
 * reported at the article's include directive, since whether it is missing depends on the article.
 * A name no cloud defines is {@link CloudVariables}' to report.
 */
final class VariablesPerCloud implements ArticleCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.VARIABLE_UNKNOWN);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        List<String> ids = article.cloudIds();
        List<Cloud> clouds = new ArrayList<>();
        for (Cloud c : context.config().clouds()) {
            if (ids.contains(c.id())) clouds.add(c);
        }
        if (clouds.isEmpty()) return;
        Set<String> known = context.config().catalog().variableNames();
        // Most catalogs define every variable everywhere: then there is nothing to look for, not even in includes.
        if (definedEverywhere(known, clouds)) return;
        List<String> stack = new ArrayList<>(List.of(article.path()));
        walk(article.path(), article.body(), CloudScope.ALL, null, clouds, known, stack, new HashSet<>(), context, out);
    }

    /**
     * {@code directive} is the article's include directive the walk is under, or null in the article's own body.
     * An include file is walked once per directive and scope it is reached under ({@code walked}): however many
     * paths lead to it, it has the same uses to report at the same place, so the work stays linear in the
     * include graph (a file included ten times by each of ten levels is not walked 10^10 times).
     */
    private void walk(String path, Body body, CloudScope outer, Include directive, List<Cloud> clouds, Set<String> known,
                      List<String> stack, Set<List<Object>> walked, CheckContext context, List<Diagnostic> out) {
        if (body.variables().isEmpty() && body.includes().isEmpty()) return;
        CloudScopes scopes = new CloudScopes(body.cloudBlocks());
        for (VariableUse v : body.variables()) {
            if (!known.contains(v.name())) continue;
            CloudScope scope = scopes.at(v.position().line()).within(outer);
            List<String> missing = new ArrayList<>();
            for (Cloud c : clouds) {
                if (scope.admits(c.id()) && !c.variables().containsKey(v.name())) missing.add(c.id());
            }
            if (missing.isEmpty()) continue;
            String variable = "'{{cloud." + v.name() + "}}'";
            String in = String.join(", ", missing);
            if (directive == null) {
                context.report(out, Rules.VARIABLE_UNKNOWN, v.position(), variable + " is not defined for " + in
                        + ", where the article is published, and would render as empty text there;"
                        + " define it in <cloudCatalog> or keep it in a '::: cloud' block");
            } else {
                context.report(out, Rules.VARIABLE_UNKNOWN, directive.position(), variable + " in the included "
                        + where(v.position()) + " is not defined for " + in
                        + ", where the article is published, and would render as empty text there");
            }
        }
        for (Include include : body.includes()) {
            if (stack.size() > Includes.MAX_DEPTH) break; // deeper is include/too-deep's to report
            Includes.Resolution r = context.includes().resolve(path, include.target());
            if (r.status() != Includes.Status.FOUND || stack.contains(r.path())) continue;
            CloudScope scope = scopes.at(include.position().line()).within(outer);
            Include under = directive == null ? include : directive;
            if (!walked.add(List.of(r.path(), scope, under))) continue;
            stack.add(r.path());
            walk(r.path(), context.includes().body(r.path()), scope, under, clouds, known, stack, walked, context, out);
            stack.remove(stack.size() - 1);
        }
    }

    /** Whether every one of {@code clouds} defines every name of {@code known} (loops: asked once per article). */
    private static boolean definedEverywhere(Set<String> known, List<Cloud> clouds) {
        for (String name : known) {
            for (Cloud c : clouds) {
                if (!c.variables().containsKey(name)) return false;
            }
        }
        return true;
    }

    private static String where(SourcePosition p) {
        return p.path() + ":" + p.line() + ":" + p.column();
    }
}
