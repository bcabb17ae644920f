package dev.certdocs.config;

import dev.certdocs.support.CertDocsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code check-links} parameters that are written as text in a POM, read into the shapes
 * {@link LinkSettings} holds: the status map ({@code 403:warn}) and the per-host headers.
 */
public final class LinkOptions {

    /** What a status map entry may ask for, with the spellings accepted for each. */
    private static final Map<String, String> ACTIONS = Map.of("ok", "ok", "warn", "warn", "warning", "warn",
            "skip", "skip", "ignore", "skip", "error", "error", "broken", "error");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** One extra request header for the URLs of one host, its value read from an environment variable. */
    public record Header(String host, String name, String env) {
    }

    private LinkOptions() {
    }

    /** Parses entries {@code status:action}, action one of ok, warn, skip, error. */
    public static Map<Integer, String> statusMap(List<String> entries) {
        Map<Integer, String> map = new TreeMap<>();
        if (entries == null) return map;
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) continue;
            int colon = entry.indexOf(':');
            String action = colon < 0 ? null : ACTIONS.get(entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
            int status;
            try {
                status = colon < 0 ? -1 : Integer.parseInt(entry.substring(0, colon).strip());
            } catch (NumberFormatException e) {
                status = -1;
            }
            if (action == null || status < 100 || status > 999) {
                throw new CertDocsException("link status map entry '" + entry.strip()
                        + "': expected status:action, a status from 100 to 999 and an action of ok, warn, skip or error"
                        + " (for example 403:warn or 999:skip)");
            }
            map.put(status, action);
        }
        return map;
    }

    /** Per host (lower case), header name to the environment variable holding its value. */
    public static Map<String, Map<String, String>> headers(List<Header> headers) {
        Map<String, Map<String, String>> map = new LinkedHashMap<>();
        if (headers == null) return map;
        for (Header h : headers) {
            if (h.host() == null || h.host().isBlank() || h.name() == null || !TOKEN.matcher(h.name().strip()).matches()
                    || h.env() == null || h.env().isBlank()) {
                throw new CertDocsException("every <linkHeader> needs a <host>, a header <name> and the <env> variable"
                        + " that holds its value; got host=" + h.host() + ", name=" + h.name() + ", env=" + h.env());
            }
            map.computeIfAbsent(h.host().strip().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                    .put(h.name().strip(), h.env().strip());
        }
        return map;
    }
}
