package dev.certdocs.load;

import dev.certdocs.model.PageLinks;
import java.util.regex.Pattern;

/**
 * Finds the links and anchors of a Markdown file for the link checks: what {@link BodyScanner}
 * found in its one pass over the lines ({@link LinkLines}), so that checking links costs no second
 * parse; the flexmark-based scan this replaced is the test oracle ({@code LightLinkScanProperties}).
 * Every link and anchor has its file position and the {@code ::: cloud} blocks around it; include
 * directives and cloud-block marker lines are not content (the renderer removes them before parsing).
 * One instance per build, shared by all threads; include files are scanned once each.
 */
public final class LinkScanner {

    /** A heading's explicit id written after its text: {@code ## Text {#id}}. */
    public static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([^\\s{}]+)}\\s*$");

    private final Includes includes;

    public LinkScanner(Includes includes) {
        this.includes = includes;
    }

    /** The links of a loaded article's body. */
    public PageLinks article(ArticleLoader.Loaded loaded) {
        return loaded.article().body().pageLinks();
    }

    /** The links of an include file (a repository-relative path {@link Includes#resolve} found), scanned once. */
    public PageLinks include(String path) {
        return includes.body(path).pageLinks();
    }
}
