package dev.certdocs.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ::: cloud} blocks around a piece of content, outermost first: the content is kept
 * in a cloud's page only when every one of them admits that cloud. {@link #ALL} (no block)
 * admits every cloud. A block that names no cloud admits every cloud too ({@code validate}
 * reports it).
 */
public record CloudScope(List<CloudBlockMarker> blocks) {

    public static final CloudScope ALL = new CloudScope(List.of());

    public CloudScope {
        blocks = List.copyOf(blocks);
    }

    /** Whether content in this scope is kept in the page of {@code cloudId}. */
    public boolean admits(String cloudId) {
        // Index loops, no iterator or stream: asked for every link in every cloud of its page.
        for (int i = 0; i < blocks.size(); i++) {
            CloudBlockMarker b = blocks.get(i);
            List<String> clouds = b.clouds();
            if (clouds.isEmpty()) continue;
            boolean listed = false;
            for (int k = 0; k < clouds.size() && !listed; k++) listed = clouds.get(k).toLowerCase(Locale.ROOT).equals(cloudId);
            if (b.exclude() == listed) return false;
        }
        return true;
    }

    /** This scope inside {@code outer}: what an include file's content is in when the directive is in {@code outer}. */
    public CloudScope within(CloudScope outer) {
        if (outer.blocks.isEmpty()) return this;
        if (blocks.isEmpty()) return outer;
        List<CloudBlockMarker> all = new ArrayList<>(outer.blocks);
        all.addAll(blocks);
        return new CloudScope(all);
    }
}
