package dev.certdocs.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.testing.RecordingLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long stage says where it is, at most once an interval, and never for its last item (the closing line does). */
class ProgressTest {

    @Test
    void saysNothingBeforeTheIntervalHasPassed() {
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress("pages", "rendered", 1000, log, Duration.ofHours(1));
        for (int i = 0; i < 999; i++) progress.step();
        assertEquals(List.of(), log.lines());
    }

    @Test
    void saysHowFarHowFastAndHowLongIsLeftOnceTheIntervalHasPassed() {
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress("pages", "rendered", 3, log, Duration.ZERO);
        progress.step();
        progress.step();
        progress.step();
        List<String> lines = log.lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\[INFO] pages: 1/3 rendered, \\d+\\.\\d/s, about \\d+ s left"), lines.get(0));
        assertTrue(lines.get(1).matches("\\[INFO] pages: 2/3 rendered, \\d+\\.\\d/s, about \\d+ s left"), lines.get(1));
    }

    @Test
    void printsOneLineAtATimeFromManyWorkers() throws InterruptedException {
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress("pages", "rendered", 40_000, log, Duration.ZERO);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) progress.step();
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) w.join();
        List<String> lines = log.lines();
        assertTrue(lines.size() < 40_000, "the last item prints no line");
        assertTrue(lines.stream().allMatch(l -> l.matches("\\[INFO] pages: \\d+/40000 rendered, \\d+\\.\\d/s, .*")), lines.get(0));
    }

    @Test
    void writesTheTimeLeftInMinutesAndSeconds() {
        assertEquals("pages: 1200/20000 rendered, 100.0/s, about 3 min 8 s left",
                Progress.line("pages", "rendered", 1200, 20000, Duration.ofSeconds(12)));
        assertEquals("pages: 0/10 rendered, 0.0/s, time left not known yet",
                Progress.line("pages", "rendered", 0, 10, Duration.ofSeconds(5)));
    }
}
