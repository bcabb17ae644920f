package dev.certdocs.link.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTP server on 127.0.0.1 for the link checker's tests. It counts the requests to each path
 * (and their methods) and how many requests it is answering at once, overall and at its peak.
 * Routes are added with {@link #on}.
 */
final class LoopbackServer implements AutoCloseable {

    /** Answers one request; {@code n} is the 1-based number of this request to the path. */
    interface Route {
        void answer(HttpExchange exchange, int n) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> methods = new ConcurrentHashMap<>();
    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private LoopbackServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackServer http() throws IOException {
        return new LoopbackServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100));
    }

    static LoopbackServer https(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new LoopbackServer(s);
    }

    LoopbackServer on(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    List<String> methods(String path) {
        return methods.getOrDefault(path, List.of());
    }

    int totalRequests() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The most requests this server was answering at one time. */
    int peakConcurrency() {
        return peak.get();
    }

    List<Map<String, List<String>>> requestHeaders() {
        return requestHeaders;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        methods.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(exchange.getRequestMethod());
        requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
        peak.accumulateAndGet(active.incrementAndGet(), Math::max);
        // the count goes down before the answer is sent (in respond), so the client cannot start
        // its next request while this one still counts
        Route route = routes.get(path);
        try {
            if (route == null) respond(exchange, 404);
            else route.answer(exchange, n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up: expected for bounded reads and timeouts
        } finally {
            done(exchange);
            exchange.close();
        }
    }

    private final Map<HttpExchange, Boolean> finished = new ConcurrentHashMap<>();

    /** Marks the request as no longer being answered; safe to call twice. */
    void done(HttpExchange exchange) {
        if (finished.putIfAbsent(exchange, Boolean.TRUE) == null) active.decrementAndGet();
    }

    // ---------------------------------------------------------------- answers

    /** An empty answer with {@code status} and header pairs. */
    void respond(HttpExchange exchange, int status, String... headers) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        done(exchange);
        exchange.sendResponseHeaders(status, -1);
    }

    /** An HTML answer (no body for HEAD). */
    void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        done(exchange);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    Route status(int status, String... headers) {
        return (exchange, n) -> respond(exchange, status, headers);
    }

    Route redirect(int status, String location) {
        return (exchange, n) -> respond(exchange, status, "Location", location);
    }

    /** {@code headStatus} to HEAD, {@code getStatus} to GET. */
    Route byMethod(int headStatus, int getStatus) {
        return (exchange, n) -> respond(exchange, exchange.getRequestMethod().equals("HEAD") ? headStatus : getStatus);
    }

    Route slow(long millis, int status) {
        return (exchange, n) -> {
            Thread.sleep(millis);
            respond(exchange, status);
        };
    }

    /** A 200 whose body never ends: {@code start}, then filler for as long as the client reads. */
    Route endless(String start) {
        return (exchange, n) -> {
            done(exchange);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            byte[] filler = "<p>and on and on</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
            while (true) out.write(filler);
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
