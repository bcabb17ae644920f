package dev.certdocs.render;

/**
 * A record of certdocs (for {@link ModelWrapper}) with a bean getter that answers null for some
 * records and a value for others: {@code ModelWrapperTest} checks that a null answer is not
 * remembered as a missing key.
 */
public record GetterProbe(String name) {

    /** Null for the record named "a". */
    public String getNick() {
        return name.equals("a") ? null : "nick-" + name;
    }
}
