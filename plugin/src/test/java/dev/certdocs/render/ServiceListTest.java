package dev.certdocs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ServiceList} marks a page's entries where the theme's comparisons were true:
 * {@code s.url == page.path} (current) and that or {@code s.id == article.service} (open), as
 * FreeMarker 2.3.33 evaluates {@code ==} (NFKC forms compared), non-ASCII strings included.
 */
class ServiceListTest {

    private static PageModel.ServiceView service(String id) {
        return new PageModel.ServiceView(id, "Name of " + id, id + "/index.html", 0, List.of());
    }

    @Test
    void marksTheServicePageAndTheArticlesService() {
        ServiceList list = ServiceList.of(List.of(service("a"), service("b"), service("c")));
        List<PageModel.ServiceView> servicePage = list.forPage("b/index.html", null);
        assertEquals(List.of(false, true, false), servicePage.stream().map(PageModel.ServiceView::current).toList());
        assertEquals(List.of(false, true, false), servicePage.stream().map(PageModel.ServiceView::open).toList());
        List<PageModel.ServiceView> articlePage = list.forPage("c/x.html", "c");
        assertEquals(List.of(false, false, false), articlePage.stream().map(PageModel.ServiceView::current).toList());
        assertEquals(List.of(false, false, true), articlePage.stream().map(PageModel.ServiceView::open).toList());
        assertEquals("c", articlePage.get(2).id());
        assertEquals(3, articlePage.size());
        // A page that marks nothing sees the cloud's own list; a marked page's entry for a service page.
        assertSame(list, list.forPage("index.html", null));
        assertSame(list.get(0), articlePage.get(0));
        ServiceList.PageServices marked = (ServiceList.PageServices) servicePage;
        assertTrue(marked.entry(list.get(1)).current());
        assertSame(list.get(0), marked.entry(list.get(0)));
        assertSame(list, ServiceList.of(list));
    }

    @Test
    void equalAsFreeMarkersComparisonIs() throws Exception {
        // Strings whose NFKC forms are equal (a ligature, full-width letters, a composed accent), and some that are not.
        List<String> values = List.of("file", "\uFB01le", "ｆｉｌｅ", "caf\u00E9", "cafe\u0301", "cafe", "", "FILE", "file ");
        List<PageModel.ServiceView> services = new ArrayList<>();
        for (String v : values) services.add(new PageModel.ServiceView(v, v, v, 0, List.of()));
        ServiceList list = ServiceList.of(services);
        Configuration c = new Configuration(Configuration.VERSION_2_3_33);
        Template t = new Template("t", new StringReader(
                "<#list services as s>${(s.url == path)?c},${(s.url == path || s.id == service)?c};</#list>"), c);
        for (String path : values) {
            for (String service : values) {
                Map<String, Object> model = new HashMap<>();
                model.put("services", services);
                model.put("path", path);
                model.put("service", service);
                StringWriter expected = new StringWriter();
                t.process(model, expected);
                StringBuilder actual = new StringBuilder();
                for (PageModel.ServiceView s : list.forPage(path, service)) actual.append(s.current()).append(',').append(s.open()).append(';');
                assertEquals(expected.toString(), actual.toString(), path + " / " + service);
            }
        }
        assertFalse(list.forPage("x", null).get(0).open());
    }
}
