package org.parley.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.bench.b0.B0Target;
import org.parley.bench.keycloak.KeycloakBench;
import org.parley.bench.load.OpenLoopRun;
import org.parley.bench.load.Room;
import org.parley.bench.load.RunResult;
import org.parley.bench.parley.ParleyTarget;
import org.parley.bench.report.LatencyPlot;
import org.parley.bench.report.Report;
import org.parley.bench.report.StepResult;

/**
 * Runs the benchmark: for B0 and then Parley, each in a fresh process pinned to CPU 0 while this generator runs on
 * CPU 1, the joint-room fan-out at rising offered load, then memory per idle connection, the reconnect storm and
 * (Parley) the ticket rate. Writes {@code report.md}, {@code results.json} and {@code fanout-latency.png}.
 *
 * <p>Usage: {@code BenchmarkMain <quick|full|fanout|memory|connect|keycloak> <parley quarkus-run.jar> <output folder>}.
 * Environment: {@code BENCH_SERVERS} (default {@code B0,Parley}) chooses the servers, {@code BENCH_SERVER_JFR} (any
 * value) records each server with Java Flight Recorder, {@code BENCH_SERVER_GC} (default {@link #DEFAULT_COLLECTOR})
 * sets both servers' collector options; {@code BENCH_WARMUP_SECONDS} overrides the warm-up before each ladder,
 * {@code BENCH_STEPS} (e.g. {@code 8000,16000}) its offered loads; {@code BENCH_HEAP_DUMP} (any value) adds a heap
 * dump to each step of the memory mode. Mode {@code fanout} runs the full mode's fan-out ladder alone; mode
 * {@code memory} measures only memory per idle connection, with class histograms; mode {@code keycloak} the ticket
 * path and the revocation sweep against a real Keycloak ({@link KeycloakBench}).
 */
public final class BenchmarkMain {

    private static final int SERVER_CPU = 0;
    /** Where bench/run pins this generator ({@code taskset -c 1}). */
    private static final int GENERATOR_CPU = 1;
    private static final int PAYLOAD_BYTES = 300;
    private static final int ROOM_SIZE = 5;
    static final String MIX = Report.MIX;
    /**
     * The collector options the container image runs Parley with (the Dockerfile's ENTRYPOINT); why each one is
     * there, measured: docs/operations.md, "The collector", and docs/benchmarks.md.
     */
    private static final String DEFAULT_COLLECTOR = "-XX:+UseG1GC -XX:MaxGCPauseMillis=10"
            + " -XX:-ClassUnloadingWithConcurrentMark -XX:MaxTenuringThreshold=1 -XX:MetaspaceSize=256m";
    /**
     * The same collector and heap for both servers; pinned to one CPU the JVM would otherwise pick SerialGC. The heap
     * is touched at start, so resident memory grows only with what connections themselves cost.
     */
    private static final List<String> SERVER_JVM = serverJvm(System.getenv().getOrDefault("BENCH_SERVER_GC",
            DEFAULT_COLLECTOR));
    /** Closing thousands of connections on purpose (reconnect storm, end of a server) is not worth a log line each. */
    private static final java.util.logging.Logger QUIET_CLOSES =
            java.util.logging.Logger.getLogger("io.vertx.core.net.impl.ConnectionBase");

    public static void main(String[] args) throws Exception {
        QUIET_CLOSES.setLevel(java.util.logging.Level.OFF);
        Settings settings = Settings.named(args[0]);
        Path jar = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(out);
        // Enough workers for the parallel ticket requests of a reconnect storm (32 at a time) to run side by side.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(64));
        Context context = vertx.getOrCreateContext();
        Report report = new Report(settings.name, Instant.now(), SERVER_JVM);
        try {
            if (settings == Settings.KEYCLOAK) {
                KeycloakBench.run(context, jar, SERVER_JVM, out, report);
                return;
            }
            for (String name : System.getenv().getOrDefault("BENCH_SERVERS", "B0,Parley").split(",")) {
                if (settings == Settings.MEMORY) {
                    try (Target target = start(name, jar, out)) {
                        idle(target, context, settings, report, out);
                    }
                    continue;
                }
                if (settings == Settings.CONNECT) {
                    try (Target target = start(name, jar, out)) {
                        idleAndReconnect(target, context, settings, report);
                    }
                    continue;
                }
                try (Target target = start(name, jar, out)) {
                    List<Room> rooms = target.connect(context, settings.rooms, ROOM_SIZE, 0);
                    OpenLoopRun fanOut = new OpenLoopRun(context, rooms, target.wire(), PAYLOAD_BYTES);
                    report.fanOut(name, ladder(target, name, fanOut, settings, report));
                    if (settings == Settings.FANOUT) {
                        continue;
                    }
                    if (target instanceof ParleyTarget parley) {
                        OpenLoopRun mix = new OpenLoopRun(context, rooms, target.wire(), PAYLOAD_BYTES,
                                parley.mediationMix(context, rooms, settings.mixCycleSeconds));
                        report.fanOut(MIX, ladder(target, MIX, mix, settings, report));
                        report.refusals(parley.refusals());
                    }
                }
                try (Target target = start(name, jar, out)) {
                    idleAndReconnect(target, context, settings, report);
                }
            }
            if (settings == Settings.MEMORY || settings == Settings.CONNECT) {
                return;
            }
            LatencyPlot.write("Joint-room fan-out, " + settings.rooms + " rooms of " + ROOM_SIZE + ", "
                    + PAYLOAD_BYTES + "-byte messages", report.fanOutSeries(), out.resolve("fanout-latency.png"));
        } finally {
            report.write(out);
            vertx.close();
        }
        System.out.println("results in " + out);
    }

    /** The collector's options (space-separated, the same for both servers), then the heap. */
    private static List<String> serverJvm(String collector) {
        List<String> jvm = new ArrayList<>(List.of(collector.trim().split("\\s+")));
        jvm.addAll(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        return List.copyOf(jvm);
    }

    private static Target start(String name, Path jar, Path out) throws Exception {
        int port = freePort();
        List<String> jvm = new ArrayList<>(SERVER_JVM);
        if (System.getenv("BENCH_SERVER_JFR") != null) {
            // A flight recording of the server under test, to find what limits it (jfr print / JDK Mission Control).
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(name + "-"
                    + System.nanoTime() + ".jfr"));
        }
        // Every collection with its pause, on the wall clock of run.log, so that a failing run can be matched to them.
        Files.createDirectories(out.resolve("logs"));
        jvm.add("-Xlog:gc:file=" + out.resolve("logs").resolve(name + "-gc-" + System.nanoTime() + ".log")
                + ":utctime");
        if ("B0".equals(name)) {
            return new B0Target(SERVER_CPU, port, jvm, out.resolve("logs"));
        }
        Path data = Files.createTempDirectory("parley-bench-data");
        return new ParleyTarget(SERVER_CPU, port, jvm, jar, data, out.resolve("logs"));
    }

    /** Rising offered load until a step fails; every step run three times. */
    private static List<StepResult> ladder(Target target, String label, OpenLoopRun run, Settings settings,
            Report report) {
        log(label + ": warming up");
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS",
                String.valueOf(settings.ladderWarmupSeconds)));
        measured(target, run, settings.ladder()[0], warmup, warmup);
        List<StepResult> steps = new ArrayList<>();
        for (double load : settings.ladder()) {
            List<RunResult> runs = new ArrayList<>();
            for (int i = 0; i < settings.runsPerStep; i++) {
                runs.add(measured(target, run, load, settings.runSeconds, settings.warmupSeconds));
            }
            StepResult step = new StepResult(label, load, runs);
            steps.add(step);
            log(String.format("%s: %,.0f/s offered: %s (median p99 %,d µs, lost %d)", label, load,
                    step.passed() ? "pass" : "fail", step.median().p99(), step.median().lost()));
            if (!step.passed()) {
                break;
            }
        }
        double best = steps.stream().filter(StepResult::passed).mapToDouble(StepResult::offered).max().orElse(0);
        if (best > 0) {
            for (double share : new double[] {0.5, 0.9}) {
                report.atShareOfBest(label, share,
                        measured(target, run, best * share, settings.runSeconds, settings.warmupSeconds));
            }
        }
        return steps;
    }

    private static RunResult measured(Target target, OpenLoopRun run, double load, int seconds, int warmup) {
        long cpuBefore = target.server().cpuNanos();
        long jitBefore = target.server().jitCompilerNanos();
        long serverStolenBefore = StolenTime.nanos(SERVER_CPU);
        long generatorStolenBefore = StolenTime.nanos(GENERATOR_CPU);
        long start = System.nanoTime();
        RunResult result = run.run(load, seconds, warmup);
        double elapsed = System.nanoTime() - start;
        return result.withServerCpu((target.server().cpuNanos() - cpuBefore) / elapsed,
                (target.server().jitCompilerNanos() - jitBefore) / elapsed)
                .withStolen(StolenTime.share(serverStolenBefore, StolenTime.nanos(SERVER_CPU), elapsed),
                        StolenTime.share(generatorStolenBefore, StolenTime.nanos(GENERATOR_CPU), elapsed));
    }

    private static void idleAndReconnect(Target target, Context context, Settings settings, Report report)
            throws Exception {
        List<Room> rooms = idle(target, context, settings, report, null);
        List<Room> storm = rooms.subList(0, settings.reconnects / ROOM_SIZE);
        // The first storm runs while the server still compiles its connect path (a third of Parley's CPU went to
        // the JIT compiler in it); a server in service has met many. Both are reported, the second is of record.
        for (boolean cold : new boolean[] {true, false}) {
            long nanos = target.reconnectNanos(context, storm, 32);
            report.reconnect(target.name(), settings.reconnects, nanos / 1e9, cold);
            log(String.format("%s: %,d reconnects in %.2f s%s", target.name(), settings.reconnects, nanos / 1e9,
                    cold ? " (its first storm)" : ""));
        }
        if (target instanceof ParleyTarget parley) {
            double rate = parley.ticketsPerSecond(storm, 32, settings.ticketSeconds);
            report.tickets(rate, target.server().cpuNanos());
            log(String.format("Parley: %.0f tickets/s", rate));
        }
    }

    /**
     * Connects {@code settings.idleConnections} idle connections in rising steps and reports heap after a full GC and
     * resident memory per connection, against the server's own figures before connecting. With {@code histograms},
     * also writes the class histogram before connecting and at each step ({@code <server>-histogram-<n>.txt}).
     */
    private static List<Room> idle(Target target, Context context, Settings settings, Report report,
            Path histograms) throws Exception {
        if (histograms != null) {
            target.server().classHistogram(histograms.resolve(target.name() + "-histogram-0.txt"));
        }
        long heapBefore = target.server().heapAfterGc();
        long rssBefore = target.server().residentBytes();
        List<Room> rooms = new ArrayList<>();
        for (int connections : settings.idleConnections) {
            int have = rooms.size() * ROOM_SIZE;
            long start = System.nanoTime();
            rooms.addAll(target.connect(context, (connections - have) / ROOM_SIZE, ROOM_SIZE, have));
            log(String.format("%s: %,d more connected (provisioned and joined) in %.0f s", target.name(),
                    connections - have, (System.nanoTime() - start) / 1e9));
            long heap = target.server().heapAfterGc();
            long rss = target.server().residentBytes();
            report.idle(target.name(), connections, (heap - heapBefore) / (double) connections,
                    (rss - rssBefore) / (double) connections);
            log(String.format("%s: %,d idle connections: %,.0f heap bytes, %,.0f resident bytes each", target.name(),
                    connections, (heap - heapBefore) / (double) connections, (rss - rssBefore) / (double) connections));
            if (histograms != null) {
                target.server().classHistogram(histograms.resolve(target.name() + "-histogram-" + connections
                        + ".txt"));
                if (System.getenv("BENCH_HEAP_DUMP") != null) {
                    target.server().heapDump(histograms.resolve(target.name() + "-" + connections + ".hprof"));
                }
            }
        }
        return rooms;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }

    /** How big a run is: a quick one to try the benchmark, a full one for the figures. */
    record Settings(String name, int rooms, double[] steps, int runsPerStep, int runSeconds, int warmupSeconds,
            int ladderWarmupSeconds, int[] idleConnections, int reconnects, int ticketSeconds, int mixCycleSeconds) {

        static final Settings QUICK = new Settings("quick", 20, new double[] {500, 1000, 2000, 4000, 8000}, 3, 8, 2,
                8, new int[] {500}, 500, 5, 4);
        /**
         * The figures of record, in about an hour on two cores: a minute of warm-up before each ladder (Parley's code
         * is still being compiled after eight seconds), then steps doubling from 250/s (Parley's first steps) to
         * 48,000/s (beyond B0's), three runs of 30 s each.
         */
        static final Settings FULL = new Settings("full", 100,
                new double[] {250, 500, 1000, 2000, 4000, 8000, 16000, 24000, 32000, 48000}, 3, 30, 5,
                60, new int[] {1000, 5000}, 1000, 15, 10);
        /** The full mode's joint-room fan-out alone: to try a change to Parley in a quarter of the time. */
        static final Settings FANOUT = new Settings("fanout", FULL.rooms, FULL.steps, FULL.runsPerStep,
                FULL.runSeconds, FULL.warmupSeconds, FULL.ladderWarmupSeconds, new int[0], 0, 0, 0);
        /** Memory per idle connection only, at 1,000 and 5,000 connections, with class histograms. */
        static final Settings MEMORY = new Settings("memory", 0, new double[0], 0, 0, 0, 0,
                memorySteps(), 0, 0, 0);

        /**
         * Connecting only, as in the full mode: 1,000 and then 5,000 idle connections, 1,000 of them reconnecting at
         * once (twice), then the ticket rate.
         */
        static final Settings CONNECT = new Settings("connect", 0, new double[0], 0, 0, 0, 0,
                new int[] {1000, 5000}, 1000, 10, 0);

        /** The ticket path and the revocation sweep against a real Keycloak ({@link KeycloakBench}). */
        static final Settings KEYCLOAK = new Settings("keycloak", 0, new double[0], 0, 0, 0, 0, new int[0], 0, 0, 0);

        static Settings named(String name) {
            return switch (name) {
                case "full" -> FULL;
                case "fanout" -> FANOUT;
                case "connect" -> CONNECT;
                case "memory" -> MEMORY;
                case "keycloak" -> KEYCLOAK;
                default -> QUICK;
            };
        }

        /** The ladder's offered loads: {@code BENCH_STEPS} (e.g. {@code 8000,16000}) overrides the mode's. */
        double[] ladder() {
            String override = System.getenv("BENCH_STEPS");
            return override == null ? steps
                    : java.util.Arrays.stream(override.split(",")).mapToDouble(Double::parseDouble).toArray();
        }

        /** {@code BENCH_IDLE_CONNECTIONS} (e.g. {@code 1000}) overrides the memory mode's steps. */
        private static int[] memorySteps() {
            String steps = System.getenv("BENCH_IDLE_CONNECTIONS");
            return steps == null ? new int[] {1000, 5000}
                    : java.util.Arrays.stream(steps.split(",")).mapToInt(Integer::parseInt).toArray();
        }
    }
}
