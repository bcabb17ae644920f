/**
 * Checks links: every link of every published page, per cloud. Input: the articles and the
 * build's clouds; output: a link report and {@code link/*} diagnostics. Internal links (files,
 * {@code #anchors}, cross-cloud) are checked here; external URLs by {@link dev.certdocs.link.http}.
 */
package dev.certdocs.link;
