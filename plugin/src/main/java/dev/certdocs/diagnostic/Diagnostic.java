package dev.certdocs.diagnostic;

import dev.certdocs.model.SourcePosition;
import java.util.Comparator;
import java.util.List;

/**
 * One problem in the content: how bad it is, the stable id of the rule that found it, where it
 * is, and a message a content author can act on. {@code related}: other places that explain it
 * (for a link in an include file, the include directives of the articles whose pages carry it),
 * in source order; SARIF lists them as related locations. They are not part of what the log line
 * or the baseline identify a problem by. A message quoting a hostile line or URL is cut to
 * {@link #MAX_MESSAGE} characters, so one problem is one readable log line.
 */
public record Diagnostic(Severity severity, String ruleId, SourcePosition position, String message,
                         List<SourcePosition> related) {

    /** The longest message kept whole; a longer one (it quotes a hostile line or URL) is cut to this and says how long it was. */
    public static final int MAX_MESSAGE = 1_000;

    public Diagnostic {
        related = List.copyOf(related);
        message = shortened(message);
    }

    /** {@code message}, or its first {@link #MAX_MESSAGE} characters and how many there were. */
    static String shortened(String message) {
        if (message.length() <= MAX_MESSAGE) return message;
        int cut = Character.isLowSurrogate(message.charAt(MAX_MESSAGE)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, cut) + String.format(java.util.Locale.ROOT, "… (%,d characters in all)", message.length());
    }

    public Diagnostic(Severity severity, String ruleId, SourcePosition position, String message) {
        this(severity, ruleId, position, message, List.of());
    }

    /** Source order: by file, line, column, then rule id and message, so reports are stable. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(Diagnostic::ruleId)
            .thenComparing(Diagnostic::message);

    public static Diagnostic of(Rule rule, SourcePosition position, String message) {
        return new Diagnostic(rule.defaultSeverity(), rule.id(), position, message);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(newSeverity, ruleId, position, message, related);
    }

    /** The log line: {@code path:line:col: severity [rule-id] message}. */
    public String format() {
        return position + ": " + severity.label() + " [" + ruleId + "] " + message;
    }
}
