package dev.certdocs.diagnostic;

import java.util.Locale;
import java.util.Optional;

/** How bad a diagnostic is. {@code OFF} is only used in overrides, to silence a rule. */
public enum Severity {
    ERROR, WARNING, NOTE, OFF;

    /** The lower-case name used in logs, overrides and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|warn|note|info|off}, any casing. */
    public static Optional<Severity> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning", "warn" -> Optional.of(WARNING);
            case "note", "info" -> Optional.of(NOTE);
            case "off", "none", "skip" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
