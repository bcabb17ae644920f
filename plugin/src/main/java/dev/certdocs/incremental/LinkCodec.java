package dev.certdocs.incremental;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.certdocs.model.Anchor;
import dev.certdocs.model.CloudBlockMarker;
import dev.certdocs.model.CloudScope;
import dev.certdocs.model.Link;
import dev.certdocs.model.PageLinks;
import dev.certdocs.model.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An article's {@link PageLinks} in the validation cache ({@link CheckCache}), so that an
 * incremental run gives the link checks an unchanged article's links without reading it. Every
 * position is in the article's own file, so only lines and columns are written:
 * <pre>
 * "links": [[links…], [anchors…], [directives…]]
 *   link:      [target or null, origin, reference or null, line, col, scope]
 *   anchor:    [text, heading, line, col, scope]
 *   directive: [target, line, col, scope]
 *   scope:     [[opening, exclude, [cloud…], line, col]…]   ([] outside every ::: cloud block)
 * </pre>
 */
final class LinkCodec {

    static final String FIELD = "links";

    private LinkCodec() {
    }

    static void write(JsonGenerator g, PageLinks links) throws IOException {
        g.writeArrayFieldStart(FIELD);
        g.writeStartArray();
        for (Link l : links.links()) {
            g.writeStartArray();
            g.writeString(l.target());
            g.writeString(l.origin().name());
            g.writeString(l.reference());
            at(g, l.position());
            scope(g, l.scope());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Anchor a : links.anchors()) {
            g.writeStartArray();
            g.writeString(a.text());
            g.writeBoolean(a.heading());
            at(g, a.position());
            scope(g, a.scope());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStartArray();
        for (PageLinks.IncludeAt i : links.includes()) {
            g.writeStartArray();
            g.writeString(i.target());
            at(g, i.position());
            scope(g, i.scope());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    private static void at(JsonGenerator g, SourcePosition p) throws IOException {
        g.writeNumber(p.line());
        g.writeNumber(p.column());
    }

    private static void scope(JsonGenerator g, CloudScope scope) throws IOException {
        g.writeStartArray();
        for (CloudBlockMarker m : scope.blocks()) {
            g.writeStartArray();
            g.writeBoolean(m.opening());
            g.writeBoolean(m.exclude());
            g.writeStartArray();
            for (String c : m.clouds()) g.writeString(c);
            g.writeEndArray();
            at(g, m.position());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Reads what {@link #write} wrote, the parser on the array's start; positions are in {@code path}. */
    static PageLinks read(String path, JsonParser p) throws IOException {
        CheckCache.expect(p.currentToken(), JsonToken.START_ARRAY);
        List<Link> links = new ArrayList<>();
        List<Anchor> anchors = new ArrayList<>();
        List<PageLinks.IncludeAt> directives = new ArrayList<>();
        CheckCache.expect(p.nextToken(), JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            String target = nullableText(p);
            Link.Origin origin = Link.Origin.valueOf(CheckCache.text(p));
            String reference = nullableText(p);
            SourcePosition at = at(path, p);
            links.add(new Link(target, origin, reference, at, scope(path, p)));
            CheckCache.expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        CheckCache.expect(p.nextToken(), JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            String text = CheckCache.text(p);
            boolean heading = bool(p);
            SourcePosition at = at(path, p);
            anchors.add(new Anchor(text, heading, at, scope(path, p)));
            CheckCache.expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        CheckCache.expect(p.nextToken(), JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            String target = CheckCache.text(p);
            SourcePosition at = at(path, p);
            directives.add(new PageLinks.IncludeAt(target, at, scope(path, p)));
            CheckCache.expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        CheckCache.expect(p.nextToken(), JsonToken.END_ARRAY);
        return new PageLinks(links, anchors, directives);
    }

    private static SourcePosition at(String path, JsonParser p) throws IOException {
        return new SourcePosition(path, CheckCache.number(p), CheckCache.number(p));
    }

    private static CloudScope scope(String path, JsonParser p) throws IOException {
        CheckCache.expect(p.nextToken(), JsonToken.START_ARRAY);
        List<CloudBlockMarker> blocks = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            boolean opening = bool(p);
            boolean exclude = bool(p);
            CheckCache.expect(p.nextToken(), JsonToken.START_ARRAY);
            List<String> clouds = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) clouds.add(p.getText());
            blocks.add(new CloudBlockMarker(opening, exclude, clouds, at(path, p)));
            CheckCache.expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        return blocks.isEmpty() ? CloudScope.ALL : new CloudScope(blocks);
    }

    private static String nullableText(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) return null;
        CheckCache.expect(t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) CheckCache.expect(t, JsonToken.VALUE_TRUE);
        return t == JsonToken.VALUE_TRUE;
    }
}
