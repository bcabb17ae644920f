package dev.certdocs.diagnostic;

/** A rule's stable id, its default severity and a one-line summary for reports. */
public record Rule(String id, Severity defaultSeverity, String summary) {
}
