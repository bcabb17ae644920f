/**
 * Renders articles for one cloud: expands includes, keeps the cloud's blocks, replaces cloud
 * variables, turns Markdown into sanitized HTML (flexmark, then jsoup), and lays it into pages
 * through FreeMarker templates. Input: the articles and a cloud; output: rendered page records.
 * flexmark, jsoup and FreeMarker types stay inside this package.
 */
package dev.certdocs.render;
