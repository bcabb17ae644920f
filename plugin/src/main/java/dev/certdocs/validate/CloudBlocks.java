package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.model.Body;
import dev.certdocs.model.CloudBlockMarker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code cloud-block/unbalanced} and {@code cloud-block/unknown-cloud}: every {@code ::: cloud}
 * block is closed by a {@code ::: cloud-end} (blocks may nest), and names known clouds.
 */
final class CloudBlocks implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.CLOUD_BLOCK_UNBALANCED, Rules.CLOUD_BLOCK_UNKNOWN_CLOUD);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        var catalog = context.config().catalog();
        Deque<CloudBlockMarker> open = new ArrayDeque<>();
        for (CloudBlockMarker m : body.cloudBlocks()) {
            if (m.opening()) {
                open.push(m);
                if (m.clouds().isEmpty()) {
                    context.report(out, Rules.CLOUD_BLOCK_UNKNOWN_CLOUD, m.position(),
                            "'::: cloud' needs include=\"…\" or exclude=\"…\" naming at least one cloud");
                }
                for (String id : m.clouds()) {
                    if (catalog.find(id).isEmpty()) {
                        context.report(out, Rules.CLOUD_BLOCK_UNKNOWN_CLOUD, m.position(), "unknown cloud '" + id
                                + "' in '::: cloud " + (m.exclude() ? "exclude" : "include") + "'"
                                + Suggestions.closest(id, catalog.ids()).map(c -> ", did you mean '" + c + "'?")
                                        .orElse("; known clouds: " + String.join(", ", catalog.ids())));
                    }
                }
            } else if (open.isEmpty()) {
                context.report(out, Rules.CLOUD_BLOCK_UNBALANCED, m.position(),
                        "'::: cloud-end' closes no open '::: cloud' block");
            } else {
                open.pop();
            }
        }
        for (CloudBlockMarker m : open) {
            context.report(out, Rules.CLOUD_BLOCK_UNBALANCED, m.position(),
                    "the '::: cloud' block opened here is never closed with '::: cloud-end'");
        }
    }
}
