package dev.certdocs.support;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a long stage for people watching the log: at most one line every few seconds, with
 * how far it is, how fast it goes and how long is left ({@code pages: 12000/50065 rendered,
 * 950.0/s, about 40 s left}). Workers call {@link #step()}; whichever notices that the interval
 * has passed prints the line, so no thread of its own is needed. Lines are info: {@code mvn -q}
 * hides them.
 */
public final class Progress {

    /** How often a long stage says where it is. */
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final String what;
    private final String verb;
    private final int total;
    private final BuildLog log;
    private final long every;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong nextLine;

    public Progress(String what, String verb, int total, BuildLog log, Duration every) {
        this.what = what;
        this.verb = verb;
        this.total = total;
        this.log = log;
        this.every = every.toNanos();
        this.nextLine = new AtomicLong(start + this.every);
    }

    /** One more item done; prints a line when the interval has passed since the last one. */
    public void step() {
        step(1);
    }

    /** {@code n} more items done. */
    public void step(int n) {
        int d = done.addAndGet(n);
        long now = System.nanoTime();
        long next = nextLine.get();
        if (now >= next && d < total && nextLine.compareAndSet(next, now + every)) {
            log.info(line(what, verb, d, total, Duration.ofNanos(now - start)));
        }
    }

    /** {@code external URLs: 1200/20000 checked, 100.0/s, about 3 min 8 s left}. */
    public static String line(String what, String verb, int done, int total, Duration elapsed) {
        double rate = done / Math.max(elapsed.toNanos() / 1e9, 1e-3);
        String left;
        if (done == 0) {
            left = "time left not known yet";
        } else {
            long seconds = Math.round((total - done) / rate);
            left = "about " + (seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s") + " left";
        }
        return String.format(Locale.ROOT, "%s: %d/%d %s, %.1f/s, %s", what, done, total, verb, rate, left);
    }
}
