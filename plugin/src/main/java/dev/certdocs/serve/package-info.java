/**
 * Serves a live preview on loopback: pages come from a {@link dev.certdocs.serve.PreviewSite}
 * (rendered on demand by the engine) over the JDK's HTTP server, a watcher turns saved files
 * into a reload of the pages they affect, pushed to open pages by server-sent events, and every
 * HTML page carries an overlay with its problems. Input: a {@code PreviewSite} and the
 * repository's files; output: HTTP responses. Only the site is served: request paths and
 * repository files are checked here ({@link dev.certdocs.serve.SitePath},
 * {@link dev.certdocs.serve.RepositoryFiles}).
 */
package dev.certdocs.serve;
