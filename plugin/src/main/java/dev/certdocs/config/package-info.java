/**
 * The configuration of one build: the validated, immutable {@link dev.certdocs.config.BuildConfig},
 * the cloud catalog and the article schema. Input: what the goal's parameters say; output:
 * records every stage reads.
 */
package dev.certdocs.config;
