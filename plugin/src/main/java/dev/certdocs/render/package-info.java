/**
 * Renders pages for one cloud: expands includes, keeps the cloud's blocks, replaces cloud
 * variables, turns Markdown into sanitized HTML (flexmark, then jsoup), and lays it into pages
 * through FreeMarker templates. Entry point: {@link dev.certdocs.render.Rendering}, which plans
 * each cloud's site and renders any one page on demand. Input: a
 * {@link dev.certdocs.load.Corpus} and a cloud; output: {@link dev.certdocs.model.RenderedPage}
 * records, in memory. flexmark, jsoup and FreeMarker types stay inside this package.
 */
package dev.certdocs.render;
