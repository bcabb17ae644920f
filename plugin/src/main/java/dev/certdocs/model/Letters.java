package dev.certdocs.model;

/** What counts as a letter or digit in a word of the content: what {@code \p{L}} or {@code \p{N}} matches. */
public final class Letters {

    private Letters() {
    }

    /** Whether a code point is a letter or a number (decimal digit, letter number such as Ⅻ, other number such as ²). */
    public static boolean letterOrNumber(int c) {
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (Character.isLetter(c)) return true;
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
