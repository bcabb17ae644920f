package dev.certdocs.link;

import dev.certdocs.model.PercentEncoding;
import java.util.Locale;

/**
 * What a link target is, once a cloud's variables are replaced in it: the classification of
 * docs/design.md §5 and, for paths, the path, query and fragment apart.
 *
 * @param kind     the class
 * @param text     the target as it stands
 * @param path     for {@link Kind#INTERNAL} the path part (still percent-encoded), else {@code ""}
 * @param fragment the part after {@code #} (percent-decoded), or {@code null} when there is no {@code #}
 */
record Target(Kind kind, String text, String path, String fragment) {

    enum Kind {
        /** A relative path to a file of the repository, with an optional {@code #fragment}. */
        INTERNAL,
        /** {@code #fragment} alone: an anchor of the same page. */
        FRAGMENT,
        /** {@code http://} or {@code https://}. */
        EXTERNAL,
        MAILTO,
        TEL,
        /** {@code data-blade:Extension.Blade.param.value}: a portal blade. */
        BLADE,
        /** {@code button-link:URL}: a portal button to an external URL. */
        BUTTON,
        /** {@code data:}: inline data, fine only for images. */
        DATA,
        /** {@code /path}: relative to the web server's root, not to the page. */
        ROOT_RELATIVE,
        /** {@code //host/path}: a URL without its scheme. */
        PROTOCOL_RELATIVE,
        /** Nothing at all: {@code [text]()}. */
        EMPTY,
        /** Any other scheme ({@code ftp:}, {@code file:}, {@code javascript:}, {@code C:\…}). */
        UNKNOWN_SCHEME
    }


    static Target classify(String written) {
        String t = written.strip();
        if (t.isEmpty()) return new Target(Kind.EMPTY, t, "", null);
        if (t.startsWith("#")) return new Target(Kind.FRAGMENT, t, "", decode(t.substring(1)));
        if (t.startsWith("//")) return new Target(Kind.PROTOCOL_RELATIVE, t, "", null);
        if (t.startsWith("/") || t.startsWith("\\")) return new Target(Kind.ROOT_RELATIVE, t, "", null);
        String scheme = scheme(t);
        if (scheme != null) {
            Kind kind = switch (scheme) {
                case "http", "https" -> Kind.EXTERNAL;
                case "mailto" -> Kind.MAILTO;
                case "tel" -> Kind.TEL;
                case "data-blade" -> Kind.BLADE;
                case "button-link" -> Kind.BUTTON;
                case "data" -> Kind.DATA;
                default -> Kind.UNKNOWN_SCHEME;
            };
            return new Target(kind, t, "", null);
        }
        int hash = t.indexOf('#');
        String beforeHash = hash < 0 ? t : t.substring(0, hash);
        String fragment = hash < 0 ? null : decode(t.substring(hash + 1));
        int query = beforeHash.indexOf('?');
        String path = query < 0 ? beforeHash : beforeHash.substring(0, query);
        return new Target(Kind.INTERNAL, t, path, fragment);
    }

    /** The lower-case scheme, when the text before the first ':' is one and comes before any '/', '?' or '#'. */
    static String scheme(String t) {
        int colon = t.indexOf(':');
        if (colon <= 0) return null;
        String s = t.substring(0, colon);
        if (!dev.certdocs.config.UrlPolicy.isSchemeName(s)) return null;
        return s.toLowerCase(Locale.ROOT);
    }

    /** The text after {@code scheme:}. */
    String afterScheme() {
        return text.substring(text.indexOf(':') + 1);
    }

    /** Percent-decodes ({@link PercentEncoding#decode}). */
    static String decode(String s) {
        return PercentEncoding.decode(s);
    }
}
