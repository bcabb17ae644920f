package dev.certdocs.testing;

import dev.certdocs.link.ExternalUrls;
import dev.certdocs.link.http.UrlResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** External URLs answered from a table (OK for anything not in it), recording every request; no network. */
public final class FakeUrls implements ExternalUrls {

    private final Map<String, UrlResult> answers = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private int opened;
    private boolean closed;

    /** Answers {@code url} with {@code outcome} and {@code detail}. */
    public FakeUrls answer(String url, UrlResult.Outcome outcome, String detail) {
        answers.put(url, new UrlResult(url, outcome, 0, detail, 1, false));
        return this;
    }

    /** For {@code CertDocs.checkLinks}: counts how often the checker is opened. */
    public ExternalUrls open() {
        opened++;
        return this;
    }

    @Override
    public CompletableFuture<UrlResult> check(String url, String fragmentOrNull) {
        String key = fragmentOrNull == null ? url : url + "#" + fragmentOrNull;
        requests.add(key);
        return CompletableFuture.completedFuture(answers.getOrDefault(key,
                new UrlResult(key, UrlResult.Outcome.OK, 200, "200 OK", 1, false)));
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Every URL requested, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int opened() {
        return opened;
    }

    public boolean closed() {
        return closed;
    }
}
