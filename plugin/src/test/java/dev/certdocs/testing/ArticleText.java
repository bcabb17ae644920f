package dev.certdocs.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of a valid {@code generic} article, to be changed one attribute at a time, so that a
 * test shows only the change it is about. Attributes come one per line, tab-indented, in the
 * order of docs/design.md §2, from line 2; the block closes on the line after the last attribute.
 */
public final class ArticleText {

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String body = "\n# Fixture article\n\nText.\n";

    private ArticleText(String articleId) {
        attributes.put("pageTitle", "Fixture article");
        attributes.put("description", "A fixture article");
        attributes.put("service", "microsoft.compute");
        attributes.put("resource", "virtualmachines");
        attributes.put("selfHelpType", "generic");
        attributes.put("supportTopicIds", "32600001");
        attributes.put("productPesIds", "14749");
        attributes.put("cloudEnvironments", "public");
        attributes.put("articleId", articleId);
        attributes.put("ownershipId", "Fixture_Team");
    }

    public static ArticleText generic(String articleId) {
        return new ArticleText(articleId);
    }

    /** Sets an attribute: in place when it exists, else as the last one. */
    public ArticleText set(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public ArticleText remove(String name) {
        attributes.remove(name);
        return this;
    }

    /** Replaces everything after the {@code />} line. */
    public ArticleText body(String text) {
        this.body = text;
        return this;
    }

    public String text() {
        StringBuilder sb = new StringBuilder("<properties\n");
        attributes.forEach((n, v) -> sb.append('\t').append(n).append("=\"").append(v).append("\"\n"));
        return sb.append("/>\n").append(body).toString();
    }

    /** The 1-based line an attribute is on. */
    public int lineOf(String name) {
        int line = 2;
        for (String n : attributes.keySet()) {
            if (n.equals(name)) return line;
            line++;
        }
        throw new IllegalArgumentException("no attribute " + name);
    }
}
