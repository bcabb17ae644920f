/**
 * The immutable data every stage passes on: articles, their properties and structure, positions.
 * Input: nothing; output: records that the {@code load} stage builds and later stages read.
 */
package dev.certdocs.model;
