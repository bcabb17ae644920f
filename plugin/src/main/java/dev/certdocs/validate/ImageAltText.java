package dev.certdocs.validate;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.diagnostic.Rule;
import dev.certdocs.diagnostic.Rules;
import dev.certdocs.model.Body;
import dev.certdocs.model.Image;
import java.util.List;

/** {@code image/missing-alt}: every image has alternative text for people who cannot see it. */
final class ImageAltText implements BodyCheck {

    @Override
    public List<Rule> rules() {
        return List.of(Rules.IMAGE_MISSING_ALT);
    }

    @Override
    public void check(String path, Body body, CheckContext context, List<Diagnostic> out) {
        for (Image image : body.images()) {
            if (image.alt() == null || image.alt().isBlank()) {
                context.report(out, Rules.IMAGE_MISSING_ALT, image.position(), "image '" + image.source()
                        + "' has no alt text; describe what it shows for readers who cannot see it");
            }
        }
    }
}
