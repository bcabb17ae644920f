package dev.certdocs.link.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads at most {@code limit} bytes of a response body and then hangs up, so an endless or huge
 * body costs a bounded read. When asked to, it collects the {@code id} and {@code name}
 * attribute values it sees (the targets a {@code #fragment} can name); otherwise it drops the bytes.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Read> {

    /**
     * What was read.
     *
     * @param bytes     bytes read
     * @param truncated the body was longer than the limit (or exactly as long: it cannot tell)
     * @param ids       the anchors seen, or null when they were not collected
     */
    record Read(long bytes, boolean truncated, Set<String> ids) {
    }

    private static final Pattern ANCHOR =
            Pattern.compile("(?<![\\w-])(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", Pattern.CASE_INSENSITIVE);
    /** Text kept from one chunk to the next, so an attribute cut in two by a chunk border is still seen. */
    private static final int CARRY = 1024;

    private final long limit;
    private final Set<String> ids;
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long bytes;
    private String carry = "";

    BoundedBody(long limit, boolean collectIds) {
        this.limit = limit;
        this.ids = collectIds ? new HashSet<>() : null;
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) s.cancel();
        else s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            int take = (int) Math.min(b.remaining(), limit - bytes);
            if (ids != null) scan(b, take);
            bytes += take;
            if (bytes >= limit) {
                subscription.cancel();
                result.complete(new Read(bytes, true, ids));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(new Read(bytes, false, ids));
    }

    /** Stops reading (the request timed out): the body ends with {@code reason}. */
    void abort(Throwable reason) {
        result.completeExceptionally(reason);
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    /*
     * Bytes are read as ISO-8859-1 (one char per byte, so a chunk border never splits a char)
     * and each id is turned back into UTF-8 once found.
     */
    private void scan(ByteBuffer b, int take) {
        byte[] chunk = new byte[take];
        b.get(b.position(), chunk, 0, take);
        String text = carry + new String(chunk, StandardCharsets.ISO_8859_1);
        Matcher m = ANCHOR.matcher(text);
        while (m.find()) {
            // an unquoted value at the very end may go on in the next chunk: it is matched again there
            if (m.group(3) != null && m.end() == text.length()) continue;
            String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            ids.add(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        carry = text.length() > CARRY ? text.substring(text.length() - CARRY) : text;
    }
}
