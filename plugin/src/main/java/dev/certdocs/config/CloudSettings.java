package dev.certdocs.config;

import java.util.List;
import java.util.Map;

/**
 * What a POM says about one cloud in {@code <cloudCatalog>}: every field may be null (keep the
 * built-in value). A new id adds a cloud, and must come with a name: an unknown id without one
 * is taken for a typo and stops the build.
 */
public record CloudSettings(
        String id,
        String name,
        String portalUrl,
        String docsUrl,
        Map<String, String> variables,
        List<String> rewrites,
        Boolean airGapped,
        List<String> allowedHosts,
        Boolean retired) {
}
