package dev.certdocs.validate;

import dev.certdocs.load.PropertiesParser;
import dev.certdocs.model.Attribute;
import dev.certdocs.model.SourcePosition;

/** Positions inside attribute values, so a bad list item is pointed at, not just its attribute. */
final class Positions {

    private Positions() {
    }

    /**
     * Where the character at {@code index} of the attribute's (decoded) value is in the file: counted
     * in the value as written, since values may span lines and entities are longer than their text.
     */
    static SourcePosition inValue(Attribute attribute, int index) {
        SourcePosition start = attribute.valuePosition();
        String raw = attribute.rawValue();
        int line = start.line();
        int column = start.column();
        for (int i = 0; i < PropertiesParser.rawIndex(raw, index); i++) {
            if (raw.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(start.path(), line, column);
    }

    /**
     * Where a list item of the attribute's value is: the first occurrence of its text that is a
     * whole item, so that {@code pub} in {@code "public, pub"} is not found inside {@code public}.
     */
    static SourcePosition ofItem(Attribute attribute, String item) {
        String value = attribute.value();
        int at = value.indexOf(item);
        for (int i = at; i >= 0; i = value.indexOf(item, i + 1)) {
            if (isWholeItem(value, i, i + item.length())) {
                at = i;
                break;
            }
        }
        return inValue(attribute, Math.max(at, 0));
    }

    private static boolean isWholeItem(String value, int start, int end) {
        String before = value.substring(0, start).strip();
        String after = value.substring(end).strip();
        return (before.isEmpty() || before.endsWith(",")) && (after.isEmpty() || after.startsWith(","));
    }
}
