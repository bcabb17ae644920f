package dev.certdocs.engine;

import dev.certdocs.diagnostic.RunSummary;

/** The outcome of {@code validate}: what was found, and whether the build must fail. */
public record ValidationResult(RunSummary summary, boolean failed) {
}
