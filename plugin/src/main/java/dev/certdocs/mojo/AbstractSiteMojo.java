package dev.certdocs.mojo;

import dev.certdocs.config.BuildConfig;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that render the site ({@code generate}, {@code serve}), on top of every goal's. */
public abstract class AbstractSiteMojo extends AbstractCertDocsMojo {

    /** The version directory the site is rendered into (generate) and served under (serve). */
    @Parameter(property = "certdocs.siteVersion", defaultValue = "${project.version}")
    String siteVersion;

    /** The repository's template overrides, by file name. */
    @Parameter(property = "certdocs.templatesDirectory", defaultValue = "${project.basedir}/src/site-templates")
    File templatesDirectory;

    /** The site title in every page header. */
    @Parameter(property = "certdocs.siteTitle", defaultValue = "${project.name}")
    String siteTitle;

    /** The build's fixed time, for undated articles and (generate) reproducible zips. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    /** The configuration every goal shares with the site's own settings; the goal adds the rest. */
    BuildConfig.Builder siteConfig() {
        return config()
                .siteVersion(siteVersion)
                .templatesDirectory(templatesDirectory.toPath())
                .siteTitle(siteTitle)
                .outputTimestamp(outputTimestamp);
    }
}
