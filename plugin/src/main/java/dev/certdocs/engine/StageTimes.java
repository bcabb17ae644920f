package dev.certdocs.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wall time of each stage of one run, in the order they ran, for the debug log
 * ({@code mvn -X}) and the benchmarks: where a slow build spends its time, without a profiler.
 * Used by the one thread that runs the stages.
 */
final class StageTimes {

    private final List<String> parts = new ArrayList<>();
    private long mark = System.nanoTime();

    /** Ends the stage that started at the previous mark (or at construction) and names it. */
    void lap(String stage) {
        long now = System.nanoTime();
        parts.add(String.format(Locale.ROOT, "%s %.3f s", stage, (now - mark) / 1e9));
        mark = now;
    }

    /** One line: {@code "stage a 0.120 s, stage b 0.030 s"}. */
    @Override
    public String toString() {
        return String.join(", ", parts);
    }
}
