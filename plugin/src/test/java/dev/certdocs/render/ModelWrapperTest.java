package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.support.CertDocsException;
import freemarker.ext.beans.BeanModel;
import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelWrapper} reads certdocs' records without reflection and gives templates exactly what
 * FreeMarker's default wrapper gives: every access form, every template of the default theme, a
 * custom theme, records with null components.
 */
class ModelWrapperTest {

    private static final ObjectWrapper DEFAULT = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build();
    private static final ObjectWrapper FAST = new ModelWrapper();

    private final SampleModels samples = new SampleModels(3, 4);

    @Test
    void wrapsEveryRecordOfTheDataModelAsABeanWithPrecomputedReaders() throws Exception {
        for (Class<?> type : modelRecords()) {
            assertNotNull(ModelWrapper.readers(type), type.getName());
        }
        assertInstanceOf(ModelWrapper.RecordModel.class, FAST.wrap(samples.article(0, 0, "troubleshootingGuide")));
        // The default wrapper's model, whose interfaces the record model keeps.
        assertInstanceOf(GenericObjectModel.class, DEFAULT.wrap(samples.article(0, 0, "troubleshootingGuide")));
        assertEquals(interfaces(GenericObjectModel.class), interfaces(ModelWrapper.RecordModel.class));
    }

    @Test
    void findsEveryComponentByNameAndNothingElse() {
        for (Class<?> type : modelRecords()) {
            ModelWrapper.Readers readers = ModelWrapper.readers(type);
            var components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                // A name made anew, as a template's parser makes it: equal, not the same string.
                assertEquals(i, readers.indexOf(new String(components[i].getName().toCharArray())), type + "." + components[i].getName());
            }
            for (String other : List.of("", "nope", "getClass", "class", "toString", "Title", "title ", "hashCode")) {
                assertEquals(-1, readers.indexOf(other), type + "." + other);
            }
        }
    }

    @Test
    void keepsTheWrappedComponentsOfAPageForItsNextReads() throws Exception {
        PageModel model = samples.article(0, 0, "troubleshootingGuide");
        TemplateHashModelEx root = (TemplateHashModelEx) FAST.wrap(model);
        // The services navigation reads page.path and article.service once per service.
        TemplateHashModelEx page = (TemplateHashModelEx) root.get("page");
        assertSame(page, root.get("page"));
        assertSame(page.get("path"), ((TemplateHashModelEx) root.get("page")).get("path"));
        assertSame(root.get("services"), root.get("services"));
        assertEquals(model.page().path(), ((TemplateScalarModel) page.get("path")).getAsString());
        // A null component is read again (and is null again); the directive is the model itself.
        assertNull(((TemplateHashModelEx) root.get("article")).get("form"));
        assertNull(((TemplateHashModelEx) root.get("article")).get("form"));
        assertSame(model.cached(), root.get("cached"));
    }

    @Test
    void sharesTheModelsOfACloudsServicesBetweenItsPages() throws Exception {
        PageModel first = samples.article(0, 0, "troubleshootingGuide");
        PageModel second = samples.article(1, 1, "troubleshootingGuide");
        TemplateSequenceModel a = (TemplateSequenceModel) FAST.wrap(first.services());
        TemplateSequenceModel b = (TemplateSequenceModel) FAST.wrap(second.services());
        // A service neither page marks is one model for both; each page's own service is its own.
        assertSame(a.get(2), b.get(2));
        assertSame(((TemplateHashModelEx) a.get(2)).get("url"), ((TemplateHashModelEx) b.get(2)).get("url"));
        assertEquals(TemplateBooleanModel.TRUE, ((TemplateHashModelEx) a.get(0)).get("open"));
        assertEquals(TemplateBooleanModel.FALSE, ((TemplateHashModelEx) b.get(0)).get("open"));
        assertEquals(TemplateBooleanModel.TRUE, ((TemplateHashModelEx) b.get(1)).get("open"));
        assertNull(a.get(-1));
        assertNull(a.get(3));
        assertEquals(3, a.size());
        // The same interfaces and wrapped list as FreeMarker's list adapter.
        TemplateModel expected = DEFAULT.wrap(first.services());
        assertEquals(interfaces(expected.getClass()), interfaces(a.getClass()));
        assertSame(first.services(), ((freemarker.ext.util.WrapperTemplateModel) a).getWrappedObject());
        assertSame(first.services(), ((freemarker.template.AdapterTemplateModel) a).getAdaptedObject(Object.class));
        // A page that marks none (the home page) lists the cloud's models as they are.
        TemplateSequenceModel home = (TemplateSequenceModel) FAST.wrap(samples.sitePages().get(0).services());
        assertSame(a.get(2), home.get(2));
    }

    @Test
    void theServicesListReadsAsTheDefaultWrapperReadsIt(@TempDir Path theme) throws Exception {
        Files.writeString(theme.resolve("services.ftl"), """
                <#ftl output_format="HTML">
                [${services?is_sequence?c}|${services?is_collection?c}|${services?is_enumerable?c}|${services?is_hash?c}]
                [${services?has_content?c}|${services?size}|${(services[999].name)!"none"}|${services?first.name}|${services?last.id}]
                [<#list services as s>${s?index}:${s.name}:${s.open?c}:${s.current?c}:${s.articleCount()}:${s.articles?size}<#sep>, </#list>]
                [<#list services?reverse as s>${s.id} </#list>|<#list services[1..] as s>${s.url} </#list>]
                [<#list services?sort_by("name") as s>${s.name} </#list>|${(service.current?c)!"no service"}]
                """);
        List<PageModel> models = new ArrayList<>(samples.sitePages());
        models.add(samples.article(1, 2, "troubleshootingGuide"));
        for (PageModel model : models) {
            String expected = new Templates(theme, DEFAULT).render("services.ftl", model, "services");
            assertEquals(expected, new Templates(theme, FAST).render("services.ftl", model, "services"));
        }
        Files.writeString(theme.resolve("api.ftl"), "${services?api.size()}");
        PageModel model = samples.sitePages().get(0);
        assertEquals(message(() -> new Templates(theme, DEFAULT).render("api.ftl", model, "index.html")),
                message(() -> new Templates(theme, FAST).render("api.ftl", model, "index.html")));
    }

    @Test
    void pagesRenderedOnManyThreadsAtOnceAreThoseOfOneThread() throws Exception {
        // The services' models are shared by the threads rendering a cloud's pages.
        SampleModels many = new SampleModels(30, 5);
        Templates fast = new Templates(null, new ModelWrapper());
        Templates before = new Templates(null, DEFAULT);
        List<PageModel> pages = new ArrayList<>();
        for (int p = 0; p < 120; p++) pages.add(many.article(p % 30, p % 5, "troubleshootingGuide"));
        List<String> expected = new ArrayList<>();
        for (PageModel page : pages) expected.add(before.render("article.ftl", page, "a.md"));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> rendered = new ArrayList<>();
            for (PageModel page : pages) rendered.add(threads.submit(() -> fast.render("article.ftl", page, "a.md")));
            for (int p = 0; p < pages.size(); p++) assertEquals(expected.get(p), rendered.get(p).get(), "page " + p);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void leavesOtherValuesToTheDefaultWrapper() throws Exception {
        record Local(String name) {
        }
        assertNull(ModelWrapper.readers(Local.class));
        assertNull(ModelWrapper.readers(String.class));
        // A record of another library, or one that is also a collection, is not certdocs' data model.
        assertNull(ModelWrapper.readers(java.net.UnixDomainSocketAddress.class));
        for (Object value : List.of("a & b", 42, 7L, true, List.of("x", "y"), java.util.Map.of("k", "v"), new Local("n"))) {
            assertEquals(DEFAULT.wrap(value).getClass(), FAST.wrap(value).getClass(), String.valueOf(value));
        }
        assertNull(FAST.wrap(null));
        FragmentCache cache = new FragmentCache();
        assertEquals(cache, FAST.wrap(cache));
    }

    @Test
    void everyKeyOfEveryRecordReadsAsTheDefaultWrapperReadsIt() throws Exception {
        List<Object> records = new ArrayList<>();
        records.add(samples.article(1, 1, "problemScopingQuestions"));
        records.add(samples.article(0, 2, "supportTopicDescription"));
        records.addAll(samples.sitePages());
        for (int i = 0; i < records.size(); i++) collectRecords(records.get(i), records);
        Set<Class<?>> seen = new HashSet<>();
        for (Object record : records) {
            seen.add(record.getClass());
            TemplateHashModelEx expected = (TemplateHashModelEx) DEFAULT.wrap(record);
            TemplateHashModelEx actual = (TemplateHashModelEx) FAST.wrap(record);
            String what = record.getClass().getSimpleName();
            assertEquals(keys(expected), keys(actual), what);
            assertEquals(expected.size(), actual.size(), what);
            assertEquals(expected.isEmpty(), actual.isEmpty(), what);
            assertEquals(((TemplateScalarModel) expected).getAsString(), ((TemplateScalarModel) actual).getAsString(), what);
            for (String key : keys(expected)) {
                assertEquals(describe(expected.get(key)), describe(actual.get(key)), what + "." + key);
                assertEquals(beforeCall(expected, key), beforeCall(actual, key), what + "." + key + "()");
            }
            for (String key : List.of("nope", "language", "getClass", "class")) {
                assertEquals(describe(expected.get(key)), describe(actual.get(key)), what + "." + key);
            }
        }
        assertEquals(Set.copyOf(modelRecords()), seen);
    }

    @Test
    void everyAccessFormGivesTheSameInATemplate(@TempDir Path theme) throws Exception {
        Files.writeString(theme.resolve("probe.ftl"), """
                <#ftl output_format="HTML">
                [${article.title}|${article.title()}|${article.articleId?has_content?c}|${article.lastUpdated?has_content?c}]
                [${article.description!"-"}|${(article.form.elements?size)!"no form"}|${(article.form)???c}|${(article.json)???c}]
                [${article.nope!"none"}|${(article.nope)???c}|${site.language!"en"}|${page.canonicalUrl!"no canonical"}]
                [${cloud.airGapped?c}|${cloud.airGapped?then("locked", "open")}|<#if clouds[2].airGapped>usnat locked</#if>]
                [${services?size}|${services[0].articleCount?c}|${services[0].articleCount() + 1}|${article.toc?first.level?c}]
                [${article.tags?join(", ")}|${article.toc[0]}|${cloud}|${cloud.toString()}|${version.hashCode()?c}]
                [${article?is_hash_ex?c}|${article?is_string?c}|${article?is_method?c}|${article.title?is_method?c}|${article.title?is_string?c}]
                [<#list page?keys as k>${k} </#list>]
                [<#list page?values as v>${v?is_string?then(v, "-")} </#list>]
                [<#list article.attributes as a>${a.name}=${a.value}<#sep>, </#list>]
                [<#list (article.form.elements)![] as e>${e.order?c}:${e.required?c}:${e.hint!"(no hint)"}:${e.watermark!"(none)"};</#list>]
                [<#list article.otherClouds as c>${c.id}→${c.url}</#list>|${article.service?has_content?c}|${(service.name)!"no service"}]
                """);
        for (PageModel model : List.of(samples.article(0, 0, "troubleshootingGuide"), samples.article(1, 1, "problemScopingQuestions"),
                samples.article(2, 2, "supportTopicDescription"))) {
            String expected = new Templates(theme, DEFAULT).render("probe.ftl", model, "probe");
            assertEquals(expected, new Templates(theme, FAST).render("probe.ftl", model, "probe"));
        }
        // The method call and the property both read the component.
        assertEquals(true, new Templates(theme, FAST).render("probe.ftl", samples.article(1, 1, "problemScopingQuestions"), "probe")
                .contains("3:false:(no hint):(none);"));
    }

    @Test
    void aRecordWithNullComponentsReadsAsMissing(@TempDir Path theme) throws Exception {
        Files.writeString(theme.resolve("nulls.ftl"), """
                <#ftl output_format="HTML">
                ${(article.form)???c} ${(article.json)???c} ${page.canonicalUrl!"none"} ${(service.articles?size)!"no service"}
                ${article.form!"default"} <#if article.json?has_content>json<#else>no json</#if>
                """);
        PageModel model = samples.article(0, 0, "troubleshootingGuide");
        assertNull(model.article().form());
        String expected = new Templates(theme, DEFAULT).render("nulls.ftl", model, "nulls");
        assertEquals("false false https://support.example/fairfax/1.0.0/microsoft.service0/article-0.html no service\ndefault no json\n",
                expected);
        assertEquals(expected, new Templates(theme, FAST).render("nulls.ftl", model, "nulls"));
        // A null read directly is an error naming the expression, as before.
        Files.writeString(theme.resolve("null-error.ftl"), "${article.form}");
        assertEquals(message(() -> new Templates(theme, DEFAULT).render("null-error.ftl", model, "a.md")),
                message(() -> new Templates(theme, FAST).render("null-error.ftl", model, "a.md")));
    }

    @Test
    void aKeyARecordDoesNotHaveReadsAsMissingEveryTime(@TempDir Path theme) throws Exception {
        // The wrapper remembers such keys per record class after the bean model's first answer.
        Files.writeString(theme.resolve("absent.ftl"), """
                <#ftl output_format="HTML">
                ${site.language!"en"} ${site.language!"fr"} ${(site.language)???c} ${article.nope!"none"} ${article.title()}
                """);
        Files.writeString(theme.resolve("absent-error.ftl"), "${site.language} ${article.nope}");
        for (int i = 0; i < 3; i++) {
            PageModel model = samples.article(i, i, "troubleshootingGuide");
            String expected = new Templates(theme, DEFAULT).render("absent.ftl", model, "absent");
            Templates fast = new Templates(theme, FAST);
            assertEquals(expected, fast.render("absent.ftl", model, "absent"));
            assertEquals(expected, fast.render("absent.ftl", model, "absent"));
            assertEquals(message(() -> new Templates(theme, DEFAULT).render("absent-error.ftl", model, "a.md")),
                    message(() -> fast.render("absent-error.ftl", model, "a.md")));
        }
    }

    @Test
    void aGetterThatAnsweredNullIsAskedAgainForTheNextRecord(@TempDir Path theme) throws Exception {
        Files.writeString(theme.resolve("getter.ftl"), "${x.nick!\"none\"} ${x.nope!\"none\"}");
        Templates fast = new Templates(theme, FAST);
        Templates slow = new Templates(theme, DEFAULT);
        for (String name : List.of("a", "b", "a", "c")) {
            Map<String, Object> model = Map.of("x", new GetterProbe(name));
            assertEquals(slow.render("getter.ftl", model, "getter"), fast.render("getter.ftl", model, "getter"));
        }
        assertEquals("nick-c none", fast.render("getter.ftl", Map.of("x", new GetterProbe("c")), "getter"));
        assertTrue(ModelWrapper.RecordModel.noMember(GetterProbe.class, "nope"));
        assertFalse(ModelWrapper.RecordModel.noMember(GetterProbe.class, "nick"));
        assertFalse(ModelWrapper.RecordModel.noMember(GetterProbe.class, "toString"));
    }

    @Test
    void apiStaysUnavailable(@TempDir Path theme) throws Exception {
        Files.writeString(theme.resolve("api.ftl"), "${page?api.title()}");
        PageModel model = samples.sitePages().get(0);
        String expected = message(() -> new Templates(theme, DEFAULT).render("api.ftl", model, "index.html"));
        assertEquals(expected, message(() -> new Templates(theme, FAST).render("api.ftl", model, "index.html")));
    }

    @Test
    void aMisusedRecordIsTheSameErrorNamingTheRecordModel(@TempDir Path theme) throws Exception {
        // FreeMarker names the model class of a value of the wrong type: the one difference a theme author can see.
        Files.writeString(theme.resolve("misuse.ftl"), "<#list article as x>${x}</#list>");
        PageModel model = samples.article(0, 0, "troubleshootingGuide");
        String expected = message(() -> new Templates(theme, DEFAULT).render("misuse.ftl", model, "a.md"));
        assertEquals(true, expected.contains("PageModel$ArticleView wrapped into f.e.b.GenericObjectModel"), expected);
        assertEquals(expected, message(() -> new Templates(theme, FAST).render("misuse.ftl", model, "a.md"))
                .replace("wrapped into dev.certdocs.render.ModelWrapper$RecordModel", "wrapped into f.e.b.GenericObjectModel"));
    }

    @Test
    void everyTemplateOfTheDefaultThemeRendersTheSame() {
        Templates before = new Templates(null, DEFAULT);
        Templates after = new Templates(null, FAST);
        for (String kind : List.of("troubleshootingGuide", "problemScopingQuestions", "supportTopicDescription")) {
            String template = before.exists("article-" + kind + ".ftl") ? "article-" + kind + ".ftl" : "article.ftl";
            for (int a = 0; a < 4; a++) {
                PageModel model = samples.article(a % 3, a, kind);
                assertEquals(before.render(template, model, "a.md"), after.render(template, model, "a.md"), template);
            }
        }
        List<String> names = List.of("index.ftl", "service.ftl", "search.ftl", "404.ftl");
        List<PageModel> pages = samples.sitePages();
        for (int i = 0; i < names.size(); i++) {
            assertEquals(before.render(names.get(i), pages.get(i), names.get(i)), after.render(names.get(i), pages.get(i), names.get(i)));
        }
    }

    @Test
    void aThemeThatCallsAccessorsAsMethodsRendersTheSame(@TempDir Path theme) throws Exception {
        // An override of article.ftl written against the records' accessors.
        Files.writeString(theme.resolve("article.ftl"), """
                <#ftl output_format="HTML">
                <h1>${article.title()}</h1><p>${article.description()?has_content?then(article.description(), "(none)")}</p>
                <ul><#list article.toc() as t><li class="l${t.level()}">${t.text()}</li></#list></ul>
                <p>${page.path()} ${site.title()} ${cloud.airGapped()?c} ${services[0].articles()?size}</p>
                ${article.html()?no_esc}
                """);
        PageModel model = samples.article(0, 1, "troubleshootingGuide");
        String expected = new Templates(theme, DEFAULT).render("article.ftl", model, "a.md");
        assertEquals(true, expected.contains("<li class=\"l2\">Heading 0 &amp; more</li>"));
        assertEquals(expected, new Templates(theme, FAST).render("article.ftl", model, "a.md"));
    }

    private static String message(Runnable render) {
        return assertThrows(CertDocsException.class, render::run).getMessage();
    }

    /** PageModel, the records nested in it and {@link TocEntry}. */
    private static List<Class<?>> modelRecords() {
        List<Class<?>> types = new ArrayList<>(Arrays.stream(PageModel.class.getDeclaredClasses()).filter(Class::isRecord).toList());
        types.add(PageModel.class);
        types.add(TocEntry.class);
        return types;
    }

    private static Set<Class<?>> interfaces(Class<?> type) {
        Set<Class<?>> all = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) addWithSuperInterfaces(i, all);
        }
        return all;
    }

    private static void addWithSuperInterfaces(Class<?> type, Set<Class<?>> all) {
        if (all.add(type)) for (Class<?> i : type.getInterfaces()) addWithSuperInterfaces(i, all);
    }

    private static void collectRecords(Object value, List<Object> into) {
        if (value instanceof Record r) {
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    Object v = component.getAccessor().invoke(r);
                    if (v instanceof Record) into.add(v);
                    if (v instanceof List<?> list) list.stream().filter(Record.class::isInstance).limit(2).forEach(into::add);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    private static List<String> keys(TemplateHashModelEx model) throws TemplateModelException {
        List<String> keys = new ArrayList<>();
        TemplateCollectionModel collection = model.keys();
        for (TemplateModelIterator it = collection.iterator(); it.hasNext(); ) keys.add(((TemplateScalarModel) it.next()).getAsString());
        return keys;
    }

    /** What {@code model.key(…)} calls, or that it is not a method. */
    private static String beforeCall(TemplateHashModelEx model, String key) throws TemplateModelException {
        try {
            return describe(((MethodCallAwareTemplateHashModel) model).getBeforeMethodCall(key));
        } catch (MethodCallAwareTemplateHashModel.ShouldNotBeGetAsMethodException e) {
            return "not a method: " + describe(e.getActualValue());
        }
    }

    /** A model's class and value, as a template could tell them apart. */
    private static String describe(TemplateModel model) throws TemplateModelException {
        if (model == null) return "null";
        // The services list's model stands for FreeMarker's list adapter (same interfaces, same elements).
        String type = model instanceof BeanModel ? "bean " + ((BeanModel) model).getWrappedObject().getClass().getName()
                : model instanceof ModelWrapper.SharedListModel ? freemarker.template.DefaultListAdapter.class.getName()
                : model.getClass().getName();
        if (model instanceof TemplateBooleanModel b) return type + " " + b.getAsBoolean();
        if (model instanceof TemplateNumberModel n) return type + " " + n.getAsNumber();
        if (model instanceof TemplateMethodModelEx) return type + " method";
        if (model instanceof TemplateScalarModel s) return type + " " + s.getAsString();
        if (model instanceof TemplateSequenceModel s) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) items.add(describe(s.get(i)));
            return type + " " + items;
        }
        return type;
    }
}
