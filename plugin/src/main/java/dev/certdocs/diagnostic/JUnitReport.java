package dev.certdocs.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JUnit XML for CI dashboards: one test suite per goal, one test case per checked file; a file
 * with errors (not baselined) fails, its warnings go to {@code system-out}. The goals share the
 * file: writing a goal's run replaces that goal's suite and keeps the other goals' suites.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    /** A test suite as written: its name, its opening and closing lines and what is between, its counts. */
    private record Suite(String name, String text, long tests, long failures, double seconds) {
    }

    private static final Pattern SUITE = Pattern.compile("(?s)  <testsuite name=\"([^\"]*)\" tests=\"(\\d+)\""
            + " failures=\"(\\d+)\"[^>]*? time=\"([0-9.]+)\">\n.*?  </testsuite>\n");

    /** Writes this goal's suite into the file, keeping the other goals' suites of a file written before. */
    public static void write(RunSummary run, Path file) {
        ReportFiles.write(file, merge(ReportFiles.readIfPresent(file), run));
    }

    /** The file with only this run's suite. */
    public static String render(RunSummary run) {
        return merge(null, run);
    }

    /** {@code existing} (a file this class wrote, or null) with this run's suite in place of the goal's old one. */
    static String merge(String existing, RunSummary run) {
        Suite fresh = suite(run);
        List<Suite> suites = new ArrayList<>();
        boolean placed = false;
        if (existing != null) {
            Matcher m = SUITE.matcher(existing);
            while (m.find()) {
                if (m.group(1).equals(fresh.name())) {
                    if (!placed) suites.add(fresh);
                    placed = true;
                } else {
                    suites.add(new Suite(m.group(1), m.group(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                            Double.parseDouble(m.group(4))));
                }
            }
        }
        if (!placed) suites.add(fresh);
        long tests = suites.stream().mapToLong(Suite::tests).sum();
        long failures = suites.stream().mapToLong(Suite::failures).sum();
        double seconds = suites.stream().mapToDouble(Suite::seconds).sum();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"certdocs\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
        suites.forEach(s -> xml.append(s.text()));
        xml.append("</testsuites>\n");
        return xml.toString();
    }

    private static Suite suite(RunSummary run) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        run.files().forEach(f -> byFile.put(f, new ArrayList<>()));
        for (Finding f : run.findings()) {
            byFile.computeIfAbsent(f.diagnostic().position().path(), k -> new ArrayList<>()).add(f);
        }
        long failures = byFile.values().stream()
                .filter(list -> list.stream().anyMatch(f -> f.fails(false))).count();
        StringBuilder xml = new StringBuilder();
        String suite = "certdocs." + run.goal();
        xml.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(byFile.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(seconds(run)).append("\">\n");
        for (var e : byFile.entrySet()) {
            xml.append("    <testcase classname=\"").append(escape(e.getKey())).append("\" name=\"")
                    .append(escape(run.goal())).append("\"");
            List<Finding> failing = e.getValue().stream().filter(f -> f.fails(false)).toList();
            List<Finding> other = e.getValue().stream().filter(f -> !f.fails(false)).toList();
            if (failing.isEmpty() && other.isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            if (!failing.isEmpty()) {
                xml.append("      <failure message=\"").append(escape(failing.size() + " error"
                        + (failing.size() == 1 ? "" : "s") + ": " + failing.get(0).diagnostic().message()))
                        .append("\" type=\"").append(escape(failing.get(0).diagnostic().ruleId())).append("\">");
                failing.forEach(f -> xml.append(escape(f.diagnostic().format())).append('\n'));
                xml.append("</failure>\n");
            }
            if (!other.isEmpty()) {
                xml.append("      <system-out>");
                other.forEach(f -> xml.append(escape(f.diagnostic().format() + (f.baselined() ? " (baselined)" : "")))
                        .append('\n'));
                xml.append("</system-out>\n");
            }
            xml.append("    </testcase>\n");
        }
        xml.append("  </testsuite>\n");
        return new Suite(escape(suite), xml.toString(), byFile.size(), failures, run.time().toNanos() / 1e9);
    }

    private static String seconds(RunSummary run) {
        return String.format(Locale.ROOT, "%.3f", run.time().toNanos() / 1e9);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
