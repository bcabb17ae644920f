package dev.certdocs.diagnostic;

import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…,title=…::message}) that
 * put each finding on the pull request's diff. Baselined findings are left out.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    public static List<String> lines(RunSummary run) {
        return run.findings().stream().filter(f -> !f.baselined()).map(f -> line(f.diagnostic())).toList();
    }

    static String line(Diagnostic d) {
        String command = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE, OFF -> "notice";
        };
        return "::" + command + " file=" + property(d.position().path()) + ",line=" + d.position().line()
                + ",col=" + d.position().column() + ",title=" + property(d.ruleId()) + "::" + data(d.message());
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
