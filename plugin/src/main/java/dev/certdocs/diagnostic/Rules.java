package dev.certdocs.diagnostic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog of every rule id certdocs reports. The ids are stable: baselines and severity
 * overrides name them, so an id is never renamed or reused.
 */
public final class Rules {

    public static final Rule PROPERTIES_MISSING = rule("properties/missing", Severity.ERROR,
            "The article has no <properties … /> block.");
    public static final Rule PROPERTIES_SYNTAX = rule("properties/syntax", Severity.ERROR,
            "The properties block cannot be parsed.");
    public static final Rule PROPERTIES_POSITION = rule("properties/position", Severity.ERROR,
            "Something other than white space or HTML comments comes before the properties block.");
    public static final Rule PROPERTIES_DUPLICATE = rule("properties/duplicate-attribute", Severity.ERROR,
            "An attribute is written twice (names compare case-insensitively).");
    public static final Rule PROPERTIES_SINGLE_QUOTES = rule("properties/single-quotes", Severity.WARNING,
            "An attribute value in single quotes: read, but the format writes values in double quotes.");
    public static final Rule FIELD_REQUIRED = rule("field/required", Severity.ERROR,
            "An attribute the article's kind requires is missing.");
    public static final Rule FIELD_UNKNOWN = rule("field/unknown", Severity.WARNING,
            "An attribute the schema does not know.");
    public static final Rule FIELD_CASING = rule("field/casing", Severity.WARNING,
            "A known attribute written with other casing than its canonical spelling.");
    public static final Rule FIELD_FORMAT = rule("field/format", Severity.ERROR,
            "An attribute value does not have the format the schema gives it.");
    public static final Rule FIELD_EMPTY = rule("field/empty", Severity.ERROR,
            "A required attribute is present but empty.");
    public static final Rule KIND_UNKNOWN = rule("kind/unknown", Severity.ERROR,
            "selfHelpType names no known kind.");
    public static final Rule CLOUD_UNKNOWN = rule("cloud/unknown", Severity.ERROR,
            "A cloud id that the cloud catalog does not know.");
    public static final Rule CLOUD_RETIRED = rule("cloud/retired", Severity.WARNING,
            "A retired cloud: accepted, never rendered.");
    public static final Rule ARTICLE_ID_DUPLICATE = rule("article-id/duplicate", Severity.ERROR,
            "Two or more articles share an articleId.");
    public static final Rule BODY_MISSING_H1 = rule("body/missing-h1", Severity.ERROR,
            "The body has no level-1 heading.");
    public static final Rule BODY_JSON_INVALID = rule("body/json-invalid", Severity.ERROR,
            "The JSON document of a JSON kind is missing or is not valid JSON.");
    public static final Rule BODY_JSON_SCHEMA = rule("body/json-schema", Severity.ERROR,
            "The JSON document does not follow its kind's form schema.");
    public static final Rule BODY_PLACEHOLDER = rule("body/placeholder", Severity.WARNING,
            "The body still holds a placeholder text that certdocs:new wrote for the author to replace.");
    public static final Rule BODY_TOO_DEEP = rule("body/too-deep", Severity.ERROR,
            "Markdown nests deeper than 32 levels (block quotes, list items, emphasis and link brackets together).");
    public static final Rule ENCODING_INVALID_UTF8 = rule("encoding/invalid-utf8", Severity.ERROR,
            "A file's bytes are not valid UTF-8.");
    public static final Rule INCLUDE_MISSING = rule("include/missing", Severity.ERROR,
            "An included file does not exist.");
    public static final Rule INCLUDE_CYCLE = rule("include/cycle", Severity.ERROR,
            "Includes include each other in a cycle.");
    public static final Rule INCLUDE_ESCAPE = rule("include/escape", Severity.ERROR,
            "An include path leaves the repository.");
    public static final Rule INCLUDE_TOO_DEEP = rule("include/too-deep", Severity.ERROR,
            "Includes nest deeper than 16 levels.");
    public static final Rule INCLUDE_TOO_LARGE = rule("include/too-large", Severity.ERROR,
            "Includes add more than 4 MiB of text to one page.");
    public static final Rule CLOUD_BLOCK_UNBALANCED = rule("cloud-block/unbalanced", Severity.ERROR,
            "A ::: cloud block is not closed, or a ::: cloud-end closes nothing.");
    public static final Rule CLOUD_BLOCK_UNKNOWN_CLOUD = rule("cloud-block/unknown-cloud", Severity.ERROR,
            "A ::: cloud block names a cloud the catalog does not know.");
    public static final Rule VARIABLE_UNKNOWN = rule("variable/unknown", Severity.ERROR,
            "A {{cloud.…}} variable that no cloud defines.");
    public static final Rule HTML_UNSAFE = rule("html/unsafe", Severity.WARNING,
            "Raw HTML that the sanitizer removed.");
    public static final Rule IMAGE_MISSING_ALT = rule("image/missing-alt", Severity.WARNING,
            "An image without alternative text.");
    public static final Rule PAGE_RESERVED_PATH = rule("page/reserved-path", Severity.ERROR,
            "An article whose page would replace one of the site's own pages (home, search, 404, a service index).");
    public static final Rule PAGE_UNSAFE_PATH = rule("page/unsafe-path", Severity.ERROR,
            "An article whose file or folder name holds a ':', which a relative link to its page would start with a URL scheme.");
    public static final Rule LINK_BROKEN_INTERNAL = rule("link/broken-internal", Severity.ERROR,
            "A relative link to a file that does not exist.");
    public static final Rule LINK_MISSING_ANCHOR = rule("link/missing-anchor", Severity.ERROR,
            "A #fragment that matches no heading or anchor in its target.");
    public static final Rule LINK_CROSS_CLOUD = rule("link/cross-cloud", Severity.ERROR,
            "A link to an article not published in the linking page's cloud.");
    public static final Rule LINK_BROKEN_EXTERNAL = rule("link/broken-external", Severity.ERROR,
            "An external URL answered 4xx or 5xx.");
    public static final Rule LINK_TIMEOUT = rule("link/timeout", Severity.ERROR,
            "An external URL did not answer in time.");
    public static final Rule LINK_UNREACHABLE = rule("link/unreachable", Severity.ERROR,
            "An external URL could not be reached (DNS, TLS, connection).");
    public static final Rule LINK_RATE_LIMITED = rule("link/rate-limited", Severity.WARNING,
            "An external host kept answering 429.");
    public static final Rule LINK_BLOCKED = rule("link/blocked", Severity.WARNING,
            "An external host blocked the checker (999, or 403 with a bot challenge).");
    public static final Rule LINK_ADDRESS_POLICY = rule("link/address-policy", Severity.ERROR,
            "An external URL or a redirect to an address check-links does not connect to (link-local, cloud metadata,"
            + " or private after a redirect from a public address).");
    public static final Rule LINK_AIR_GAPPED = rule("link/air-gapped", Severity.ERROR,
            "An external link in an air-gapped cloud to a host not on its allow-list.");
    public static final Rule LINK_SYNTAX = rule("link/syntax", Severity.ERROR,
            "A malformed link, mailto:, tel: or portal link.");

    /** Every rule, in documentation order. */
    public static final List<Rule> ALL = List.of(
            PROPERTIES_MISSING, PROPERTIES_SYNTAX, PROPERTIES_POSITION, PROPERTIES_DUPLICATE,
            PROPERTIES_SINGLE_QUOTES, FIELD_REQUIRED, FIELD_UNKNOWN, FIELD_CASING, FIELD_FORMAT, FIELD_EMPTY,
            KIND_UNKNOWN, CLOUD_UNKNOWN, CLOUD_RETIRED, ARTICLE_ID_DUPLICATE,
            BODY_MISSING_H1, BODY_JSON_INVALID, BODY_JSON_SCHEMA, BODY_PLACEHOLDER, BODY_TOO_DEEP, ENCODING_INVALID_UTF8,
            INCLUDE_MISSING, INCLUDE_CYCLE, INCLUDE_ESCAPE, INCLUDE_TOO_DEEP, INCLUDE_TOO_LARGE,
            CLOUD_BLOCK_UNBALANCED, CLOUD_BLOCK_UNKNOWN_CLOUD, VARIABLE_UNKNOWN,
            HTML_UNSAFE, IMAGE_MISSING_ALT, PAGE_RESERVED_PATH, PAGE_UNSAFE_PATH,
            LINK_BROKEN_INTERNAL, LINK_MISSING_ANCHOR, LINK_CROSS_CLOUD, LINK_BROKEN_EXTERNAL,
            LINK_TIMEOUT, LINK_UNREACHABLE, LINK_RATE_LIMITED, LINK_BLOCKED, LINK_ADDRESS_POLICY, LINK_AIR_GAPPED,
            LINK_SYNTAX);

    private static final Map<String, Rule> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static Rule rule(String id, Severity severity, String summary) {
        return new Rule(id, severity, summary);
    }
}
