/**
 * Applies the content rules to loaded articles and include files. Entry point:
 * {@link dev.certdocs.validate.Validation#validate}. Input: a {@link dev.certdocs.load.Corpus}
 * and the build's schema and cloud catalog; output: {@link dev.certdocs.diagnostic.Diagnostic}s.
 * One small class per rule family, all listed in {@link dev.certdocs.validate.Validation}.
 */
package dev.certdocs.validate;
