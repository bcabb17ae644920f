package dev.certdocs.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certdocs.diagnostic.JsonSyntax;
import dev.certdocs.model.JsonBlock;
import dev.certdocs.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON block parsed into a tree, with the file position of every value by JSON pointer, so a
 * schema problem can point at the element it is about.
 */
final class JsonDocument {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Thrown for text that is not JSON, with the file position of the problem. */
    static final class Invalid extends Exception {
        final SourcePosition position;

        Invalid(String message, SourcePosition position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    final JsonNode root;
    private final String path;
    private final JsonBlock block;
    private final SourcePosition start;
    /** The position of every value by JSON pointer: read on the first {@link #position} asked for (most documents have no problem). */
    private Map<String, SourcePosition> positions;

    private JsonDocument(JsonNode root, String path, JsonBlock block, SourcePosition start) {
        this.root = root;
        this.path = path;
        this.block = block;
        this.start = start;
    }

    /**
     * The tree first: a document it reads is one the position scan reads too. Only when it reads
     * none is the scan run first, so that the problem reported is the scan's, worded for authors,
     * whenever the scan finds one (an empty block, text after the document, a syntax error).
     */
    static JsonDocument parse(String path, JsonBlock block) throws Invalid {
        SourcePosition start = new SourcePosition(path, block.firstLine(), 1);
        JsonNode root;
        try {
            root = MAPPER.readTree(block.text());
        } catch (JsonProcessingException e) {
            positions(path, block, start);
            JsonLocation loc = e.getLocation();
            throw new Invalid(JsonSyntax.describe(e, block.firstLine()), loc == null ? start : at(path, block, loc));
        }
        if (root == null || root.isMissingNode()) {
            positions(path, block, start);
        }
        return new JsonDocument(root, path, block, start);
    }

    /** Scans the document for the position of each value; {@link Invalid} where it is not one JSON document. */
    private static Map<String, SourcePosition> positions(String path, JsonBlock block, SourcePosition start) throws Invalid {
        Map<String, SourcePosition> positions = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(block.text())) {
            Deque<Frame> frames = new ArrayDeque<>();
            boolean complete = false;
            JsonToken t = p.nextToken();
            if (t == null) throw new Invalid("there is nothing between the '---' lines", start);
            for (; t != null; t = p.nextToken()) {
                if (complete) {
                    throw new Invalid("unexpected " + describe(t) + " after the end of the JSON document",
                            at(path, block, p.currentTokenLocation()));
                }
                Frame top = frames.peek();
                if (t == JsonToken.FIELD_NAME) {
                    top.key = p.currentName().replace("~", "~0").replace("/", "~1");
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    frames.pop();
                    complete = frames.isEmpty();
                    continue;
                }
                String here = top == null ? "" : top.pointer + "/" + (top.array ? String.valueOf(top.index++) : top.key);
                positions.put(here, at(path, block, p.currentTokenLocation()));
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    frames.push(new Frame(here, t == JsonToken.START_ARRAY));
                } else {
                    complete = frames.isEmpty();
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new Invalid(JsonSyntax.describe(e, block.firstLine()), loc == null ? start : at(path, block, loc));
        } catch (IOException e) {
            throw new Invalid(e.getMessage(), start);
        }
        return positions;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "'{'";
            case START_ARRAY -> "'['";
            default -> "value";
        };
    }

    /** Where the value at a JSON pointer ({@code /formElements/2/id}) is, or the nearest enclosing value. */
    SourcePosition position(String pointer) {
        if (positions == null) {
            try {
                positions = positions(path, block, start);
            } catch (Invalid e) {
                positions = Map.of(); // not reached: the tree was read, so the scan reads it too
            }
        }
        String p = pointer;
        while (true) {
            SourcePosition found = positions.get(p);
            if (found != null) return found;
            if (p.isEmpty()) return start;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** One open object or array while scanning: its pointer, and the key or index of its current member. */
    private static final class Frame {
        final String pointer;
        final boolean array;
        int index;
        String key = "";

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }

    private static SourcePosition at(String path, JsonBlock block, JsonLocation loc) {
        int line = Math.max(1, loc.getLineNr());
        int column = Math.max(1, loc.getColumnNr());
        return new SourcePosition(path, block.firstLine() + line - 1, column);
    }
}
