package dev.certdocs.diagnostic;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON parser's complaint in words an author can act on: what is wrong and where, without the
 * parser's internals (character codes, token classes, {@code [Source: …]}). Used for every JSON a
 * person writes: the JSON documents of articles and the schema file.
 */
public final class JsonSyntax {

    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\): (.*)$",
            Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern UNCLOSED = Pattern.compile(
            "^Unexpected end-of-input: expected close marker for (Array|Object) \\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]\\)");
    private static final Pattern WRONG_CLOSE = Pattern.compile(
            "^Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object|root) starting at \\[Source: [^\\]]*?; line: (\\d+)(?:, column: (\\d+))?]\\)");
    private static final Pattern QUOTED_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+)(?:, column: (\\d+))?]");

    private JsonSyntax() {
    }

    /**
     * The problem of {@code e} in an author's words; positions it mentions are file positions, the
     * JSON having started on file line {@code firstLine}.
     */
    public static String describe(JsonProcessingException e, int firstLine) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        Matcher m = UNEXPECTED_CHARACTER.matcher(raw);
        if (m.find()) return unexpected(m.group(1), m.group(2));
        m = UNRECOGNIZED_TOKEN.matcher(raw);
        if (m.find()) {
            return "'" + m.group(1) + "' is not a JSON value: write text in double quotes, or true, false, null or a number";
        }
        m = UNCLOSED.matcher(raw);
        if (m.find()) {
            boolean array = m.group(1).equals("Array");
            return "the document ends before the " + (array ? "list '['" : "object '{'") + " opened at "
                    + (firstLine + Integer.parseInt(m.group(2)) - 1) + ":" + m.group(3) + " is closed with '"
                    + (array ? "]" : "}") + "'";
        }
        m = WRONG_CLOSE.matcher(raw);
        if (m.find()) {
            if (m.group(3).equals("root")) return "'" + m.group(1) + "' closes nothing: it has no opening '" + opening(m.group(1)) + "'";
            return "'" + m.group(1) + "' where '" + m.group(2) + "' must close the " + (m.group(3).equals("Array") ? "list" : "object")
                    + " opened at " + (firstLine + Integer.parseInt(m.group(4)) - 1) + ":" + m.group(5);
        }
        if (raw.startsWith("Unexpected end-of-input: was expecting closing quote")) {
            return "the document ends inside a text: a closing '\"' is missing";
        }
        if (raw.startsWith("Unexpected end-of-input")) {
            return "the document ends too early: a closing '}', ']' or '\"' is missing";
        }
        if (raw.startsWith("Illegal unquoted character ((CTRL-CHAR, code 10))")) {
            return "a text runs on past the end of its line: close it with '\"' (write \\n for a line break inside it)";
        }
        if (raw.startsWith("Illegal unquoted character")) {
            return "a text holds a control character (a tab or the like): write it escaped, such as \\t";
        }
        if (raw.startsWith("Invalid numeric value: Leading zeroes")) return "a number may not start with 0 (write 1, not 01)";
        // Anything else: the parser's first sentence, with its quoted locations as file positions.
        String first = raw.lines().findFirst().orElse("");
        Matcher q = QUOTED_LOCATION.matcher(first);
        StringBuilder out = new StringBuilder();
        while (q.find()) {
            String where = (firstLine + Integer.parseInt(q.group(1)) - 1) + (q.group(2) == null ? "" : ":" + q.group(2));
            q.appendReplacement(out, Matcher.quoteReplacement(where));
        }
        q.appendTail(out);
        return out.toString();
    }

    private static String unexpected(String found, String expectation) {
        String shown = "'" + found + "'";
        if (expectation.startsWith("was expecting double-quote to start field name")) {
            return found.equals("}")
                    ? "a ',' before '}' has nothing after it: remove the trailing comma"
                    : "a property name must be in double quotes, found " + shown;
        }
        if (expectation.startsWith("was expecting comma to separate Object entries")) {
            return "a ',' is missing between two properties, before " + shown;
        }
        if (expectation.startsWith("was expecting comma to separate Array entries")) {
            return "a ',' is missing between two list items, before " + shown;
        }
        if (expectation.startsWith("was expecting a colon")) {
            return "a ':' is missing between a property name and its value, before " + shown;
        }
        if (expectation.startsWith("expected a valid value")) {
            if (found.equals("'")) return "text must be in double quotes, not single quotes";
            if (found.equals("]") || found.equals("}")) return "a value is missing before '" + found + "' (a trailing comma?)";
            return "a value is expected here (text in double quotes, a number, true, false, null, '{' or '['), found " + shown;
        }
        return "unexpected " + shown + ": " + expectation.lines().findFirst().orElse("");
    }

    private static String opening(String close) {
        return close.equals("]") ? "[" : "{";
    }
}
