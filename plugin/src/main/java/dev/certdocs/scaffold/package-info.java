/**
 * Scaffolds new articles for the {@code new} goal. Input: a title, a kind and clouds; output: a
 * new article file with a fresh GUID {@code articleId} and the kind's required attributes as
 * empty placeholders, which {@code validate} points at until they are filled in.
 */
package dev.certdocs.scaffold;
