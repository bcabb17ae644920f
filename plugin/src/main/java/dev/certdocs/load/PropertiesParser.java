package dev.certdocs.load;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Attribute;
import dev.certdocs.model.Properties;
import dev.certdocs.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code <properties … />} block that opens an article (the grammar of DESIGN §2).
 * Every problem becomes a {@code properties/*} diagnostic with its position; nothing throws.
 * A block with a syntax error yields no properties: one clear error instead of a cascade of
 * derived ones about missing attributes.
 */
public final class PropertiesParser {

    /** What the parser found: the block (if usable), its problems, and where the body starts. */
    public record Result(Optional<Properties> properties, List<Diagnostic> diagnostics, int bodyOffset) {
    }

    private static final String OPEN = "<properties";
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    private final SourceText src;
    private final String text;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int pos;

    private PropertiesParser(SourceText src) {
        this.src = src;
        this.text = src.text();
    }

    public static Result parse(SourceText src) {
        return new PropertiesParser(src).run();
    }

    private Result run() {
        int first = skipLeadingWhiteSpaceAndComments();
        if (first < 0) {
            return new Result(Optional.empty(), diagnostics, 0);
        }
        int blockStart;
        if (startsWithOpen(first)) {
            blockStart = first;
        } else {
            blockStart = findOpen(first);
            if (blockStart < 0) {
                report(Rules.PROPERTIES_MISSING, first < text.length() ? first : 0,
                        "the article has no <properties … /> block; it must open the file");
                return new Result(Optional.empty(), diagnostics, 0);
            }
            SourcePosition found = src.position(first);
            report(Rules.PROPERTIES_POSITION, blockStart,
                    "the properties block must come first: only white space and HTML comments may precede it, but "
                            + describe(first) + " comes first at " + found.line() + ":" + found.column());
        }
        pos = blockStart + OPEN.length();
        return parseAttributes(blockStart);
    }

    /** Returns the offset of the first significant character, or -1 after an unterminated comment. */
    private int skipLeadingWhiteSpaceAndComments() {
        int i = 0;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
            if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    report(Rules.PROPERTIES_SYNTAX, i, "unterminated HTML comment before the properties block: no '-->'");
                    return -1;
                }
                i = end + 3;
            } else {
                return i;
            }
        }
    }

    private boolean startsWithOpen(int at) {
        if (!text.regionMatches(true, at, OPEN, 0, OPEN.length())) return false;
        int after = at + OPEN.length();
        return after >= text.length() || Character.isWhitespace(text.charAt(after))
                || text.charAt(after) == '/' || text.charAt(after) == '>';
    }

    private int findOpen(int from) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = lower.indexOf(OPEN, from); i >= 0; i = lower.indexOf(OPEN, i + 1)) {
            if (startsWithOpen(i)) return i;
        }
        return -1;
    }

    private String describe(int offset) {
        int end = text.indexOf('\n', offset);
        String line = text.substring(offset, end < 0 ? text.length() : end).strip();
        if (line.codePointCount(0, line.length()) > 40) {
            line = line.substring(0, line.offsetByCodePoints(0, 40)) + "…"; // never half a surrogate pair
        }
        return "'" + line + "'";
    }

    private Result parseAttributes(int blockStart) {
        List<Attribute> attributes = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        while (true) {
            skipWhiteSpace();
            if (pos >= text.length()) {
                SourcePosition open = src.position(blockStart);
                report(Rules.PROPERTIES_SYNTAX, blockStart, "unterminated properties block: the <properties opened at "
                        + open.line() + ":" + open.column() + " is never closed with '/>'");
                return failed();
            }
            char c = text.charAt(pos);
            if (c == '/' && text.startsWith("/>", pos)) {
                pos += 2;
                return new Result(Optional.of(new Properties(attributes, src.position(blockStart))), diagnostics, pos);
            }
            if (c == '>') {
                report(Rules.PROPERTIES_SYNTAX, pos, "the properties block must end with '/>', not '>'");
                return new Result(Optional.empty(), diagnostics, pos + 1);
            }
            if (!isNameChar(c)) {
                report(Rules.PROPERTIES_SYNTAX, pos, "unexpected '" + printable(pos)
                        + "' in the properties block: expected an attribute name or '/>'");
                return failed();
            }
            int nameStart = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) pos++;
            String name = text.substring(nameStart, pos);
            if (pos < text.length() && "=\"/>".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
                report(Rules.PROPERTIES_SYNTAX, pos, "unexpected '" + printable(pos) + "' after the attribute name '"
                        + name + "': names are made of letters, digits, '.', '_' and '-'");
                return failed();
            }
            skipWhiteSpace();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                report(Rules.PROPERTIES_SYNTAX, nameStart, "attribute '" + name + "' has no value: expected '=\"…\"' after it");
                return failed();
            }
            pos++;
            skipWhiteSpace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                String found = pos >= text.length() ? "the end of the file" : "'" + printable(pos) + "'";
                report(Rules.PROPERTIES_SYNTAX, Math.min(pos, text.length()), "the value of '" + name
                        + "' must be in double quotes, found " + found);
                return failed();
            }
            int quote = pos;
            int close = text.indexOf('"', quote + 1);
            if (close < 0) {
                report(Rules.PROPERTIES_SYNTAX, quote, "unclosed quote: the value of '" + name
                        + "' opened here never closes");
                return failed();
            }
            pos = close + 1;
            String raw = text.substring(quote + 1, close);
            Attribute attribute = new Attribute(name, decode(raw), src.position(nameStart), src.position(quote + 1), raw);
            String key = name.toLowerCase(Locale.ROOT);
            Attribute earlier = seen.get(key);
            if (earlier != null) {
                report(Rules.PROPERTIES_DUPLICATE, nameStart, "attribute '" + name + "' is already set at "
                        + earlier.position().line() + ":" + earlier.position().column()
                        + (earlier.name().equals(name) ? "" : " as '" + earlier.name() + "'")
                        + "; the first value is used");
            } else {
                seen.put(key, attribute);
                attributes.add(attribute);
            }
            if (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && !text.startsWith("/>", pos)) {
                SourcePosition opened = src.position(quote);
                int lineBreak = text.indexOf('\n', quote);
                String hint = lineBreak >= 0 && lineBreak < close ? "; its value opened at " + opened.line() + ":"
                        + opened.column() + " spans lines: is a closing quote missing?" : "";
                report(Rules.PROPERTIES_SYNTAX, pos, "expected white space after the value of '" + name
                        + "', found '" + printable(pos) + "'" + hint);
                return failed();
            }
        }
    }

    private Result failed() {
        // Skip past the block's '/>' so the body still gets checked. A block holds no blank line in
        // practice and a body often holds '/>' (<br/>), so a '/>' after the next blank line is not
        // the block's: then the '/>' was forgotten and the body starts where parsing stopped.
        int from = Math.min(pos, text.length());
        Matcher blank = BLANK_LINE.matcher(text);
        int limit = blank.find(from) ? blank.start() : text.length();
        int end = text.indexOf("/>", from);
        return new Result(Optional.empty(), diagnostics, end >= 0 && end < limit ? end + 2 : from);
    }

    private void skipWhiteSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    /** The character at {@code offset} for a message: whole (both halves of a surrogate pair), controls escaped. */
    private String printable(int offset) {
        int c = text.codePointAt(offset);
        return Character.isISOControl(c) || Character.isSurrogate(text.charAt(offset))
                && Character.charCount(c) == 1 ? String.format("\\u%04x", c) : Character.toString(c);
    }

    private void report(dev.certdocs.diagnostic.Rule rule, int offset, String message) {
        diagnostics.add(Diagnostic.of(rule, src.position(offset), message));
    }

    /** Decodes the entities the format allows: {@code &amp; &quot; &lt; &gt; &apos;} and numeric references. */
    static String decode(String value) {
        if (value.indexOf('&') < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int semi = entityEnd(value, i);
            String decoded = semi < 0 ? null : entity(value.substring(i + 1, semi));
            if (decoded != null) {
                out.append(decoded);
                i = semi + 1;
            } else {
                out.append(value.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Where character {@code index} of a decoded value is in the value as written ({@code raw}):
     * positions are counted in the text as written, where an entity is longer than what it stands for.
     */
    public static int rawIndex(String raw, int index) {
        int decodedLength = 0;
        int i = 0;
        while (i < raw.length()) {
            int semi = entityEnd(raw, i);
            String decoded = semi < 0 ? null : entity(raw.substring(i + 1, semi));
            decodedLength += decoded == null ? 1 : decoded.length();
            if (decodedLength > index) return i;
            i = decoded == null ? i + 1 : semi + 1;
        }
        return raw.length();
    }

    /** The offset of the ';' that may close an entity starting at {@code i}, or -1. */
    private static int entityEnd(String value, int i) {
        int semi = value.charAt(i) == '&' ? value.indexOf(';', i) : -1;
        return semi > i && semi - i <= 10 ? semi : -1;
    }

    private static String entity(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "quot" -> "\"";
            case "lt" -> "<";
            case "gt" -> ">";
            case "apos" -> "'";
            default -> numeric(entity);
        };
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
        } catch (IllegalArgumentException e) {
            // not a valid reference: keep the text as written
        }
        return null;
    }
}
