package dev.certdocs.support;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs a stage's work item by item on a pool of the build's size ({@link BuildConfig#threads}: every core by default). */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Calls {@code task} for 0 … {@code count}-1 on {@code threads} threads and returns when all
     * are done. The first failure is rethrown as it was, after the other workers have stopped, so
     * a caller that cleans up after a failure races with nobody.
     */
    public static void forEach(int threads, int count, String what, IntConsumer task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertDocsException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new CertDocsException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
