package dev.certdocs.render;

import dev.certdocs.config.CertDocsException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

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

    public Templates(Path overrides) {
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
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
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
            throw new CertDocsException("template " + e.getTemplateName() + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new CertDocsException("cannot read template " + name + ": " + e.getMessage(), e);
        }
    }

    /** Renders a template; {@code subject} names what is rendered (an article path) for error messages. */
    public String render(String name, Object model, String subject) {
        try {
            Template t = freemarker.getTemplate(name);
            StringWriter out = new StringWriter(8192);
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new CertDocsException("template " + e.getTemplateName() + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + e.getEditorMessage() + " (rendering " + subject + ")", e);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? name
                    : e.getTemplateSourceName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
            throw new CertDocsException("template " + where + ": " + summary(e) + " (rendering " + subject + ")", e);
        } catch (IOException e) {
            throw new CertDocsException("cannot read template " + name + " (rendering " + subject + "): " + e.getMessage(), e);
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
