package dev.certdocs.diagnostic;

import java.util.List;
import java.util.Map;

/**
 * What the HTML report shows beyond a run's findings, which the engine knows and the findings
 * do not: who owns each article, which folder is a service, where a finding's source line can be
 * opened, and the goal's own results table.
 *
 * @param contentFolder the content directory's path from the repository root ({@code articles},
 *                      {@code ""} for the root): a finding's service folder is the first folder under it
 * @param owners        an article's path to its {@code ownershipId}; a file missing here (an include,
 *                      an article without one) has no owning team
 * @param sourceUrl     a link pattern with {@code {path}} and {@code {line}}, already checked against the
 *                      page URL allow-list; null to show {@code path:line:col} without a link
 * @param results       the goal's results table in order ({@code check-links}: links by result); empty for none
 */
public record ReportContext(String contentFolder, Map<String, String> owners, String sourceUrl, List<Result> results) {

    /** One row of a goal's results table. */
    public record Result(String label, long count) {
    }

    public ReportContext {
        owners = Map.copyOf(owners);
        results = List.copyOf(results);
        contentFolder = contentFolder.replace('\\', '/').replaceAll("^/+|/+$", "");
    }

    /** A report that knows nothing beyond the findings: no teams, folders from the path's root, no links. */
    public static ReportContext none() {
        return new ReportContext("", Map.of(), null, List.of());
    }
}
