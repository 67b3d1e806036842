package org.parley.bench.load;

/**
 * What one run measured. Latencies in microseconds; {@code lost} counts deliveries that never arrived.
 * {@code generatorCpu} is the generator's CPU use as a share of one core while it sent; {@code serverCpu} the
 * server's (its child processes, such as an embedded PostgreSQL, included), and {@code serverJitCpu} the part of that
 * its JIT compiler threads used: on one core they compete with the server's own work.
 */
public record RunResult(long expected, long deliveries, long lost, long duplicates, long misdelivered,
        double deliveriesPerSecond, long p50, long p99, long p999, long max, double generatorCpu,
        double serverCpu, double serverJitCpu, double serverCpuStolen, double generatorCpuStolen) {

    static RunResult of(Ledger ledger, long expected, long sendNanos, long generatorCpuNanos) {
        return new RunResult(expected, ledger.deliveries, expected - ledger.deliveries, ledger.duplicates,
                ledger.misdelivered, ledger.deliveries / (sendNanos / 1e9),
                ledger.latency.getValueAtPercentile(50), ledger.latency.getValueAtPercentile(99),
                ledger.latency.getValueAtPercentile(99.9), ledger.latency.getMaxValue(),
                generatorCpuNanos / (double) sendNanos, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The same result with the server's CPU use and its JIT compiler's (shares of one core) filled in. */
    public RunResult withServerCpu(double share, double jitShare) {
        return new RunResult(expected, deliveries, lost, duplicates, misdelivered, deliveriesPerSecond, p50, p99,
                p999, max, generatorCpu, share, jitShare, serverCpuStolen, generatorCpuStolen);
    }

    /** The same result with the shares of the server's and the generator's CPUs the hypervisor took meanwhile. */
    public RunResult withStolen(double fromServerCpu, double fromGeneratorCpu) {
        return new RunResult(expected, deliveries, lost, duplicates, misdelivered, deliveriesPerSecond, p50, p99,
                p999, max, generatorCpu, serverCpu, serverJitCpu, fromServerCpu, fromGeneratorCpu);
    }

    /** The service level a step must meet: p99 within 20 ms, p99.9 within 100 ms, nothing lost or misdelivered. */
    public boolean meetsTarget() {
        return p99 <= 20_000 && p999 <= 100_000 && lost == 0 && duplicates == 0 && misdelivered == 0;
    }

    /** A run whose generator used nearly all of its CPU says more about the generator than the server. */
    public boolean generatorSaturated() {
        return generatorCpu >= 0.9;
    }
}
