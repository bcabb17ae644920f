package dev.certdocs.link.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The status line of an HTTP/1.1 answer as the server wrote it. java.net.http reads only the
 * first three digits of the status ({@code HTTP/1.1 99999999999 X} is 999 to it, which the
 * checker would call blocked) and shows no status line; so an answer whose status is not a
 * standard one (outside 100–599) is asked for once more over a plain socket, to the address
 * already admitted by the {@link AddressPolicy}, and only its first line is read.
 */
final class StatusLine {

    /** RFC 9112: HTTP-version SP 3DIGIT SP [reason]; the space before an empty reason is often left out. */
    private static final Pattern WELL_FORMED = Pattern.compile("HTTP/\\d\\.\\d \\d{3}(?: [^\\x00-\\x08\\x0a-\\x1f\\x7f]*)?");
    private static final int MAX_LINE = 8 * 1024;

    private StatusLine() {
    }

    /** Whether java.net.http's status may hide a malformed line: it is not a standard status. */
    static boolean unusual(int status) {
        return status < 100 || status > 599;
    }

    static boolean wellFormed(String line) {
        return WELL_FORMED.matcher(line).matches();
    }

    /** The line for a report: at most 100 characters, control characters as {@code ?}. */
    static String shown(String line) {
        String cut = line.length() > 100 ? line.substring(0, 100) + "…" : line;
        return cut.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }

    /**
     * Sends {@code method} for {@code uri} to {@code address} and reads the first line of the
     * answer (at most 8 KiB, within {@code timeout}); TLS for https, with the host name checked.
     */
    static String read(InetAddress address, URI uri, int port, String method, String userAgent, Duration connectTimeout,
            Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), millis(connectTimeout.toNanos()));
            Socket socket = plain;
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                plain.setSoTimeout(millis(deadline - System.nanoTime()));
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                socket = tls;
            }
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: " + uri.getRawAuthority() + "\r\nUser-Agent: " + userAgent
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (line.size() < MAX_LINE) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new java.net.SocketTimeoutException("no status line within " + timeout);
                socket.setSoTimeout(millis(left));
                int b = in.read();
                if (b < 0 || b == '\n') break;
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }
}
