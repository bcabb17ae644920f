/**
 * Loads the content: finds the article files, reads each one (UTF-8, BOM and CRLF tolerated),
 * parses its properties block and extracts the structure of its body and of the files it
 * includes, in one pass over the lines: headings, images, includes, cloud blocks, variables, and
 * the links and anchors the rendered page has ({@link dev.certdocs.load.LinkScanner}), without a
 * Markdown parse. Entry point: {@link dev.certdocs.load.Load#corpus}. Input: the content
 * directory; output: a {@link dev.certdocs.load.Corpus} ({@link dev.certdocs.model.Article}
 * records with their links, the include graph, the {@code properties/*} diagnostics) that every
 * goal shares.
 *
 * <p>Loading owns the Markdown dialect ({@link dev.certdocs.load.MarkdownDialect}): the flexmark
 * options the renderer parses with and certdocs' own syntax (the include directive, cloud-block
 * markers, code fences, variables), which validation, link checking and rendering all read through it.
 *
 * <p>Loading also owns the limits that keep hostile content from crashing or hanging a goal, and
 * measures them for every file it reads, so that every goal sees the same: how deep Markdown
 * nests ({@link dev.certdocs.load.Nesting}, 32 levels), how deep includes nest and how much text
 * they add to a page ({@link dev.certdocs.load.Includes}, 16 levels and 4 MiB), and where a file's
 * bytes first are not UTF-8. Validation reports them; the renderer and the link scanner stop where
 * they are crossed.
 */
package dev.certdocs.load;
