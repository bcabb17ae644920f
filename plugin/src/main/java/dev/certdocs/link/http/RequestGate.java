package dev.certdocs.link.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Lets requests start within the limits: at most {@code concurrency} in flight over all hosts,
 * at most {@code hostConcurrency} in flight to one host, and at least {@code interval} between
 * two starts to one host. A waiting request holds no thread: {@link #acquire} returns a future
 * that completes with a {@link Permit} when the request may start, and the request gives the
 * permit back when it ends. Hosts take turns, so one host with thousands of URLs does not starve
 * the others.
 */
final class RequestGate {

    /** Runs a task after a delay (a scheduler in production, a hand-driven clock in tests). */
    interface Timer {
        void schedule(Runnable task, long delayNanos);
    }

    /** The right to have one request in flight to one host; give it back exactly once. */
    final class Permit {
        private final Host host;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Host host) {
            this.host = host;
        }

        void release() {
            if (released.compareAndSet(false, true)) RequestGate.this.release(host);
        }
    }

    private static final class Host {
        final ArrayDeque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
        int inFlight;
        boolean started;
        long nextStart;
        /** In {@link #runnable}. */
        boolean queued;
        /** A wake-up for the host interval is pending; the host re-enters the queue then. */
        boolean sleeping;
    }

    private final int concurrency;
    private final int hostConcurrency;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Timer timer;
    private final Executor grantExecutor;

    private final Object lock = new Object();
    private final Map<String, Host> hosts = new HashMap<>();
    /** Hosts that have waiting requests and may be able to start one. */
    private final ArrayDeque<Host> runnable = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param grantExecutor where a granted permit is handed over (never under the gate's lock);
     *                      {@code Runnable::run} starts the next request in the thread that freed
     *                      the place, which is right when starting a request does not block
     */
    RequestGate(int concurrency, int hostConcurrency, long intervalNanos, LongSupplier nanoTime, Timer timer,
            Executor grantExecutor) {
        this.concurrency = concurrency;
        this.hostConcurrency = hostConcurrency;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
        this.timer = timer;
        this.grantExecutor = grantExecutor;
    }

    /** A future permit for one request to {@code host}; waits in line behind earlier requests to that host. */
    CompletableFuture<Permit> acquire(String host) {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        List<Runnable> grants;
        synchronized (lock) {
            Host h = hosts.computeIfAbsent(host, k -> new Host());
            h.waiting.add(permit);
            enqueue(h);
            grants = grant();
        }
        grants.forEach(grantExecutor::execute);
        return permit;
    }

    private void release(Host h) {
        List<Runnable> grants;
        synchronized (lock) {
            h.inFlight--;
            inFlight--;
            enqueue(h);
            grants = grant();
        }
        grants.forEach(grantExecutor::execute);
    }

    private void wake(Host h) {
        List<Runnable> grants;
        synchronized (lock) {
            h.sleeping = false;
            enqueue(h);
            grants = grant();
        }
        grants.forEach(grantExecutor::execute);
    }

    private void enqueue(Host h) {
        if (!h.queued && !h.sleeping && !h.waiting.isEmpty()) {
            h.queued = true;
            runnable.add(h);
        }
    }

    /**
     * Starts what the limits allow, one request per host per turn. A host at its limit leaves the
     * queue until one of its requests ends; a host inside its interval sleeps until the interval
     * has passed.
     */
    private List<Runnable> grant() {
        List<Runnable> grants = new ArrayList<>();
        while (inFlight < concurrency && !runnable.isEmpty()) {
            Host h = runnable.poll();
            h.queued = false;
            if (h.waiting.isEmpty() || h.inFlight >= hostConcurrency) continue;
            long now = nanoTime.getAsLong();
            if (h.started && now - h.nextStart < 0) {
                h.sleeping = true;
                timer.schedule(() -> wake(h), h.nextStart - now);
                continue;
            }
            CompletableFuture<Permit> waiter = h.waiting.poll();
            h.inFlight++;
            inFlight++;
            h.started = true;
            h.nextStart = now + intervalNanos;
            Permit permit = new Permit(h);
            grants.add(() -> {
                if (!waiter.complete(permit)) permit.release();
            });
            enqueue(h);
        }
        return grants;
    }
}
