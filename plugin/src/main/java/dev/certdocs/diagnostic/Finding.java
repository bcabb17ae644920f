package dev.certdocs.diagnostic;

/** A diagnostic as reported: {@code baselined} when the baseline already lists it (it does not fail the build). */
public record Finding(Diagnostic diagnostic, boolean baselined) {

    public Severity severity() {
        return diagnostic.severity();
    }

    /** Whether this finding fails the build under the given policy. */
    public boolean fails(boolean failOnWarning) {
        if (baselined) return false;
        return severity() == Severity.ERROR || (failOnWarning && severity() == Severity.WARNING);
    }
}
