package dev.certdocs.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The reload channel: each open page holds one server-sent events stream ({@code /_certdocs/events}).
 * A reload is one {@code reload} event listing the URL paths that changed; the page's script
 * reloads when its own path is listed. On connecting, a page is told the server's start id and
 * how many reloads were sent so far: a page left open across a restart reloads, and so does a page
 * that was served before a reload its stream connected too late to hear. A comment every few
 * seconds finds closed pages.
 */
final class ReloadChannel {

    private static final String CLOSE = "\u0000close";
    private static final long PING_SECONDS = 10;

    private final String startId = Long.toString(System.nanoTime(), 36);
    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    /** Serves one page's stream until the page goes or the channel closes; runs on the request's thread. */
    void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 500\nevent: hello\ndata: " + startId + " " + generation.get() + "\n\n");
            while (!closed) {
                String message = queue.poll(PING_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(message)) break;
                write(out, message == null ? ": ping\n\n" : message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the page was closed or navigated away: nothing to tell anyone
        } finally {
            clients.remove(queue);
            exchange.close();
        }
    }

    /** Tells every open page that these URL paths ({@link PreviewSite#EVERY_PAGE} for all) changed. */
    void reload(Collection<String> paths) {
        if (paths.isEmpty()) return;
        StringBuilder json = new StringBuilder("[");
        for (String p : paths) {
            if (json.length() > 1) json.append(',');
            json.append('"');
            for (char c : p.toCharArray()) {
                if (c == '"' || c == '\\') json.append('\\').append(c);
                else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
                else json.append(c);
            }
            json.append('"');
        }
        String message = "event: reload\ndata: " + json.append(']') + "\n\n";
        generation.incrementAndGet();
        for (BlockingQueue<String> q : clients) q.offer(message);
    }

    /** How many reloads were sent: a page served now carries it, and reloads if its stream hears of a later one. */
    long generation() {
        return generation.get();
    }

    /** How many pages are listening. */
    int listeners() {
        return clients.size();
    }

    void close() {
        closed = true;
        for (BlockingQueue<String> q : clients) q.offer(CLOSE);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
