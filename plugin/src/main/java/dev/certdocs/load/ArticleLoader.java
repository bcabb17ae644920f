package dev.certdocs.load;

import dev.certdocs.config.ArticleSchema;
import dev.certdocs.config.KindSpec;
import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.model.Article;
import dev.certdocs.model.Body;
import dev.certdocs.model.Properties;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads one article file into an {@link Article}: reads it, parses the properties block, scans
 * the body. Content problems come back as diagnostics; nothing here throws for bad content.
 * One instance per build, shared by all threads.
 */
public final class ArticleLoader {

    /**
     * An article, the problems its loading found, and its body's text (for rendering; not kept by
     * validation); {@code source} is the whole file and {@code bodyOffset} where the body starts in it.
     * The body's text is cut from the source when first asked for: validation, which never asks,
     * copies no body.
     */
    public static final class Loaded {
        private final Article article;
        private final List<Diagnostic> diagnostics;
        private final SourceText source;
        private final int bodyOffset;
        /** Cut on first use; a String, so a race only cuts it twice. */
        private String bodyText;

        public Loaded(Article article, List<Diagnostic> diagnostics, SourceText source, int bodyOffset) {
            this.article = article;
            this.diagnostics = diagnostics;
            this.source = source;
            this.bodyOffset = bodyOffset;
        }

        public Article article() {
            return article;
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }

        /** The body's text: the source from {@link #bodyOffset()} on. */
        public String bodyText() {
            String text = bodyText;
            if (text == null) {
                text = source.text().substring(bodyOffset);
                bodyText = text;
            }
            return text;
        }

        public SourceText source() {
            return source;
        }

        public int bodyOffset() {
            return bodyOffset;
        }
    }

    private final Path baseDir;
    private final ArticleSchema schema;

    public ArticleLoader(Path baseDir, ArticleSchema schema) {
        this.baseDir = baseDir;
        this.schema = schema;
    }

    /** Loads the article at a repository-relative path. */
    public Loaded load(String path) {
        Path file = baseDir.resolve(path);
        return parse(path, file, Includes.readBytes(file));
    }

    /** Parses an article file's bytes, read by the caller: UTF-8, where a bad byte is one of the findings. */
    public Loaded parse(String path, Path file, byte[] bytes) {
        Utf8.Decoded decoded = Utf8.decode(bytes);
        return parse(path, file, decoded.text(), decoded.invalidAt(), true);
    }

    /** Parses article text that is already in memory (tests, fuzzing, the synthetic corpus). */
    public Loaded parse(String path, Path file, String raw) {
        return parse(path, file, raw, -1, true);
    }

    /** {@code scanBody}: whether the body is scanned; without, it is {@link Body#empty} (properties only). */
    private Loaded parse(String path, Path file, String raw, int invalidUtf8, boolean scanBody) {
        SourceText src = new SourceText(path, raw);
        PropertiesParser.Result props = PropertiesParser.parse(src);
        int bodyOffset = Math.min(props.bodyOffset(), src.text().length());
        Body body;
        if (scanBody) {
            boolean json = props.properties().map(this::hasJsonBody).orElse(false);
            body = BodyScanner.scan(src, props.bodyOffset(), json,
                    invalidUtf8 < 0 ? -1 : SourceText.normalisedOffset(raw, invalidUtf8));
        } else {
            body = Body.empty(src.lineOf(bodyOffset));
        }
        return new Loaded(new Article(path, file, props.properties(), body), props.diagnostics(), src, bodyOffset);
    }

    /**
     * Only the properties block of the article at a repository-relative path, with what parsing it
     * found: all that planning a site reads. The body is not scanned ({@link Body#empty}); the
     * live preview lists the articles this way before it loads each whole.
     */
    public Loaded properties(String path) {
        Path file = baseDir.resolve(path);
        Utf8.Decoded decoded = Utf8.decode(Includes.readBytes(file));
        return parse(path, file, decoded.text(), decoded.invalidAt(), false);
    }

    private boolean hasJsonBody(Properties p) {
        return schema.kind(p.value("selfHelpType").strip())
                .map(k -> k.body() != KindSpec.BodyType.MARKDOWN)
                .orElse(false);
    }

}
