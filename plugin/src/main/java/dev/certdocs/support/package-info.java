/**
 * What every part of certdocs leans on and that is about no stage: the one failure type for
 * problems with the tool or its configuration ({@link dev.certdocs.support.CertDocsException},
 * never used for content), the build log the goals hand in ({@link dev.certdocs.support.BuildLog}),
 * the worker pool ({@link dev.certdocs.support.Parallel}), progress lines
 * ({@link dev.certdocs.support.Progress}) and the thread for a run's own state files
 * ({@link dev.certdocs.support.Background}). It depends on no other certdocs package.
 */
package dev.certdocs.support;
