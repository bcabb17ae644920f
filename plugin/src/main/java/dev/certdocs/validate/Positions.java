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

    /** Where a list item of the attribute's value is, found by text from the left. */
    static SourcePosition ofItem(Attribute attribute, String item) {
        int at = attribute.value().indexOf(item);
        return inValue(attribute, Math.max(at, 0));
    }
}
