package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The time the hypervisor gave one CPU of this virtual machine to someone else ("steal" in {@code /proc/stat}). On a
 * shared host it comes and goes with the neighbours' load: a run whose server lost a tenth of its CPU measures the
 * host as much as the server, so every run reports it beside its latencies.
 */
final class StolenTime {

    /** {@code /proc/stat} counts in clock ticks of 1/100 s (USER_HZ) on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path STAT = Path.of("/proc/stat");
    /** In a {@code cpuN} line: the name, then user, nice, system, idle, iowait, irq, softirq and steal. */
    private static final int STEAL_FIELD = 8;

    private StolenTime() {
    }

    /** Nanoseconds stolen from {@code cpu} since boot; -1 where the kernel does not say (not Linux, say). */
    static long nanos(int cpu) {
        try {
            List<String> lines = Files.readAllLines(STAT);
            String name = "cpu" + cpu;
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                if (fields[0].equals(name) && fields.length > STEAL_FIELD) {
                    return Long.parseLong(fields[STEAL_FIELD]) * NANOS_PER_TICK;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
    }

    /** The share of {@code elapsedNanos} stolen between two readings; NaN when either is unknown. */
    static double share(long before, long after, double elapsedNanos) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / elapsedNanos;
    }
}
