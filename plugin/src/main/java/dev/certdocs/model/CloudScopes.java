package dev.certdocs.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ::: cloud} blocks open on each line of a body, from its markers in order, nested as
 * the renderer nests them: the one reading of cloud blocks for the link scanner and the checks.
 */
public final class CloudScopes {

    private final int[] lines;
    private final CloudScope[] after;

    public CloudScopes(List<CloudBlockMarker> markers) {
        lines = new int[markers.size()];
        after = new CloudScope[markers.size()];
        List<CloudBlockMarker> open = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            CloudBlockMarker m = markers.get(i);
            if (m.opening()) open.add(m);
            else if (!open.isEmpty()) open.remove(open.size() - 1);
            lines[i] = m.position().line();
            after[i] = open.isEmpty() ? CloudScope.ALL : new CloudScope(open);
        }
    }

    /** The blocks around content on {@code line}. */
    public CloudScope at(int line) {
        CloudScope scope = CloudScope.ALL;
        for (int i = 0; i < lines.length && lines[i] < line; i++) scope = after[i];
        return scope;
    }
}
