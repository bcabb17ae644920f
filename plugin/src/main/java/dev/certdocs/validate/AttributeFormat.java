package dev.certdocs.validate;

import dev.certdocs.config.AttributeSpec;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.diagnostic.Suggestions;
import dev.certdocs.diagnostic.Severity;
import dev.certdocs.model.Article;
import dev.certdocs.model.Attribute;
import dev.certdocs.model.Properties;
import dev.certdocs.model.SourcePosition;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code field/format}: each known attribute's value has the schema's format (length, no markup,
 * pattern, enumeration, integer), list attributes item by item. Kinds and cloud ids have checks
 * of their own.
 */
final class AttributeFormat implements ArticleCheck {

    private static final Pattern MARKUP = Pattern.compile("</?[A-Za-z][^>]*>|\\*\\*|__|`|\\[[^\\]]*\\]\\(");

    @Override
    public List<Rule> rules() {
        return List.of(Rules.FIELD_FORMAT);
    }

    @Override
    public void check(Article article, CheckContext context, List<Diagnostic> out) {
        var schema = context.config().schema();
        for (Attribute a : article.props().attributes()) {
            var found = schema.attribute(a.name());
            if (found.isEmpty() || a.value().isBlank()) continue;
            AttributeSpec spec = found.get();
            if (spec.type() == AttributeSpec.Type.KIND || spec.type() == AttributeSpec.Type.CLOUDS) continue;
            String value = a.value().strip();
            if (spec.maxLength() > 0 && value.length() > spec.maxLength()) {
                report(context, out, spec, a.valuePosition(), "'" + a.name() + "' is " + value.length()
                        + " characters long; at most " + spec.maxLength() + " are allowed");
            }
            if (!spec.markup() && mayHoldMarkup(value)) {
                var m = MARKUP.matcher(value);
                if (m.find()) {
                    report(context, out, spec, Positions.inValue(a, a.value().indexOf(m.group())),
                            "'" + a.name() + "' must be plain text, but contains markup '" + m.group() + "'");
                }
            }
            if (spec.isList()) {
                for (String item : Properties.splitList(value)) {
                    checkValue(context, out, spec, a, item, "item");
                }
            } else {
                checkValue(context, out, spec, a, value, "value");
            }
        }
    }

    /** Whether {@link #MARKUP} can match: it needs one of these; most values hold none, and a matcher per attribute costs. */
    private static boolean mayHoldMarkup(String value) {
        return value.indexOf('<') >= 0 || value.indexOf('`') >= 0 || value.indexOf('[') >= 0
                || value.contains("**") || value.contains("__");
    }

    private static void checkValue(CheckContext context, List<Diagnostic> out, AttributeSpec spec, Attribute a,
                                   String value, String what) {
        if (spec.pattern().isPresent() && !spec.pattern().get().matcher(value).matches()) {
            String expected = spec.patternHelp().isEmpty()
                    ? "match the pattern '" + spec.pattern().get().pattern() + "'" : "be " + spec.patternHelp();
            report(context, out, spec, Positions.ofItem(a, value), "'" + a.name() + "' " + what + " '" + value
                    + "' must " + expected);
        }
        if (!spec.enumValues().isEmpty() && spec.enumValues().stream().noneMatch(v -> v.equalsIgnoreCase(value))) {
            report(context, out, spec, Positions.ofItem(a, value), "'" + a.name() + "' " + what + " '" + value + "' must be one of "
                    + String.join(", ", spec.enumValues()) + Suggestions.didYouMean(value, spec.enumValues()));
        }
    }

    private static void report(CheckContext context, List<Diagnostic> out, AttributeSpec spec, SourcePosition at,
                               String message) {
        Diagnostic d = context.diagnostic(Rules.FIELD_FORMAT, at, message);
        if (spec.severity().isPresent() && !context.config().severityOverrides().containsKey(Rules.FIELD_FORMAT.id())) {
            d = d.withSeverity(spec.severity().get());
        }
        if (d.severity() != Severity.OFF) out.add(d);
    }
}
