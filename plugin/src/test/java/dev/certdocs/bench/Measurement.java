package dev.certdocs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One measured call, as the benchmarks report it: its result, wall time, the CPU time of the
 * whole process meanwhile (every thread, GC and compiler included) and two peaks of the used
 * heap: sampled every 5 ms, and the sum of each heap pool's own peak (an upper bound).
 */
record Measurement<T>(T result, double seconds, double cpuSeconds, long sampledPeak, long poolPeak) {

    /** Runs {@code call} after a GC and a reset of the pools' peaks, and measures it. */
    static <T> Measurement<T> of(Supplier<T> call) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler();
        Thread t = new Thread(sampler, "heap-sampler");
        t.setDaemon(true);
        t.start();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        T result = call.get();
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        sampler.stop.set(true);
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long poolPeak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measurement<>(result, elapsed / 1e9, cpu / 1e9, sampler.peak.get(), poolPeak);
    }

    /** Process CPU time over wall time: 2.0 means two cores busy all along. */
    double cpuPerWall() {
        return seconds == 0 ? 0 : cpuSeconds / seconds;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** CPU time of the whole process, or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Samples the used heap every few milliseconds and keeps the highest value. */
    private static final class HeapSampler implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong peak = new AtomicLong();

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!stop.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
    }
}
