/**
 * Applies the content rules to loaded articles and include files. Input: {@link
 * dev.certdocs.model.Article} records and the build's schema and cloud catalog; output:
 * {@link dev.certdocs.diagnostic.Diagnostic}s. One small class per rule family, all listed in
 * {@link dev.certdocs.validate.Validator}.
 */
package dev.certdocs.validate;
