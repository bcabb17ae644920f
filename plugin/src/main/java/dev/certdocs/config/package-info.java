/**
 * The configuration of one build: the validated, immutable {@link dev.certdocs.config.BuildConfig},
 * the cloud catalog and the article schema. Input: what the goal's parameters say; output:
 * records every stage reads. Also {@link dev.certdocs.diagnostic.CertDocsException}, the one failure
 * type for problems with the tool or its configuration (never with content).
 */
package dev.certdocs.config;
