package dev.certdocs.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.link.http.UrlResult;
import dev.certdocs.model.SourcePosition;
import dev.certdocs.testing.RecordingLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A long external check says how far it has got: checked/total, rate and time left, every few seconds. */
class ExternalProgressTest {

    /** Answers only when the test says so. */
    private static final class HeldUrls implements ExternalUrls {
        final Map<String, CompletableFuture<UrlResult>> pending = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<UrlResult> check(String url, String fragmentOrNull) {
            return pending.computeIfAbsent(url, u -> new CompletableFuture<>());
        }

        void answer(String url) {
            pending.get(url).complete(new UrlResult(url, UrlResult.Outcome.OK, 200, "200 OK", 1, false));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void logsProgressWhileAnswersAreOutstanding() throws Exception {
        ExternalLinks links = new ExternalLinks(false, Duration.ofMillis(20));
        Findings.LinkKey key = new Findings.LinkKey(new SourcePosition("articles/a.md", 16, 1), "x");
        links.use("https://a.example/", "https://a.example/", key, "public");
        links.use("https://b.example/", "https://b.example/", key, "public");
        HeldUrls urls = new HeldUrls();
        RecordingLog log = new RecordingLog();

        CompletableFuture<ExternalLinks.Outcome> run = CompletableFuture.supplyAsync(() -> links.check(() -> urls, new Findings(), log));
        while (urls.pending.size() < 2) Thread.onSpinWait();
        urls.answer("https://a.example/");
        while (log.lines().stream().noneMatch(l -> l.contains(" 1/2 checked"))) Thread.onSpinWait();
        urls.answer("https://b.example/");
        ExternalLinks.Outcome outcome = run.get(30, TimeUnit.SECONDS);

        assertEquals(Map.of(UrlResult.Outcome.OK, 2), outcome.counts());
        List<String> progress = log.lines().stream().filter(l -> l.startsWith("[INFO] external URLs: ")).toList();
        assertTrue(progress.stream().allMatch(l -> l.matches(
                "\\[INFO] external URLs: [01]/2 checked, \\d+\\.\\d/s, (about \\d+ s left|time left not known yet)")), progress.toString());
    }

    @Test
    void writesTheTimeLeftInMinutesAndSeconds() {
        assertEquals("external URLs: 1200/20000 checked, 100.0/s, about 3 min 8 s left",
                ExternalLinks.progress(1200, 20000, Duration.ofSeconds(12)));
        assertEquals("external URLs: 0/10 checked, 0.0/s, time left not known yet",
                ExternalLinks.progress(0, 10, Duration.ofSeconds(5)));
    }
}
