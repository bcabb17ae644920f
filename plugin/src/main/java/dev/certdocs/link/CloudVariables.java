package dev.certdocs.link;

import dev.certdocs.config.Cloud;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {{cloud.x}}} in link targets and heading text as the renderer replaces them in
 * a cloud's Markdown: the cloud's value; nothing when another cloud defines the variable but this
 * one does not; the text as written when no cloud defines it ({@code validate} reports that).
 */
final class CloudVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*cloud\\.([A-Za-z0-9_.-]*)\\s*}}");

    private final Set<String> known;

    CloudVariables(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    String expand(String text, Cloud cloud) {
        if (text.indexOf("{{") < 0) return text;
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = cloud.variables().get(m.group(1));
            String replacement = value != null ? value : known.contains(m.group(1)) ? "" : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
