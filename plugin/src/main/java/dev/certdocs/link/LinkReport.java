package dev.certdocs.link;

import dev.certdocs.diagnostic.Diagnostic;
import java.util.List;

/** What the link stage found: its diagnostics, severity overrides applied, in source order, and the counts by result. */
public record LinkReport(List<Diagnostic> diagnostics, LinkCounts counts) {

    public LinkReport {
        diagnostics = List.copyOf(diagnostics);
    }
}
