package dev.certdocs.link.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The gate on a hand-driven clock: which requests may start, and when. */
class RequestGateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<long[]> wakeAt = new ArrayList<>();
    private final List<Runnable> wakeTasks = new ArrayList<>();

    private RequestGate gate(int concurrency, int hostConcurrency, long intervalMillis) {
        return new RequestGate(concurrency, hostConcurrency, TimeUnit.MILLISECONDS.toNanos(intervalMillis), now::get,
                (task, delay) -> {
                    wakeAt.add(new long[] {now.get() + delay});
                    wakeTasks.add(task);
                }, Runnable::run);
    }

    @Test
    void startsNoMoreThanTheHostLimitAndTheNextWhenOneEnds() {
        RequestGate gate = gate(10, 2, 0);

        List<CompletableFuture<RequestGate.Permit>> a = new ArrayList<>();
        for (int i = 0; i < 4; i++) a.add(gate.acquire("a"));

        assertEquals(List.of(true, true, false, false), a.stream().map(CompletableFuture::isDone).toList());
        a.get(0).join().release();
        a.get(0).join().release();  // a second release changes nothing
        assertEquals(List.of(true, true, true, false), a.stream().map(CompletableFuture::isDone).toList());
    }

    @Test
    void theGlobalLimitIsSharedByHostsInTurn() {
        RequestGate gate = gate(1, 8, 0);
        List<String> started = new ArrayList<>();
        List<CompletableFuture<RequestGate.Permit>> permits = new ArrayList<>();
        for (String name : List.of("a1", "a2", "a3", "a4", "b1", "b2")) {
            permits.add(gate.acquire(name.substring(0, 1)).whenComplete((p, e) -> started.add(name)));
        }

        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, started.size(), "one at a time");
            releaseLatest(permits, started);
        }

        assertEquals(List.of("a1", "a2", "b1", "a3", "b2", "a4"), started);
    }

    private static void releaseLatest(List<CompletableFuture<RequestGate.Permit>> permits, List<String> started) {
        String latest = started.get(started.size() - 1);
        int index = List.of("a1", "a2", "a3", "a4", "b1", "b2").indexOf(latest);
        permits.get(index).join().release();
    }

    @Test
    void theHostIntervalSpacesStartsToOneHostButNotToOthers() {
        RequestGate gate = gate(10, 8, 50);

        CompletableFuture<RequestGate.Permit> first = gate.acquire("a");
        CompletableFuture<RequestGate.Permit> second = gate.acquire("a");
        CompletableFuture<RequestGate.Permit> other = gate.acquire("b");

        assertTrue(first.isDone());
        assertFalse(second.isDone());
        assertTrue(other.isDone());
        assertEquals(1, wakeTasks.size());
        assertEquals(now.get() + TimeUnit.MILLISECONDS.toNanos(50), wakeAt.get(0)[0]);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        wakeTasks.get(0).run();
        assertTrue(second.isDone());
    }
}
