/**
 * Checks links: every link of every published page, per cloud. Entry point:
 * {@link dev.certdocs.link.LinkCheck} ({@code run}, {@code offline}: the checks that need no network).
 * Input: the corpus's articles with their links, and the build's clouds; output: a link report and {@code link/*} diagnostics. Internal links (files,
 * {@code #anchors}, cross-cloud) are checked here; external URLs by {@link dev.certdocs.link.http}.
 */
package dev.certdocs.link;
