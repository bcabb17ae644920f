package dev.certdocs.link.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare socket server on 127.0.0.1 that answers every connection with the same bytes, written
 * as they are (so an answer can be one that no HTTP server library would send), and counts the
 * connections it accepted: a test can prove that the checker never connected to it.
 */
final class RawLoopbackServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] answer;
    private final AtomicInteger accepted = new AtomicInteger();

    /** A server writing {@code answer} (ISO-8859-1) after the request's head, then closing the connection. */
    RawLoopbackServer(String answer) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.answer = answer.getBytes(StandardCharsets.ISO_8859_1);
        Thread acceptor = new Thread(this::serve, "raw-loopback-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Connections accepted so far, whether or not a request came over them. */
    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (true) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return; // closed at the end of the test
            }
            accepted.incrementAndGet();
            try (s) {
                readHead(s.getInputStream());
                s.getOutputStream().write(answer);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the client hung up: nothing to answer
            }
        }
    }

    /** Reads up to the blank line that ends a request's head. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) return;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
