package dev.certdocs.render;

import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.text.Normalizer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A cloud site's services, as every page's {@code services} list: the planner's entries (neither
 * current nor open), made once per cloud, and for each page a view of them in which the entries
 * that page marks ({@link PageModel.ServiceView#current}, {@link PageModel.ServiceView#open}) are
 * copies with the flags set. The theme's services navigation used to find those entries with
 * {@code s.url == page.path} and {@code s.id == article.service} on every entry of every page;
 * FreeMarker's {@code ==} (incompatibleImprovements 2.3.33) compares the NFKC forms of both
 * strings, so here the entries' NFKC forms are made once and each page's once, and a flag is
 * set exactly where that comparison was true. Immutable; shared by the threads of a cloud.
 */
final class ServiceList extends AbstractList<PageModel.ServiceView> implements RandomAccess {

    private final List<PageModel.ServiceView> services;
    /** The NFKC forms of each entry's url and id, by index. */
    private final String[] urls;
    private final String[] ids;

    /** The entries' template models, made once per object wrapper ({@link ModelWrapper#wrapShared}). */
    private volatile SharedModels models;

    private record SharedModels(ModelWrapper wrapper, TemplateModel[] models) {
    }

    private ServiceList(List<PageModel.ServiceView> services) {
        this.services = List.copyOf(services);
        this.urls = new String[this.services.size()];
        this.ids = new String[this.services.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = nfkc(this.services.get(i).url());
            ids[i] = nfkc(this.services.get(i).id());
        }
    }

    /** The list itself when it is one, else one made of its entries. */
    static ServiceList of(List<PageModel.ServiceView> services) {
        return services instanceof ServiceList list ? list : new ServiceList(services);
    }

    @Override
    public PageModel.ServiceView get(int index) {
        return services.get(index);
    }

    @Override
    public int size() {
        return services.size();
    }

    /**
     * The services as the page at {@code path} sees them: {@code current} where the entry's url
     * is the path, {@code open} where it is current or its id is {@code articleService} (the
     * article's service on an article page, null on any other page). Equal as FreeMarker's
     * {@code ==} is: NFKC forms compared.
     */
    List<PageModel.ServiceView> forPage(String path, String articleService) {
        String p = path == null ? null : nfkc(path);
        String s = articleService == null ? null : nfkc(articleService);
        int[] marked = null;
        PageModel.ServiceView[] copies = null;
        int count = 0;
        for (int i = 0; i < urls.length; i++) {
            boolean current = p != null && urls[i].equals(p);
            boolean open = current || s != null && ids[i].equals(s);
            if (!open) continue;
            if (marked == null) {
                marked = new int[2];
                copies = new PageModel.ServiceView[2];
            } else if (count == marked.length) {
                marked = Arrays.copyOf(marked, count * 2);
                copies = Arrays.copyOf(copies, count * 2);
            }
            PageModel.ServiceView e = services.get(i);
            marked[count] = i;
            copies[count++] = new PageModel.ServiceView(e.id(), e.name(), e.url(), e.articleCount(), e.articles(), current, open);
        }
        return count == 0 ? this : new PageServices(this, Arrays.copyOf(marked, count), Arrays.copyOf(copies, count));
    }

    /**
     * The entries' models for this wrapper, shared by every page of the cloud and every thread;
     * made on the first call (two threads may both make them: either result will do).
     */
    TemplateModel[] models(ModelWrapper wrapper) throws TemplateModelException {
        SharedModels known = models;
        if (known == null || known.wrapper() != wrapper) {
            known = new SharedModels(wrapper, wrapper.wrapShared(services));
            models = known;
        }
        return known.models();
    }

    /**
     * The NFKC form of a string, as FreeMarker compares strings with {@code ==}; an ASCII string is
     * its own NFKC form (every ASCII character is stable under every normalisation form).
     */
    static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        return s;
    }

    /** One page's services: the cloud's entries, with the marked ones in place of theirs. */
    static final class PageServices extends AbstractList<PageModel.ServiceView> implements RandomAccess {

        private final ServiceList all;
        /** Indices of the marked entries, ascending, and their copies with the flags set. */
        private final int[] marked;
        private final PageModel.ServiceView[] copies;

        private PageServices(ServiceList all, int[] marked, PageModel.ServiceView[] copies) {
            this.all = all;
            this.marked = marked;
            this.copies = copies;
        }

        @Override
        public PageModel.ServiceView get(int index) {
            for (int m = 0; m < marked.length; m++) {
                if (marked[m] == index) return copies[m];
            }
            return all.get(index);
        }

        @Override
        public int size() {
            return all.size();
        }

        ServiceList all() {
            return all;
        }

        int[] marked() {
            return marked;
        }

        PageModel.ServiceView[] copies() {
            return copies;
        }

        /** The page's entry for one of the cloud's entries (itself, unless the page marks it). */
        PageModel.ServiceView entry(PageModel.ServiceView service) {
            for (int m = 0; m < marked.length; m++) {
                if (all.get(marked[m]) == service) return copies[m];
            }
            return service;
        }
    }
}
