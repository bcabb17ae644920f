package dev.certdocs.render;

import dev.certdocs.support.CertDocsException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FreeMarker configuration of a build, made once and shared by every thread: templates from
 * the repository's {@code src/site-templates/} first, then the certdocs-site-templates jar;
 * HTML auto-escaping on; errors rethrown, never printed into the page. A template error becomes
 * a {@link CertDocsException} naming the template, its line and the article.
 */
public final class Templates {

    /** Where the default theme is on the classpath. */
    static final String CLASSPATH_ROOT = "certdocs-templates";

    private final Configuration freemarker;
    private final Path overrides;
    /** Whether a template exists, by name: asked for every page, and a missing one is found by an exception. */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> existing = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where each template comes from, by name: asked for every article page, once a file system call each. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> origins = new java.util.concurrent.ConcurrentHashMap<>();

    public Templates(Path overrides) {
        this(overrides, new ModelWrapper());
    }

    /** With another object wrapper: for comparing {@link ModelWrapper} with FreeMarker's default in tests and benchmarks. */
    Templates(Path overrides, ObjectWrapper wrapper) {
        this.overrides = overrides;
        Configuration c = new Configuration(Configuration.VERSION_2_3_33);
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (overrides != null && Files.isDirectory(overrides)) loaders.add(new FileTemplateLoader(overrides.toFile()));
        } catch (IOException e) {
            throw new CertDocsException("cannot read the templates directory " + overrides + ": " + e.getMessage(), e);
        }
        loaders.add(new ClassTemplateLoader(Templates.class.getClassLoader(), CLASSPATH_ROOT));
        c.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setRecognizeStandardFileExtensions(true);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.US);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        // Columns count characters, a tab as one, as editors and the excerpt under an error do.
        c.setTabSize(1);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        // FreeMarker's default wrapper, but records of the data model are read without reflection.
        c.setObjectWrapper(wrapper);
        // Templates do not change during a build: no check of their files every few seconds.
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        this.freemarker = c;
    }

    /**
     * A hash of every template and asset in force (the theme's and the repository's overrides):
     * when it changes, every page must be rendered again.
     */
    public String fingerprint() {
        java.security.MessageDigest digest = Fingerprints.sha256();
        try {
            var url = Templates.class.getClassLoader().getResource(CLASSPATH_ROOT + "/layout.ftl");
            if (url != null) {
                var conn = url.openConnection();
                if (conn instanceof java.net.JarURLConnection jar) {
                    // The theme jar's own bytes stand for all of its templates and assets.
                    try (var in = java.nio.file.Files.newInputStream(Path.of(jar.getJarFileURL().toURI()))) {
                        Fingerprints.update(digest, in.readAllBytes());
                    }
                } else {
                    Fingerprints.updateTree(digest, Path.of(url.toURI()).getParent());
                }
            }
            if (overrides != null && Files.isDirectory(overrides)) Fingerprints.updateTree(digest, overrides);
        } catch (IOException | java.net.URISyntaxException e) {
            throw new CertDocsException("cannot read the templates: " + e.getMessage(), e);
        }
        return Fingerprints.hex(digest);
    }

    /**
     * Where a template comes from, for messages: the override file when the repository has one,
     * else the theme's template of that name. Looked up once per name, as the templates themselves
     * are (they do not change during a build).
     */
    public String origin(String name) {
        return origins.computeIfAbsent(name, this::findOrigin);
    }

    private String findOrigin(String name) {
        if (overrides != null && Files.isRegularFile(overrides.resolve(name))) return "the template " + overrides.resolve(name);
        return "the theme's template " + name;
    }

    /** Whether a template of that name exists (in the overrides or the theme). */
    public boolean exists(String name) {
        return existing.computeIfAbsent(name, this::lookUp);
    }

    private boolean lookUp(String name) {
        try {
            freemarker.getTemplate(name);
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (ParseException e) {
            throw syntaxError(e, "");
        } catch (IOException e) {
            throw new CertDocsException("cannot read template " + name + ": " + e.getMessage(), e);
        }
    }

    /** Renders a template; {@code subject} names what is rendered (an article path) for error messages. */
    public String render(String name, Object model, String subject) {
        return new String(renderUtf8(name, model, subject), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** As {@link #render}, the page as UTF-8, encoded as the template writes it ({@link PageWriter}). */
    public byte[] renderUtf8(String name, Object model, String subject) {
        try {
            Template t = freemarker.getTemplate(name);
            PageWriter out = PageWriter.take();
            try {
                t.process(model, out);
                return out.utf8();
            } finally {
                out.give();
            }
        } catch (ParseException e) {
            throw syntaxError(e, " (rendering " + subject + ")");
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name
                    : e.getTemplateSourceName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
            throw new CertDocsException("template " + where + ": " + summary(e) + " (rendering " + subject + ")", e);
        } catch (IOException e) {
            throw new CertDocsException("cannot read template " + name + " (rendering " + subject + "): " + e.getMessage(), e);
        }
    }

    /**
     * A syntax error as one line, {@code template name:line:col: message}, then the template's
     * line with a caret under the column. FreeMarker's own message lists every token its parser
     * would have accepted (dozens of lines of grammar names); only a short list is kept.
     */
    private CertDocsException syntaxError(ParseException e, String suffix) {
        String message = firstLine(e.getEditorMessage());
        Matcher m = UNEXPECTED.matcher(message);
        if (m.find()) {
            List<String> expected = e.getEditorMessage().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.equals("<ID>") ? "a name" : l).toList();
            message = "unexpected " + m.group(1)
                    + (expected.size() <= 3 && !expected.isEmpty() ? ", expected " + String.join(" or ", expected) : "");
        }
        return new CertDocsException("template " + e.getTemplateName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                + ": " + message + suffix + excerpt(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber()), e);
    }

    private static final Pattern UNEXPECTED = Pattern.compile("^Encountered (.+?), but was expecting");

    /** The template's line {@code line} and a caret under {@code column}, each on its own line; empty when unreadable. */
    private String excerpt(String templateName, int line, int column) {
        if (templateName == null || line < 1) return "";
        try {
            TemplateLoader loader = freemarker.getTemplateLoader();
            Object source = loader.findTemplateSource(templateName);
            if (source == null) return "";
            List<String> lines;
            try (BufferedReader reader = new BufferedReader(loader.getReader(source, "UTF-8"))) {
                lines = reader.lines().limit(line).toList();
            } finally {
                loader.closeTemplateSource(source);
            }
            if (lines.size() < line) return "";
            String text = lines.get(line - 1);
            StringBuilder caret = new StringBuilder();
            // Tabs are copied so that the caret stays under the column however wide a tab is shown.
            for (int i = 0; i < column - 1; i++) caret.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
            String number = String.valueOf(line);
            return "\n  " + number + " | " + text + "\n  " + " ".repeat(number.length()) + " | " + caret + "^";
        } catch (IOException e) {
            // The excerpt is a courtesy: the position above already says where to look.
            return "";
        }
    }

    /**
     * The first line of FreeMarker's message; when that line ends in a colon (as in "The following
     * has evaluated to null or missing:"), FreeMarker names the expression on the next line, so it
     * is appended here: without it the user cannot tell which value was missing.
     */
    private static String summary(TemplateException e) {
        String first = firstLine(e.getMessageWithoutStackTop());
        String blamed = e.getBlamedExpressionString();
        return first.endsWith(":") && blamed != null && !blamed.isBlank() ? first + " " + blamed : first;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
