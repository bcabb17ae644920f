/**
 * The immutable data every stage passes on: articles, their properties and structure, positions.
 * Input: nothing; output: records that the {@code load} stage builds and later stages read. Also
 * the small text rules every stage reads URLs and names by, kept once: percent-decoding
 * ({@link dev.certdocs.model.PercentEncoding}), heading ids, letters.
 */
package dev.certdocs.model;
