package dev.certdocs.validate;

import dev.certdocs.config.BuildConfig;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.load.Includes;
import dev.certdocs.model.SourcePosition;
import java.util.List;

/** What a check may read (the build's configuration, the include files) and where it reports. */
public record CheckContext(BuildConfig config, Includes includes) {

    /** A diagnostic of {@code rule} at its configured severity. */
    public Diagnostic diagnostic(Rule rule, SourcePosition position, String message) {
        return new Diagnostic(config.severityOf(rule.id(), rule.defaultSeverity()), rule.id(), position, message);
    }

    /** Adds a diagnostic unless the rule is switched off. */
    public void report(List<Diagnostic> out, Rule rule, SourcePosition position, String message) {
        Diagnostic d = diagnostic(rule, position, message);
        if (d.severity() != Severity.OFF) out.add(d);
    }
}
