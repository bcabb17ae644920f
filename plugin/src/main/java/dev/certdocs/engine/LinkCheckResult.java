package dev.certdocs.engine;

import dev.certdocs.diagnostic.RunSummary;
import dev.certdocs.link.LinkCounts;

/**
 * The outcome of {@code check-links}: what was found, the counts by result, and whether the
 * build must fail (failing links, unless {@code failOnBrokenLinks} is off).
 */
public record LinkCheckResult(RunSummary summary, LinkCounts counts, boolean failed) {
}
