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

    /** The summary table, one line per result; rows that are rare show only when they are not zero. */
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"internal ok", String.valueOf(internalOk)});
        rows.add(new String[] {"internal broken", String.valueOf(internalBroken)});
        rows.add(new String[] {"external ok", String.valueOf(external(UrlResult.Outcome.OK))});
        rows.add(new String[] {"broken", String.valueOf(external(UrlResult.Outcome.BROKEN))});
        rows.add(new String[] {"timeout", String.valueOf(external(UrlResult.Outcome.TIMEOUT))});
        rows.add(new String[] {"unreachable", String.valueOf(external(UrlResult.Outcome.UNREACHABLE))});
        rows.add(new String[] {"rate-limited", String.valueOf(external(UrlResult.Outcome.RATE_LIMITED))});
        rows.add(new String[] {"blocked", String.valueOf(external(UrlResult.Outcome.BLOCKED))});
        rows.add(new String[] {"excluded", String.valueOf(external(UrlResult.Outcome.EXCLUDED))});
        if (external(UrlResult.Outcome.WARNED) > 0) {
            rows.add(new String[] {"warned (status map)", String.valueOf(external(UrlResult.Outcome.WARNED))});
        }
        if (external(UrlResult.Outcome.REFUSED) > 0) {
            rows.add(new String[] {"refused (address policy)", String.valueOf(external(UrlResult.Outcome.REFUSED))});
        }
        if (external(UrlResult.Outcome.MISSING_FRAGMENT) > 0) {
            rows.add(new String[] {"missing anchor", String.valueOf(external(UrlResult.Outcome.MISSING_FRAGMENT))});
        }
        rows.add(new String[] {"air-gapped", String.valueOf(airGapped)});
        if (notChecked > 0) rows.add(new String[] {"not checked (offline)", String.valueOf(notChecked)});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int digits = rows.stream().mapToInt(r -> r[1].length()).max().orElse(1);
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %" + digits + "s", r[0], r[1]));
        }
        return lines;
    }

    /** Unique external URLs with a result (cached or requested), the offline ones not included. */
    public int externalTotal() {
        return external.values().stream().mapToInt(Integer::intValue).sum();
    }
}
