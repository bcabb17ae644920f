package dev.certdocs.diagnostic;

import dev.certdocs.model.SourcePosition;
import java.util.Comparator;

/**
 * One problem in the content: how bad it is, the stable id of the rule that found it, where it
 * is, and a message a content author can act on.
 */
public record Diagnostic(Severity severity, String ruleId, SourcePosition position, String message) {

    /** Source order: by file, line, column, then rule id and message, so reports are stable. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(Diagnostic::ruleId)
            .thenComparing(Diagnostic::message);

    public static Diagnostic of(Rule rule, SourcePosition position, String message) {
        return new Diagnostic(rule.defaultSeverity(), rule.id(), position, message);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(newSeverity, ruleId, position, message);
    }

    /** The log line: {@code path:line:col: severity [rule-id] message}. */
    public String format() {
        return position + ": " + severity.label() + " [" + ruleId + "] " + message;
    }
}
