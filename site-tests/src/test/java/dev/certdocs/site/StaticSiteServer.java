package dev.certdocs.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a folder over HTTP on 127.0.0.1 (a free port), as a static web host would: GET and HEAD
 * only, a content type by file extension, {@code index.html} for a folder, 404 for anything
 * missing and for any path that would leave the folder.
 */
final class StaticSiteServer implements AutoCloseable {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;
    /** Bytes of file bodies sent, by request path (for benchmarks: what a page fetched, workers' requests included). */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> sent = new java.util.concurrent.ConcurrentHashMap<>();

    private StaticSiteServer(Path root) throws IOException {
        this.root = root.toRealPath();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Browsers open several connections at once; a few threads keep page loads from queueing.
        this.executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts serving {@code root} on a free loopback port. */
    static StaticSiteServer start(Path root) throws IOException {
        StaticSiteServer s = new StaticSiteServer(root);
        s.server.start();
        return s;
    }

    /** {@code http://127.0.0.1:<port>/} */
    URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/");
    }

    /** The bytes of file bodies sent since the last call, by request path; clears them. */
    java.util.Map<String, Long> takeSent() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        for (String path : java.util.List.copyOf(sent.keySet())) {
            Long n = sent.remove(path);
            if (n != null) copy.merge(path, n, Long::sum);
        }
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = resolve(exchange.getRequestURI().getRawPath());
            if (file == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            send(exchange, 200, contentType(file), body);
            if (method.equals("GET")) sent.merge(exchange.getRequestURI().getRawPath(), (long) body.length, Long::sum);
        }
    }

    /** The file a request path names, or null when it is missing or outside the root. */
    Path resolve(String rawPath) throws IOException {
        if (rawPath == null || !rawPath.startsWith("/")) return null;
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) return null;
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) return null;
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) return null;
        // A symbolic link may point outside; only real files under the root are served.
        Path real = file.toRealPath();
        return real.startsWith(root) ? real : null;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
