package dev.certdocs.mojo;

import dev.certdocs.config.LinkOptions;

/**
 * One <code>linkHeader</code> element of <code>linkHeaders</code>: a request header sent with every request to
 * one host, its value read from an environment variable when the request is made (and never logged).
 */
public class LinkHeaderParameter {
    /** The host, e.g. {@code api.github.com}. */
    String host;
    /** The header name, e.g. {@code Authorization}. */
    String name;
    /** The environment variable that holds the header's value, e.g. {@code GITHUB_AUTH_HEADER}. */
    String env;

    LinkOptions.Header toHeader() {
        return new LinkOptions.Header(host, name, env);
    }
}
