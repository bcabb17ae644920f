/**
 * Writes the site, the only stage that writes it: rendered pages go to a staging directory and
 * each cloud's version directory is moved into place at the end, so a failed or interrupted run
 * leaves the previous site as it was. Input: {@link dev.certdocs.model.RenderedPage}s and the
 * theme's assets; output: {@code site/<cloud>/<version>/…} and {@code versions.json}.
 */
package dev.certdocs.publish;
