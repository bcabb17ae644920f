package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.model.Body;
import java.util.List;

/**
 * A rule family about Markdown structure that applies alike to an article's body and to each
 * include file (checked once, however many articles include it). Stateless and thread-safe.
 */
public interface BodyCheck {

    List<Rule> rules();

    void check(String path, Body body, CheckContext context, List<Diagnostic> out);
}
