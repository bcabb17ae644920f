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
 * Parses the {@code <properties … />} block that opens an article (the grammar of docs/design.md §2).
 * Every problem becomes a {@code properties/*} diagnostic with its position; nothing throws.
 *
 * <p>The reader forgives what real repositories hold, as an HTML parser would: a value in single
 * quotes is read (a {@code properties/single-quotes} warning), an unquoted value is read up to white
 * space, and a stray character between attributes (an invisible one such as a zero-width space, a
 * comma, missing white space) or an attribute that cannot be read is reported at its position and
 * skipped; the article keeps every attribute that could be read, so {@code force} still publishes it.
 * Only a block whose end cannot be told (never closed, a quote that never closes, a value running
 * into the next one, an error followed by a blank line) yields no properties, and then with one
 * clear error (the first) instead of a cascade.
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
    private int firstError = -1;
    private int firstErrorIndex;
    private boolean blankLineSeen;
    private boolean failedHard;
    private boolean inStrayRun;

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
        firstError = -1;
        inStrayRun = false;
        while (true) {
            int before = pos;
            skipSpace();
            if (blankLine(before, pos)) blankLineSeen = true;
            if (blankLineSeen && firstError >= 0) return undelimited();
            if (pos >= text.length()) {
                SourcePosition open = src.position(blockStart);
                error(blockStart, "unterminated properties block: the <properties opened at "
                        + open.line() + ":" + open.column() + " is never closed with '/>'");
                return failed();
            }
            char c = text.charAt(pos);
            if (c == '/' && text.startsWith("/>", pos)) {
                pos += 2;
                return read(attributes, blockStart, pos);
            }
            if (c == '>') {
                error(pos, "the properties block must end with '/>', not '>'");
                return read(attributes, blockStart, pos + 1);
            }
            if (!isNameChar(c)) {
                // A stray character between attributes is reported (once per run of them) and skipped.
                if (!inStrayRun) {
                    error(pos, "unexpected '" + printable(pos) + "' in the properties block: expected an attribute name or '/>'");
                    inStrayRun = true;
                }
                if (c == '=' || c == '"' || c == '\'') {
                    // The stray text was an attribute's name: its value goes with it, not read as more names.
                    skipValue();
                    if (failedHard) return failed();
                } else {
                    pos += Character.charCount(text.codePointAt(pos));
                }
                continue;
            }
            inStrayRun = false;
            Attribute attribute = attribute();
            if (failedHard) return failed();
            if (attribute == null) continue;
            String key = attribute.name().toLowerCase(Locale.ROOT);
            Attribute earlier = seen.get(key);
            if (earlier != null) {
                report(Rules.PROPERTIES_DUPLICATE, attribute.position(), "attribute '" + attribute.name()
                        + "' is already set at " + earlier.position().line() + ":" + earlier.position().column()
                        + (earlier.name().equals(attribute.name()) ? "" : " as '" + earlier.name() + "'")
                        + "; the first value is used");
            } else {
                seen.put(key, attribute);
                attributes.add(attribute);
            }
        }
    }

    /**
     * Reads one attribute from a name character on; returns null when what was there cannot be
     * read as one (reported, and skipped up to the next white space), and sets {@link #failedHard}
     * when the block's end can no longer be told (a quote that never closes).
     */
    private Attribute attribute() {
        int nameStart = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) pos++;
        String name = SharedStrings.of(text.substring(nameStart, pos));
        if (pos < text.length() && "='\"/>".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))
                && !isInvisible(text.codePointAt(pos))) {
            error(pos, "unexpected '" + printable(pos) + "' after the attribute name '"
                    + name + "': names are made of letters, digits, '.', '_' and '-'");
            skipMalformedAttribute();
            return null;
        }
        int afterName = pos;
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != '=') {
            error(nameStart, "attribute '" + name + "' has no value: expected '=\"…\"' after it");
            int close = pos < text.length() && text.charAt(pos) == '"' ? text.indexOf('"', pos + 1) : -1;
            pos = close >= 0 ? close + 1 : afterName; // a value missing only its '=' is skipped with it
            return null;
        }
        pos++;
        skipSpace();
        if (pos >= text.length()) {
            error(text.length(), "the value of '" + name + "' must be in double quotes, found the end of the file");
            failedHard = true;
            return null;
        }
        char quoteChar = text.charAt(pos);
        if (quoteChar != '"' && quoteChar != '\'') {
            // HTML reads an unquoted value up to white space or the tag's end, and so does this parser.
            error(pos, "the value of '" + name + "' must be in double quotes, found '" + printable(pos) + "'");
            int valueStart = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && !text.startsWith("/>", pos)
                    && text.charAt(pos) != '>') pos++;
            String raw = text.substring(valueStart, pos);
            return new Attribute(name, decode(raw), src.position(nameStart), src.position(valueStart), raw);
        }
        int quote = pos;
        int close = text.indexOf(quoteChar, quote + 1);
        if (close < 0) {
            error(quote, "unclosed quote: the value of '" + name + "' opened here never closes");
            failedHard = true;
            return null;
        }
        if (quoteChar == '\'') {
            // An apostrophe inside a word (pageTitle='Can't connect') does not close the value when
            // another quote closes it later on the same line: read it as the author meant it.
            int lineEnd = text.indexOf('\n', quote);
            int next;
            while (close + 1 < text.length() && Character.isLetter(text.charAt(close + 1))
                    && (next = text.indexOf('\'', close + 1)) >= 0 && (lineEnd < 0 || next < lineEnd)) {
                close = next;
            }
            report(Rules.PROPERTIES_SINGLE_QUOTES, src.position(quote), "the value of '" + name
                    + "' is in single quotes; write it in double quotes");
        }
        pos = close + 1;
        String raw = text.substring(quote + 1, close);
        Attribute attribute = new Attribute(name, decode(raw), src.position(nameStart), src.position(quote + 1), raw);
        if (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && !text.startsWith("/>", pos)
                && !isInvisible(text.codePointAt(pos))) {
            int lineBreak = text.indexOf('\n', quote);
            if (lineBreak >= 0 && lineBreak < close) {
                // The value spans lines and runs into more text: a closing quote is missing, and where
                // each value ends (and so where the block ends) can no longer be told.
                SourcePosition opened = src.position(quote);
                error(pos, "expected white space after the value of '" + name + "', found '" + printable(pos)
                        + "'; its value opened at " + opened.line() + ":" + opened.column()
                        + " spans lines: is a closing quote missing?");
                failedHard = true;
                return null;
            }
            error(pos, "expected white space after the value of '" + name + "', found '" + printable(pos) + "'");
            inStrayRun = true; // the stray character just reported is not reported again
        }
        return attribute;
    }

    /** Skips a malformed attribute: the rest of its name, and its value if one follows. */
    private void skipMalformedAttribute() {
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '='
                && !text.startsWith("/>", pos)) pos++;
        int after = pos;
        skipWhiteSpace();
        if (pos < text.length() && text.charAt(pos) == '=') {
            skipValue();
        } else {
            pos = after;
        }
    }

    /** Skips an {@code =} (if there) and the quoted value after it (if there); a quote that never closes ends parsing. */
    private void skipValue() {
        if (text.charAt(pos) == '=') {
            pos++;
            skipWhiteSpace();
        }
        if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
            int close = text.indexOf(text.charAt(pos), pos + 1);
            if (close < 0) {
                error(pos, "unclosed quote: the value opened here never closes");
                failedHard = true;
                return;
            }
            pos = close + 1;
        }
    }

    /**
     * Skips white space, and reports and skips the invisible characters among it (a zero-width
     * space, a byte order mark, a no-break space: pasted from web pages, they are common in real
     * repositories and cannot be seen in an editor).
     */
    private void skipSpace() {
        while (pos < text.length()) {
            int c = text.codePointAt(pos);
            if (isInvisible(c)) {
                error(pos, String.format("invisible character U+%04X (%s) in the properties block: delete it",
                        c, Character.getName(c) == null ? "unnamed" : Character.getName(c).toLowerCase(Locale.ROOT)));
            } else if (!Character.isWhitespace(c)) {
                return;
            }
            pos += Character.charCount(c);
        }
    }

    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT || (Character.isSpaceChar(c) && !Character.isWhitespace(c));
    }

    private Result read(List<Attribute> attributes, int blockStart, int bodyOffset) {
        return new Result(Optional.of(new Properties(attributes, src.position(blockStart))), diagnostics, bodyOffset);
    }

    /** The block had an error and a blank line: where it ends cannot be told, so parsing stops at its first error. */
    private Result undelimited() {
        diagnostics.subList(firstErrorIndex + 1, diagnostics.size()).clear();
        pos = firstError;
        return failed();
    }

    private Result failed() {
        // A block whose end cannot be told loses the article: one clear error (the first) instead of
        // a cascade of derived ones, and parsing stops where it went wrong.
        if (firstError >= 0 && firstErrorIndex + 1 < diagnostics.size()) {
            diagnostics.subList(firstErrorIndex + 1, diagnostics.size()).clear();
            pos = firstError;
        }
        // Skip past the block's '/>' so the body still gets checked. A block holds no blank line in
        // practice and a body often holds '/>' (<br/>), so a '/>' after the next blank line is not
        // the block's: then the '/>' was forgotten and the body starts where parsing stopped.
        int from = Math.min(pos, text.length());
        Matcher blank = BLANK_LINE.matcher(text);
        int limit = blank.find(from) ? blank.start() : text.length();
        int end = text.indexOf("/>", from);
        return new Result(Optional.empty(), diagnostics, end >= 0 && end < limit ? end + 2 : from);
    }

    /** Whether {@code text} holds a blank line ({@link #BLANK_LINE}) between {@code from} and {@code to}: a scan, not a matcher per call. */
    private boolean blankLine(int from, int to) {
        for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
            int j = i + 1;
            while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
            if (j < to && text.charAt(j) == '\n') return true;
        }
        return false;
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
        report(rule, src.position(offset), message);
    }

    private void report(dev.certdocs.diagnostic.Rule rule, SourcePosition position, String message) {
        diagnostics.add(Diagnostic.of(rule, position, message));
    }

    /** A syntax error; the first one in the block is where a block that cannot be delimited stops. */
    private void error(int offset, String message) {
        if (firstError < 0) {
            firstError = offset;
            firstErrorIndex = diagnostics.size();
        }
        report(Rules.PROPERTIES_SYNTAX, offset, message);
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
