package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Body;
import java.util.List;

/**
 * {@code encoding/invalid-utf8}: content files are UTF-8. An error, not a warning: every character
 * decoded from the bad bytes would be published as U+FFFD (a Latin-1 file loses each accented
 * letter), which nobody wants on a page; the other checks still run on the text as decoded.
 */
final class InvalidUtf8 implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.ENCODING_INVALID_UTF8);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        body.invalidUtf8().ifPresent(at -> context.report(out, Rules.ENCODING_INVALID_UTF8, at,
                "the file is not valid UTF-8: the first bad byte is here, and bad bytes would show as U+FFFD;"
                        + " save the file as UTF-8"));
    }
}
