package dev.certdocs.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site version name in semantic-version order: numbers compare as numbers (1.10.0 above
 * 1.9.0, missing parts count as 0), a pre-release sits below its release (1.1.0-rc.1 below
 * 1.1.0), a SNAPSHOT below every other pre-release of the same version, and a name that is not
 * a version at all ("preview") below every version, in alphabetical order.
 */
record SiteVersion(String name, List<Long> numbers, String qualifier, boolean numeric)
        implements Comparable<SiteVersion> {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+)*)(?:[-+.]?(.*))?");

    static SiteVersion parse(String name) {
        Matcher m = VERSION.matcher(name);
        if (!m.matches()) return new SiteVersion(name, List.of(), name, false);
        List<Long> numbers = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            try {
                numbers.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                return new SiteVersion(name, List.of(), name, false);
            }
        }
        String q = m.group(2) == null ? "" : m.group(2);
        int plus = q.indexOf('+'); // build metadata does not order versions
        if (plus >= 0) q = q.substring(0, plus);
        return new SiteVersion(name, numbers, q, true);
    }

    /** A release: a version without a pre-release qualifier. */
    boolean release() {
        return numeric && qualifier.isEmpty();
    }

    @Override
    public int compareTo(SiteVersion o) {
        if (numeric != o.numeric) return numeric ? 1 : -1;
        if (!numeric) return name.compareTo(o.name);
        for (int i = 0; i < Math.max(numbers.size(), o.numbers.size()); i++) {
            long a = i < numbers.size() ? numbers.get(i) : 0;
            long b = i < o.numbers.size() ? o.numbers.get(i) : 0;
            if (a != b) return Long.compare(a, b);
        }
        if (qualifier.isEmpty() || o.qualifier.isEmpty()) {
            return qualifier.isEmpty() == o.qualifier.isEmpty() ? 0 : qualifier.isEmpty() ? 1 : -1;
        }
        boolean snapshot = qualifier.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT");
        boolean otherSnapshot = o.qualifier.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT");
        if (snapshot != otherSnapshot) return snapshot ? -1 : 1;
        return comparePreRelease(qualifier, o.qualifier);
    }

    /** Semantic Versioning's rule: dot-separated identifiers, numeric ones numerically and below text ones. */
    private static int comparePreRelease(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d+");
            boolean yn = y[i].matches("\\d+");
            int c;
            if (xn && yn) c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
            else if (xn != yn) c = xn ? -1 : 1;
            else c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
