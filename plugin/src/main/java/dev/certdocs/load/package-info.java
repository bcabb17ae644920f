/**
 * Loads the content: finds the article files, reads each one (UTF-8, BOM and CRLF tolerated),
 * parses its properties block and extracts the structure of its body and of the files it
 * includes. Input: the content directory; output: {@link dev.certdocs.model.Article} records and
 * the {@code properties/*} diagnostics.
 */
package dev.certdocs.load;
