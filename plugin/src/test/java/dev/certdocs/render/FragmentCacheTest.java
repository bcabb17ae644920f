package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The {@code <@cached key="…">} directive of the data model ({@link FragmentCache}). */
class FragmentCacheTest {

    private static Configuration freemarker(String template) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_33);
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("t.ftl", template);
        c.setTemplateLoader(loader);
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        return c;
    }

    private static String render(Configuration c, Map<String, Object> model) throws IOException, TemplateException {
        StringWriter out = new StringWriter();
        c.getTemplate("t.ftl").process(model, out);
        return out.toString();
    }

    /** A model whose {@code tick()} counts its calls: a cached body calls it only when rendered. */
    private static Map<String, Object> model(FragmentCache cache, AtomicInteger ticks, String key, String value) {
        Map<String, Object> model = new HashMap<>();
        model.put("cached", cache);
        model.put("key", key);
        model.put("value", value);
        model.put("tick", (TemplateMethodModelEx) args -> ticks.incrementAndGet());
        return model;
    }

    @Test
    void rendersTheContentOncePerKeyAndRepeatsItsCharacters() throws Exception {
        Configuration c = freemarker("[<@cached key=key>${tick()}:${value}</@cached>]");
        FragmentCache cache = new FragmentCache();
        AtomicInteger ticks = new AtomicInteger();

        assertEquals("[1:a &amp; b]", render(c, model(cache, ticks, "k1", "a & b")));
        // The same key: the stored characters, not a new rendering (the value is not read again).
        assertEquals("[1:a &amp; b]", render(c, model(cache, ticks, "k1", "other")));
        assertEquals(1, ticks.get());
        // Another key is rendered.
        assertEquals("[2:other]", render(c, model(cache, ticks, "k2", "other")));
        assertEquals(2, cache.size());
    }

    @Test
    void eachCloudSiteHasItsOwnFragments() throws Exception {
        Configuration c = freemarker("<@cached key=key>${value}</@cached>");
        FragmentCache fairfax = new FragmentCache();
        FragmentCache mooncake = new FragmentCache();
        AtomicInteger ticks = new AtomicInteger();

        assertEquals("Azure Government", render(c, model(fairfax, ticks, "nav", "Azure Government")));
        assertEquals("Azure China", render(c, model(mooncake, ticks, "nav", "Azure China")));
        assertEquals("Azure Government", render(c, model(fairfax, ticks, "nav", "Azure China")));
    }

    @Test
    void aPlanMakesANewCacheForEveryCloudSite() {
        // One per CloudSite, made by the plan: never shared between clouds or builds.
        FragmentCache a = new FragmentCache();
        FragmentCache b = new FragmentCache();
        assertNotSame(a, b);
        SiteRenderer.CloudSite site = new SiteRenderer.CloudSite(null, List.of(), List.of(), List.of(), Map.of(), Map.of(),
                Map.of(), "", a);
        assertTrue(site.fragments() == a);
    }

    @Test
    void nestedAndEmptyUsesWork() throws Exception {
        Configuration c = freemarker("<@cached key=\"outer\">(<@cached key=\"inner\">${value}</@cached>)</@cached>|<@cached key=\"empty\"/>");
        FragmentCache cache = new FragmentCache();
        assertEquals("(x)|", render(c, model(cache, new AtomicInteger(), "", "x")));
        assertEquals("(x)|", render(c, model(cache, new AtomicInteger(), "", "y")));
        assertEquals(Set.of(2), Set.of(cache.size()), "outer and inner; an empty call stores nothing");
    }

    @Test
    void refusesAMissingKeyAnotherParameterOrANonStringKey() {
        FragmentCache cache = new FragmentCache();
        for (String template : List.of("<@cached>x</@cached>", "<@cached key=\"a\" other=\"b\">x</@cached>",
                "<@cached key=1>x</@cached>", "<@cached key=\"a\"; v>x</@cached>")) {
            TemplateException e = assertThrows(TemplateException.class,
                    () -> render(freemarker(template), model(cache, new AtomicInteger(), "", "")), template);
            assertTrue(e.getMessage().contains("@cached"), e.getMessage());
        }
        assertEquals(0, cache.size());
    }

    @Test
    void threadsSharingTheCacheAllWriteTheSameFragments() throws Exception {
        Configuration c = freemarker("<#list 1..50 as i><@cached key=\"k\" + (i % 7)>${i % 7}-${value}</@cached>,</#list>");
        FragmentCache cache = new FragmentCache();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                pages.add(pool.submit(() -> render(c, model(cache, new AtomicInteger(), "", "v"))));
            }
            String first = pages.get(0).get();
            for (Future<String> page : pages) assertEquals(first, page.get());
            assertTrue(first.startsWith("1-v,2-v,3-v,4-v,5-v,6-v,0-v,1-v,"), first);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(7, cache.size());
    }
}
