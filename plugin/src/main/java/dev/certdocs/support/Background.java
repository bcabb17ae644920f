package dev.certdocs.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One thread beside a run's workers for the run's own state files (reading the incremental
 * manifests, writing the validation cache), so that this mostly sequential I/O overlaps the
 * stages instead of standing between them. {@link #await} before the run reports success: a
 * failure here fails the run.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "certdocs-state");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> submitted = new ArrayList<>();

    public synchronized <T> Future<T> submit(Callable<T> task) {
        Future<T> f = executor.submit(task);
        submitted.add(f);
        return f;
    }

    /** The task's result; its failure rethrown as it was. */
    public static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertDocsException("interrupted while waiting for the build's state files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new CertDocsException("the build's state files: " + e.getCause(), e.getCause());
        }
    }

    /** Waits for every task submitted; rethrows the first failure. */
    public void await() {
        List<Future<?>> all;
        synchronized (this) {
            all = List.copyOf(submitted);
        }
        for (Future<?> f : all) get(f);
    }

    /** Stops the thread once its tasks are done (a failed run does not wait for their results). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
