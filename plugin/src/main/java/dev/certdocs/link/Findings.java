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
 * the clouds only when the link is fine (or has another problem) in the others.
 */
final class Findings {

    /** A link where it is written: its position and its target as written. */
    record LinkKey(SourcePosition position, String target) {
    }

    /**
     * One problem, before the clouds it occurs in are known. {@code severity} is null for the
     * rule's configured one; {@code namesCloud} when the message already says which cloud.
     */
    private record Problem(Rule rule, Severity severity, LinkKey key, String message, boolean namesCloud) {
    }

    private static final Set<String> INTERNAL_RULES = Set.of(Rules.LINK_BROKEN_INTERNAL.id(),
            Rules.LINK_CROSS_CLOUD.id(), Rules.LINK_SYNTAX.id());

    private final Map<LinkKey, Set<String>> evaluated = new ConcurrentHashMap<>();
    private final Map<Problem, Set<String>> problems = new ConcurrentHashMap<>();
    private final Set<LinkKey> internal = ConcurrentHashMap.newKeySet();
    private final Set<LinkKey> internalBroken = ConcurrentHashMap.newKeySet();
    private final Set<LinkKey> airGapped = ConcurrentHashMap.newKeySet();

    /** The link is on a page of {@code cloud}. */
    void evaluated(LinkKey key, String cloud) {
        evaluated.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(cloud);
    }

    /** The link is checked without the network. */
    void internal(LinkKey key) {
        internal.add(key);
    }

    void problem(Rule rule, LinkKey key, String message, String cloud) {
        add(new Problem(rule, null, key, message, false), cloud);
        if (INTERNAL_RULES.contains(rule.id())) {
            internal.add(key);
            internalBroken.add(key);
        }
    }

    /** A missing {@code #anchor} of a page of the repository. */
    void missingAnchor(LinkKey key, String message, String cloud) {
        add(new Problem(Rules.LINK_MISSING_ANCHOR, null, key, message, false), cloud);
        internal.add(key);
        internalBroken.add(key);
    }

    /** A problem whose message names the cloud ({@code link/cross-cloud}, {@code link/air-gapped}). */
    void cloudProblem(Rule rule, LinkKey key, String message, String cloud) {
        add(new Problem(rule, null, key, message, true), cloud);
        if (rule.id().equals(Rules.LINK_AIR_GAPPED.id())) {
            airGapped.add(key);
        } else {
            internal.add(key);
            internalBroken.add(key);
        }
    }

    /** An external URL's problem, at a severity other than the rule's when the status map asked for one. */
    void external(Rule rule, Severity severity, LinkKey key, String message, String cloud) {
        add(new Problem(rule, severity, key, message, false), cloud);
    }

    private void add(Problem p, String cloud) {
        problems.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(cloud);
    }

    /** The diagnostics, severity overrides applied and switched-off rules left out, in source order. */
    List<Diagnostic> diagnostics(BuildConfig config) {
        List<String> order = config.clouds().stream().map(Cloud::id).toList();
        List<Diagnostic> out = new ArrayList<>();
        problems.forEach((p, clouds) -> {
            Severity configured = config.severityOf(p.rule().id(), p.rule().defaultSeverity());
            Severity severity = configured == Severity.OFF ? Severity.OFF : p.severity() != null ? p.severity() : configured;
            if (severity == Severity.OFF) return;
            String message = p.message();
            if (!p.namesCloud() && !clouds.containsAll(evaluated.getOrDefault(p.key(), Set.of()))) {
                message += " (in " + clouds.stream().sorted(java.util.Comparator.comparingInt(c -> rank(order, c)))
                        .collect(Collectors.joining(", ")) + ")";
            }
            out.add(new Diagnostic(severity, p.rule().id(), p.key().position(), message));
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
