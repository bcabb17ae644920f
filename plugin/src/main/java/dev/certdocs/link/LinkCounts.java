package dev.certdocs.link;

import dev.certdocs.link.http.UrlResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the links of a run ended, for the summary table: links checked without the network
 * (paths, anchors, clouds, mailto:, tel:, portal links) by source position, external URLs by
 * unique URL and result, links an air-gapped cloud cannot reach, and URLs not checked offline.
 *
 * @param internalOk     links checked without the network that are fine in every cloud
 * @param internalBroken links checked without the network with a problem in some cloud
 * @param external       unique external URLs (after rewrites) by result
 * @param airGapped      links to hosts an air-gapped cloud cannot reach
 * @param notChecked     unique external URLs not checked because the run was offline
 */
public record LinkCounts(int internalOk, int internalBroken, Map<UrlResult.Outcome, Integer> external, int airGapped,
                         int notChecked) {

    public LinkCounts {
        EnumMap<UrlResult.Outcome, Integer> all = new EnumMap<>(UrlResult.Outcome.class);
        for (UrlResult.Outcome o : UrlResult.Outcome.values()) all.put(o, external.getOrDefault(o, 0));
        external = java.util.Collections.unmodifiableMap(all);
    }

    public int external(UrlResult.Outcome outcome) {
        return external.get(outcome);
    }

    /** One row of the summary table: a result and how many links ended so. */
    public record Row(String label, long count) {
    }

    /** The summary table's rows; rows that are rare show only when they are not zero. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("internal ok", internalOk));
        rows.add(new Row("internal broken", internalBroken));
        rows.add(new Row("external ok", external(UrlResult.Outcome.OK)));
        rows.add(new Row("broken", external(UrlResult.Outcome.BROKEN)));
        rows.add(new Row("timeout", external(UrlResult.Outcome.TIMEOUT)));
        rows.add(new Row("unreachable", external(UrlResult.Outcome.UNREACHABLE)));
        rows.add(new Row("rate-limited", external(UrlResult.Outcome.RATE_LIMITED)));
        rows.add(new Row("blocked", external(UrlResult.Outcome.BLOCKED)));
        rows.add(new Row("excluded", external(UrlResult.Outcome.EXCLUDED)));
        if (external(UrlResult.Outcome.WARNED) > 0) {
            rows.add(new Row("warned (status map)", external(UrlResult.Outcome.WARNED)));
        }
        if (external(UrlResult.Outcome.REFUSED) > 0) {
            rows.add(new Row("refused (address policy)", external(UrlResult.Outcome.REFUSED)));
        }
        if (external(UrlResult.Outcome.MISSING_FRAGMENT) > 0) {
            rows.add(new Row("missing anchor", external(UrlResult.Outcome.MISSING_FRAGMENT)));
        }
        rows.add(new Row("air-gapped", airGapped));
        if (notChecked > 0) rows.add(new Row("not checked (offline)", notChecked));
        return rows;
    }

    /** The summary table as log lines, one per {@link #rows() row}, labels and counts aligned. */
    public List<String> table() {
        List<Row> rows = rows();
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        int digits = rows.stream().mapToInt(r -> String.valueOf(r.count()).length()).max().orElse(1);
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %" + digits + "d", r.label(), r.count()));
        }
        return lines;
    }

    /** Unique external URLs with a result (cached or requested), the offline ones not included. */
    public int externalTotal() {
        return external.values().stream().mapToInt(Integer::intValue).sum();
    }
}
