package dev.certdocs.publish;

import java.nio.file.Path;
import java.util.Set;

/**
 * What publishing may keep of earlier runs, as incremental building judged it: a spare copy of
 * each cloud's version to start the staging from (and the pages of it that are still right),
 * and the files of the version as published. {@link SiteWriter} applies it: it writes the pages
 * it is given, keeps those {@link #spareHolds} (or links them from the published version), and
 * deletes what the spare holds beyond them. {@link #NONE}: nothing is kept (a full build).
 */
public interface PublishPlan {

    /** A full build's plan: no spare, nothing known of the published version. */
    PublishPlan NONE = new PublishPlan() {
        @Override
        public Path spareTree(String cloud) {
            return null;
        }

        @Override
        public Set<String> spareFiles(String cloud) {
            return null;
        }

        @Override
        public boolean spareHolds(String cloud, String path, String key) {
            return false;
        }

        @Override
        public Set<String> publishedFiles(String cloud) {
            return null;
        }

        @Override
        public boolean keepsReplaced() {
            return false;
        }
    };

    /** The folder of the cloud's spare copy of the version (used when it exists), or null. */
    Path spareTree(String cloud);

    /** Every file of the cloud's spare copy, as paths below its version folder; null when nothing lists them (not used then). */
    Set<String> spareFiles(String cloud);

    /** Whether the spare's file at {@code path} is the page with input hash {@code key}, to keep as it is. */
    boolean spareHolds(String cloud, String path, String key);

    /** The files of the cloud's version as published, paths below its version folder; null when not known. */
    Set<String> publishedFiles(String cloud);

    /** Whether a version this run replaces is moved to {@link #spareTree} instead of being deleted. */
    boolean keepsReplaced();
}
