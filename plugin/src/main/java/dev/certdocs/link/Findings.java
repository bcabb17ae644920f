package dev.certdocs.link;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.config.Cloud;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.link.http.UrlResult;
import dev.certdocs.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the checks of one run found, gathered from every thread. A link is checked once per cloud
 * of each page it is on; the same problem in several clouds becomes one diagnostic, which names
 * the clouds: in its message where the message says which clouds ({@link #CLOUDS}), else at its
 * end when the link is fine (or has another problem) in the others. A problem of a link in an
 * include file carries the include directives of the articles whose pages show it as related
 * locations.
 */
final class Findings {

    /** Stands in a message for the clouds the problem occurs in, filled in when the diagnostics are made. */
    static final String CLOUDS = "\u0000clouds\u0000";
    /** Related locations kept per problem at most: an include used by thousands of articles is one problem, not a list of them all. */
    static final int MAX_RELATED = 100;

    /** A link where it is written: its position and its target as written. */
    record LinkKey(SourcePosition position, String target) {
    }

    /** One problem, before the clouds it occurs in are known. {@code severity} is null for the rule's configured one. */
    private record Problem(Rule rule, Severity severity, LinkKey key, String message) {
    }

    private static final Set<String> INTERNAL_RULES = Set.of(Rules.LINK_BROKEN_INTERNAL.id(),
            Rules.LINK_CROSS_CLOUD.id(), Rules.LINK_SYNTAX.id());

    /** The clouds each link is on a page of: lists shared between links where they can be, a union only where a link is on several pages. */
    private final Map<LinkKey, List<String>> evaluated = new ConcurrentHashMap<>();
    private final Map<Problem, Set<String>> problems = new ConcurrentHashMap<>();
    private final Map<Problem, Set<SourcePosition>> related = new ConcurrentHashMap<>();
    private final Set<LinkKey> internal = ConcurrentHashMap.newKeySet();
    private final Set<LinkKey> internalBroken = ConcurrentHashMap.newKeySet();
    private final Set<LinkKey> airGapped = ConcurrentHashMap.newKeySet();

    /**
     * The link is on a page of each of {@code clouds}. One call per link and page, not per cloud: a
     * link on one page (most are) costs one map entry holding the page's list.
     */
    void evaluated(LinkKey key, List<String> clouds) {
        evaluated.merge(key, clouds, Findings::union);
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (a.containsAll(b)) return a;
        List<String> both = new ArrayList<>(a);
        for (String c : b) {
            if (!both.contains(c)) both.add(c);
        }
        return List.copyOf(both);
    }

    /** The link is checked without the network. */
    void internal(LinkKey key) {
        internal.add(key);
    }

    /**
     * A problem of the link at {@code key} in {@code cloud}; {@code via}: for a link in an include
     * file, the directive in the article that brings it onto the page, else null.
     */
    void problem(Rule rule, LinkKey key, String message, String cloud, SourcePosition via) {
        add(new Problem(rule, null, key, message), cloud, via);
        if (INTERNAL_RULES.contains(rule.id())) {
            internal.add(key);
            internalBroken.add(key);
        } else if (rule.id().equals(Rules.LINK_AIR_GAPPED.id())) {
            airGapped.add(key);
        }
    }

    /** A missing {@code #anchor} of a page of the repository. */
    void missingAnchor(LinkKey key, String message, String cloud, SourcePosition via) {
        add(new Problem(Rules.LINK_MISSING_ANCHOR, null, key, message), cloud, via);
        internal.add(key);
        internalBroken.add(key);
    }

    /** An external URL's problem, at a severity other than the rule's when the status map asked for one. */
    void external(Rule rule, Severity severity, LinkKey key, String message, String cloud) {
        add(new Problem(rule, severity, key, message), cloud, null);
    }

    private void add(Problem p, String cloud, SourcePosition via) {
        problems.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(cloud);
        if (via != null) related.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(via);
    }

    /** The diagnostics, severity overrides applied and switched-off rules left out, in source order. */
    List<Diagnostic> diagnostics(BuildConfig config) {
        List<String> order = config.clouds().stream().map(Cloud::id).toList();
        List<Diagnostic> out = new ArrayList<>();
        problems.forEach((p, clouds) -> {
            Severity configured = config.severityOf(p.rule().id(), p.rule().defaultSeverity());
            Severity severity = configured == Severity.OFF ? Severity.OFF : p.severity() != null ? p.severity() : configured;
            if (severity == Severity.OFF) return;
            String named = clouds.stream().sorted(java.util.Comparator.comparingInt(c -> rank(order, c)))
                    .collect(Collectors.joining(", "));
            String message = p.message();
            if (message.contains(CLOUDS)) {
                message = message.replace(CLOUDS, named);
            } else if (!clouds.containsAll(evaluated.getOrDefault(p.key(), List.of()))) {
                message += " (in " + named + ")";
            }
            List<SourcePosition> via = related.getOrDefault(p, Set.of()).stream().sorted().limit(MAX_RELATED).toList();
            out.add(new Diagnostic(severity, p.rule().id(), p.key().position(), message, via));
        });
        return out.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }

    private static int rank(List<String> order, String cloud) {
        int i = order.indexOf(cloud);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    LinkCounts counts(Map<UrlResult.Outcome, Integer> external, int notChecked) {
        int broken = (int) internal.stream().filter(internalBroken::contains).count();
        return new LinkCounts(internal.size() - broken, broken, external, airGapped.size(), notChecked);
    }
}
