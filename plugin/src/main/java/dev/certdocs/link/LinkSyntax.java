package dev.certdocs.link;

import dev.certdocs.model.Letters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of the links that are checked without being followed: {@code mailto:}, {@code tel:},
 * the portal's {@code data-blade:}, and the shape of an {@code http(s)} URL before it is requested.
 * Each method returns why a target is malformed, or {@code null} when it is fine.
 */
final class LinkSyntax {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9().\\- ]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HTTP_URL = Pattern.compile(
            "(?i)https?://(?:[^/?#@\\s]*@)?(\\[[0-9A-Fa-f:.]+]|[^/?#:\\s\\[\\]]+)(:\\d*)?([/?#].*)?");
    /** What may stand in an e-mail address before the '@', besides letters and digits. */
    private static final String LOCAL_PART_MARKS = "!#$%&'*+/=?^_`{|}~.-";

    private LinkSyntax() {
    }

    /** {@code rest} is what follows {@code mailto:}: addresses separated by commas, then an optional {@code ?query}. */
    static String mailto(String rest) {
        int q = rest.indexOf('?');
        String to = Target.decode(q < 0 ? rest : rest.substring(0, q)).strip();
        if (to.isEmpty()) return "the mailto: link has no address";
        for (String address : to.split(",")) {
            String a = address.strip();
            if (!isEmail(a)) return "'" + a + "' is not an e-mail address (name@example.com)";
        }
        return null;
    }

    /** {@code rest} is what follows {@code tel:}: a number, then optional {@code ;name=value} parameters. */
    static String tel(String rest) {
        int semi = rest.indexOf(';');
        String number = Target.decode(semi < 0 ? rest : rest.substring(0, semi)).strip();
        if (number.isEmpty()) return "the tel: link has no number";
        if (!PHONE.matcher(number).matches()) {
            return "'" + number + "' is not a phone number: only digits, a leading '+' and the separators - . ( ) and space may appear";
        }
        long digits = number.chars().filter(Character::isDigit).count();
        if (digits < 3) return "'" + number + "' is too short for a phone number";
        return null;
    }

    /** {@code spec} is what follows {@code data-blade:}: {@code Extension.Blade}, then {@code .param.value} pairs. */
    static String blade(String spec) {
        if (spec.isBlank()) return "the data-blade: link names no blade; write data-blade:Extension.BladeName";
        for (int i = 0; i < spec.length(); i++) {
            if (Character.isWhitespace(spec.charAt(i))) {
                return "the data-blade: link holds white space; percent-encode it (%20)";
            }
        }
        String[] parts = spec.split("\\.", -1);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return "'" + spec + "' needs at least Extension.BladeName";
        }
        for (int i = 0; i < 2; i++) {
            if (!IDENTIFIER.matcher(parts[i]).matches()) {
                return "'" + parts[i] + "' is not a portal " + (i == 0 ? "extension" : "blade") + " name (letters, digits, '_' and '-')";
            }
        }
        for (int i = 2; i < parts.length; i += 2) {
            if (parts[i].isEmpty() || !IDENTIFIER.matcher(parts[i]).matches()) {
                if (i > 2) {
                    // Most often a value with a dot in it (Microsoft.Compute): the dot ended the value early.
                    return "the value of the blade parameter '" + parts[i - 2] + "' holds a '.', which data-blade: reads"
                            + " as a separator ('" + parts[i - 1] + "." + parts[i] + "'); write the dot as %2E";
                }
                return "'" + parts[i] + "' is not a blade parameter name (letters, digits, '_' and '-')";
            }
            if (i + 1 >= parts.length || parts[i + 1].isEmpty()) {
                return "the blade parameter '" + parts[i] + "' has no value; write ." + parts[i] + ".value";
            }
        }
        return null;
    }

    /** The shape of an http(s) URL: a host, no white space. */
    static String httpUrl(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i))) return "the URL holds white space; percent-encode it (%20)";
        }
        Matcher m = HTTP_URL.matcher(url);
        if (!m.matches()) return "the URL has no host";
        String host = m.group(1);
        if (!host.startsWith("[") && !isHostName(host)) return "'" + host + "' is not a host name";
        if (m.group(2) != null && m.group(2).length() == 1) return "the URL has a ':' but no port after the host";
        return null;
    }

    /*
     * Addresses and host names are read label by label, not with a pattern that repeats a group:
     * Java's regex engine recurses once per repetition of a group, so a host of a few thousand
     * labels (www.www.www…, which the autolink extension makes a link) overflowed the stack.
     */

    /** Whether {@code a} is {@code local@domain}: one '@', a local part of letters, digits and marks, a domain of two labels or more. */
    static boolean isEmail(String a) {
        int at = a.indexOf('@');
        if (at <= 0 || a.indexOf('@', at + 1) >= 0) return false;
        for (int i = 0; i < at; ) {
            int c = a.codePointAt(i);
            if (!Letters.letterOrNumber(c) && LOCAL_PART_MARKS.indexOf(c) < 0) return false;
            i += Character.charCount(c);
        }
        String[] labels = a.substring(at + 1).split("\\.", -1);
        if (labels.length < 2) return false;
        for (String label : labels) {
            if (!isLabel(label, false)) return false;
        }
        return true;
    }

    /** Whether {@code host} is labels separated by dots, a final dot allowed; underscores count as letters, as browsers take them. */
    static boolean isHostName(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) return false;
        for (String label : h.split("\\.", -1)) {
            if (!isLabel(label, true)) return false;
        }
        return true;
    }

    /** Letters, digits (and underscores when {@code underscore}), with hyphens inside but not at either end. */
    private static boolean isLabel(String label, boolean underscore) {
        if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') return false;
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            if (!Letters.letterOrNumber(c) && c != '-' && !(underscore && c == '_')) return false;
            i += Character.charCount(c);
        }
        return true;
    }


    /** The host of an http(s) URL that {@link #httpUrl} accepts, lower case. */
    static String host(String url) {
        Matcher m = HTTP_URL.matcher(url);
        if (!m.matches()) return "";
        return m.group(1).toLowerCase(java.util.Locale.ROOT);
    }
}
