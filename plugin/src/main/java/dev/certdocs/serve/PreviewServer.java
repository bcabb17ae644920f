package dev.certdocs.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The preview's HTTP server (the JDK's {@code com.sun.net.httpserver}): every cloud under
 * {@code /<cloud>/<version>/…} as the published site lays it out ({@code versions.json} beside
 * the versions, {@code latest/} leading to the version served), the root and {@code /<cloud>/}
 * leading to a cloud's home page, the reload channel and script under {@code /_certdocs/}.
 * Only GET and HEAD; nothing is cached by the browser, so a reload always shows the page as it
 * now is. Paths are checked by {@link SitePath}, repository files by {@link RepositoryFiles}.
 */
public final class PreviewServer implements AutoCloseable {

    /** How many ports after the one asked for are tried when it is busy. */
    static final int PORT_TRIES = 20;

    private final PreviewSite site;
    private final RepositoryFiles files;
    private final ReloadChannel channel = new ReloadChannel();
    private final HttpServer server;
    private final ExecutorService workers;
    private final byte[] script;

    private PreviewServer(PreviewSite site, HttpServer server, ExecutorService workers) {
        this.site = site;
        this.files = new RepositoryFiles(site.root());
        this.server = server;
        this.workers = workers;
        try (InputStream in = PreviewServer.class.getResourceAsStream("live.js")) {
            this.script = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the reload script is missing from the plugin jar", e);
        }
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving {@code site} on {@code host}:{@code port}, or on the next free port of the
     * {@link #PORT_TRIES} after it (said through {@code say}); port 0 takes any free one.
     */
    public static PreviewServer start(PreviewSite site, String host, int port, Consumer<String> say) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "certdocs-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BindException busy = null;
        for (int p = port; p < port + (port == 0 ? 1 : PORT_TRIES) && p <= 65535; p++) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(host, p), 64);
                if (p != port) say.accept("port " + port + " is in use; serving on port " + p + " instead");
                server.setExecutor(workers);
                PreviewServer preview = new PreviewServer(site, server, workers);
                server.start();
                return preview;
            } catch (BindException e) {
                busy = e;
            }
        }
        workers.shutdownNow();
        throw new BindException("ports " + port + " to " + (port + PORT_TRIES - 1) + " on " + host + " are all in use"
                + (busy == null ? "" : " (" + busy.getMessage() + ")") + "; choose another with -Dcertdocs.serve.port");
    }

    /** The server's address, such as {@code http://127.0.0.1:8000/}. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Tells the open pages that these URL paths changed ({@link PreviewSite#reload}). */
    public void reload(java.util.Collection<String> paths) {
        channel.reload(paths);
    }

    /** How many pages are listening for reloads. */
    public int listeners() {
        return channel.listeners();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "only GET and HEAD\n");
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if ("/_certdocs/events".equals(raw)) {
                channel.stream(exchange);
                return;
            }
            if ("/_certdocs/live.js".equals(raw)) {
                send(exchange, 200, "text/javascript; charset=utf-8", script);
                return;
            }
            Optional<List<String>> parsed = SitePath.parse(raw);
            if (parsed.isEmpty()) {
                text(exchange, 400, "refused: only the site is served\n");
                return;
            }
            route(exchange, parsed.get(), raw);
        } catch (IOException gone) {
            // the browser went away mid-answer
        } catch (RuntimeException e) {
            // A bug must not stop the server: answer 500 and keep serving.
            try {
                text(exchange, 500, "certdocs serve: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // the answer had already begun
            }
        }
    }

    private void route(HttpExchange exchange, List<String> segments, String raw) throws IOException {
        String version = site.version();
        // Read before the page is made: a reload sent while it is made makes the page reload once more.
        long generation = channel.generation();
        if (segments.isEmpty()) {
            redirect(exchange, "/" + site.defaultCloud() + "/" + version + "/index.html");
            return;
        }
        String cloud = segments.get(0);
        if (!site.clouds().contains(cloud)) {
            text(exchange, 404, "no such cloud; served: " + String.join(", ", site.clouds()) + "\n");
            return;
        }
        if (segments.size() == 1 || segments.size() == 2 && segments.get(1).equals("index.html")) {
            redirect(exchange, "/" + cloud + "/" + version + "/index.html");
            return;
        }
        if (segments.size() == 2 && segments.get(1).equals("versions.json")) {
            send(exchange, 200, "application/json; charset=utf-8", ("{\n  \"latest\": \"" + version + "\",\n  \"versions\": [\n"
                    + "    {\"name\": \"" + version + "\", \"latest\": true, \"prerelease\": false}\n  ]\n}\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (segments.get(1).equals("latest")) {
            String prefix = "/" + cloud + "/latest";
            String rest = raw.length() > prefix.length() ? raw.substring(prefix.length()) : "/";
            String query = exchange.getRequestURI().getRawQuery();
            redirect(exchange, "/" + cloud + "/" + version + rest + (query == null ? "" : "?" + query));
            return;
        }
        String path = String.join("/", segments.subList(Math.min(2, segments.size()), segments.size()));
        Optional<PreviewSite.Page> page = segments.get(1).equals(version) && !path.isEmpty()
                ? site.page(cloud, path) : Optional.empty();
        int status = 200;
        if (page.isPresent() && page.get().file() != null && files.servable(page.get().file()).isEmpty()) page = Optional.empty();
        if (page.isEmpty()) {
            status = 404;
            path = "404.html";
            page = site.page(cloud, path);
            if (page.isEmpty()) {
                text(exchange, 404, "not found\n");
                return;
            }
        }
        PreviewSite.Page p = page.get();
        byte[] body = p.file() != null ? Files.readAllBytes(files.servable(p.file()).orElseThrow()) : p.content();
        String type = SitePath.contentType(path);
        if (type.startsWith("text/html")) {
            List<String> errors = new java.util.ArrayList<>(site.globalErrors());
            errors.addAll(p.errors());
            body = ProblemsOverlay.inject(body, site.problems(cloud, path), errors, generation);
        }
        send(exchange, status == 404 ? 404 : p.status(), type, body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, "text/plain; charset=utf-8", ("see " + location + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        channel.close();
        server.stop(0);
        workers.shutdownNow();
    }
}
