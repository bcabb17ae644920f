/**
 * Writes the site, the only stage that writes it. Entry point: {@link dev.certdocs.publish.SiteWriter},
 * which applies a {@link dev.certdocs.publish.PublishPlan} (pages to write, pages to keep as
 * published, what the spare copy holds beyond them to delete): pages go to a staging directory
 * and each cloud's version directory is moved into place at the end, so a failed or interrupted
 * run leaves the previous site as it was (docs/publishing.md). Also the air-gapped check of what
 * templates and copied files write ({@link dev.certdocs.publish.AirGapCheck}), the sharded search
 * index and the bundles. Input: {@link dev.certdocs.model.RenderedPage}s and the theme's assets;
 * output: {@code site/<cloud>/<version>/…}, {@code versions.json}, {@code latest/}, the zips.
 */
package dev.certdocs.publish;
