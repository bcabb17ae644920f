package dev.certdocs.mojo;

import dev.certdocs.config.CloudSettings;
import java.util.List;
import java.util.Map;

/**
 * One <code>cloud</code> element of <code>cloudCatalog</code> in the POM. Every field is optional but
 * {@code id}; an unset field keeps the built-in value.
 */
public class CloudParameter {
    /** The cloud id, e.g. {@code usnat}; a new id adds a cloud and then needs a {@code name}. */
    String id;
    /** Display name. */
    String name;
    /** The portal's base URL ({@code {{cloud.portalUrl}}}). */
    String portalUrl;
    /** The documentation host's base URL ({@code {{cloud.docsUrl}}}). */
    String docsUrl;
    /** More {@code {{cloud.x}}} variables. */
    Map<String, String> variables;
    /** URL rewrite rules, each written {@code from -> to}. */
    List<String> rewrites;
    /** Whether the cloud is air-gapped. */
    Boolean airGapped;
    /** Hosts reachable from inside an air-gapped cloud. */
    List<String> allowedHosts;
    /** Whether the cloud is retired (accepted in content, never rendered). */
    Boolean retired;

    CloudSettings toSettings() {
        return new CloudSettings(id, name, portalUrl, docsUrl, variables, rewrites, airGapped, allowedHosts, retired);
    }
}
