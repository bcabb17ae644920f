/**
 * Problems found in content: the {@link dev.certdocs.diagnostic.Diagnostic} record, the catalog
 * of stable rule ids, severity overrides, the baseline, and the report writers (log lines, SARIF,
 * JUnit XML, HTML, GitHub annotations). Input: diagnostics from the stages; output: reports.
 */
package dev.certdocs.diagnostic;
