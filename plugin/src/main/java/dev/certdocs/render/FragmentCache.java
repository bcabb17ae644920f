package dev.certdocs.render;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code cached} directive of the data model: {@code <@cached key="…">…</@cached>} renders
 * its content the first time a key is used in a cloud's site during a build and writes those
 * same characters for every later use of the key. One per cloud site ({@link SiteRenderer.CloudSite}),
 * so a key never carries one cloud's fragment into another's pages; shared by every thread
 * (two threads meeting a new key at once both render it, and the first stored wins: the
 * template promises the content depends on the key alone).
 *
 * <p>The theme decides what is shared: the key must name everything the content depends on
 * besides the cloud and the build (the default theme's services navigation keys its blocks by
 * {@code root} and block number). A theme that does not use the directive renders as before.
 */
public final class FragmentCache implements TemplateDirectiveModel {

    private final ConcurrentHashMap<String, String> fragments = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (loopVars.length != 0) throw new TemplateModelException("@cached takes no loop variables");
        String key = null;
        for (Object entry : params.entrySet()) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
            if (!"key".equals(e.getKey())) {
                throw new TemplateModelException("@cached takes only key=\"…\", not " + e.getKey());
            }
            if (!(e.getValue() instanceof TemplateScalarModel s)) {
                throw new TemplateModelException("@cached: key must be a string");
            }
            key = s.getAsString();
        }
        if (key == null) throw new TemplateModelException("@cached needs key=\"…\" (what its content depends on)");
        if (body == null) return;
        String fragment = fragments.get(key);
        if (fragment == null) {
            StringWriter out = new StringWriter(1024);
            body.render(out);
            String rendered = out.toString();
            String earlier = fragments.putIfAbsent(key, rendered);
            fragment = earlier == null ? rendered : earlier;
        }
        env.getOut().write(fragment);
    }

    /** How many fragments are held. */
    public int size() {
        return fragments.size();
    }
}
