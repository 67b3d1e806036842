package org.parley.bench.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.bench.load.RunResult;

/**
 * Collects one benchmark run's figures and writes them as {@code results.json} and {@code report.md}, each Parley
 * figure beside B0's from the same run and their ratio.
 */
public final class Report {

    private final String settings;
    private final Instant at;
    private final List<String> jvm;
    private final Map<String, List<StepResult>> fanOut = new LinkedHashMap<>();
    /** The label of Parley's mediation-mix results; B0 has no caucuses, so its fan-out is the baseline for both. */
    public static final String MIX = "Parley mix";
    private final Map<String, Map<Double, RunResult>> atShare = new LinkedHashMap<>();
    private final Map<String, Map<Integer, double[]>> idle = new LinkedHashMap<>();
    private final Map<String, Double> reconnectSeconds = new LinkedHashMap<>();
    /** The first storm a server met, while its connect path was still being compiled. */
    private final Map<String, Double> coldReconnectSeconds = new LinkedHashMap<>();
    private int reconnects;
    private double ticketsPerSecond = Double.NaN;
    private long[] refusals;
    /** Mode keycloak: per server, tickets/s, its CPU share and Keycloak's (NaN without one). */
    private final Map<String, double[]> ticketsAgainst = new LinkedHashMap<>();
    /** Mode keycloak: per number of connected subjects, the sweep passes' seconds and the CPU shares. */
    private final Map<Integer, Sweep> sweeps = new LinkedHashMap<>();

    private record Sweep(List<Double> seconds, double serverCpu, double keycloakCpu, int intervalSeconds) {
        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    public Report(String settings, Instant at, List<String> jvm) {
        this.settings = settings;
        this.at = at;
        this.jvm = jvm;
    }

    public void fanOut(String server, List<StepResult> steps) {
        fanOut.put(server, steps);
    }

    public List<List<StepResult>> fanOutSeries() {
        return new ArrayList<>(fanOut.values());
    }

    public void atShareOfBest(String server, double share, RunResult result) {
        atShare.computeIfAbsent(server, s -> new LinkedHashMap<>()).put(share, result);
    }

    public void idle(String server, int connections, double heapBytesEach, double rssBytesEach) {
        idle.computeIfAbsent(server, s -> new LinkedHashMap<>()).put(connections,
                new double[] {heapBytesEach, rssBytesEach});
    }

    /** One storm's time: the server's first ({@code cold}) or the one after it, the figure of record. */
    public void reconnect(String server, int count, double seconds, boolean cold) {
        reconnects = count;
        (cold ? coldReconnectSeconds : reconnectSeconds).put(server, seconds);
    }

    /** The mediation mix's deliberate unauthorised frames (sent, refused) and any other refusal seen. */
    public void refusals(long[] counts) {
        refusals = counts;
    }

    public void tickets(double perSecond, long serverCpuNanos) {
        ticketsPerSecond = perSecond;
    }

    /** Room tickets per second against {@code server}, its CPU share and Keycloak's (null when none runs). */
    public void ticketsAgainst(String server, double perSecond, double serverCpu, Double keycloakCpu) {
        ticketsAgainst.put(server, new double[] {perSecond, serverCpu, keycloakCpu == null ? Double.NaN
                : keycloakCpu});
    }

    /** The revocation sweep's passes with {@code subjects} connected, and the CPU shares over them. */
    public void sweep(int subjects, List<Double> seconds, double serverCpu, double keycloakCpu,
            int intervalSeconds) {
        sweeps.put(subjects, new Sweep(List.copyOf(seconds), serverCpu, keycloakCpu, intervalSeconds));
    }

    private double best(String server) {
        return fanOut.getOrDefault(server, List.of()).stream().filter(StepResult::passed)
                .mapToDouble(StepResult::offered).max().orElse(0);
    }

    public void write(Path out) throws IOException {
        Files.writeString(out.resolve("results.json"), json().encodePrettily());
        Files.writeString(out.resolve("report.md"), markdown());
    }

    private void reconnectRow(StringBuilder md, String which, Map<String, Double> seconds) {
        Double parley = seconds.get("Parley");
        Double b0 = seconds.get("B0");
        if (parley == null && b0 == null) {
            return;
        }
        md.append(String.format("| %,d clients reconnect, 32 at a time%s | %s | %s | %s |%n", reconnects, which,
                parley == null ? "–" : String.format("%.2f s", parley), b0 == null ? "–" : String.format("%.2f s", b0),
                parley == null || b0 == null ? "–" : String.format("%.2f×", ratio(parley, b0))));
    }

    private static String percentiles(RunResult run) {
        return run == null ? "–" : String.format("%.2f / %.2f / %.2f / %.2f", ms(run.p50()), ms(run.p99()),
                ms(run.p999()), ms(run.max()));
    }

    private JsonObject json() {
        JsonObject root = new JsonObject().put("settings", settings).put("at", at.toString())
                .put("serverJvm", new JsonArray(jvm)).put("reconnects", reconnects)
                .put("ticketsPerSecond", Double.isNaN(ticketsPerSecond) ? null : ticketsPerSecond);
        JsonObject servers = new JsonObject();
        for (String server : fanOut.keySet()) {
            JsonArray steps = new JsonArray();
            for (StepResult step : fanOut.get(server)) {
                JsonArray runs = new JsonArray();
                step.runs().forEach(run -> runs.add(json(run)));
                steps.add(new JsonObject().put("offered", step.offered()).put("passed", step.passed())
                        .put("runs", runs));
            }
            JsonObject shares = new JsonObject();
            atShare.getOrDefault(server, Map.of()).forEach((share, run) -> shares.put(String.valueOf(share),
                    json(run)));
            servers.put(server, new JsonObject().put("fanOut", steps).put("bestPassing", best(server))
                    .put("atShareOfBest", shares).put("reconnectSeconds", reconnectSeconds.get(server))
                    .put("coldReconnectSeconds", coldReconnectSeconds.get(server)));
        }
        JsonObject memory = new JsonObject();
        idle.forEach((server, steps) -> {
            JsonArray each = new JsonArray();
            steps.forEach((connections, bytes) -> each.add(new JsonObject().put("connections", connections)
                    .put("heapBytesEach", bytes[0]).put("residentBytesEach", bytes[1])));
            memory.put(server, each);
        });
        root.put("servers", servers).put("idleConnections", memory);
        if (!ticketsAgainst.isEmpty() || !sweeps.isEmpty()) {
            JsonObject tickets = new JsonObject();
            ticketsAgainst.forEach((server, t) -> tickets.put(server, new JsonObject().put("ticketsPerSecond", t[0])
                    .put("serverCpu", t[1]).put("keycloakCpu", Double.isNaN(t[2]) ? null : t[2])));
            JsonArray sweep = new JsonArray();
            sweeps.forEach((subjects, each) -> sweep.add(new JsonObject().put("connectedSubjects", subjects)
                    .put("passSeconds", new JsonArray(new ArrayList<>(each.seconds())))
                    .put("medianSeconds", each.median()).put("serverCpu", each.serverCpu())
                    .put("keycloakCpu", each.keycloakCpu()).put("intervalSeconds", each.intervalSeconds())));
            root.put("keycloak", new JsonObject().put("tickets", tickets).put("sweep", sweep));
        }
        return root;
    }

    private static JsonObject json(RunResult run) {
        return new JsonObject().put("expected", run.expected()).put("deliveries", run.deliveries())
                .put("lost", run.lost()).put("duplicates", run.duplicates()).put("misdelivered", run.misdelivered())
                .put("deliveriesPerSecond", run.deliveriesPerSecond()).put("p50Micros", run.p50())
                .put("p99Micros", run.p99()).put("p999Micros", run.p999()).put("maxMicros", run.max())
                .put("generatorCpu", run.generatorCpu()).put("serverCpu", run.serverCpu())
                .put("serverJitCpu", run.serverJitCpu()).put("serverCpuStolen", run.serverCpuStolen())
                .put("generatorCpuStolen", run.generatorCpuStolen());
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark run (").append(settings).append(", ").append(at).append(")\n\n");
        md.append("Server JVM options (both servers): `").append(String.join(" ", jvm)).append("`\n\n");
        md.append("## Joint-room fan-out: every step\n\n");
        md.append("| server | offered/s | pass | delivered/s | p50 ms | p99 ms (min–max of 3) | p99.9 ms | max ms | lost | dup | misdelivered | server CPU (of it JIT) | generator CPU | stolen from server / generator CPU |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (List<StepResult> steps : fanOut.values()) {
            for (StepResult step : steps) {
                RunResult m = step.median();
                md.append(String.format("| %s | %,.0f | %s | %,.0f | %.2f | %.2f (%.2f–%.2f) | %.2f | %.2f | %d | %d | %d | %.0f%% (%.0f%%) | %.0f%% | %.1f%% / %.1f%% |%n",
                        step.server(), step.offered(), step.passed() ? "yes" : "no", m.deliveriesPerSecond(),
                        ms(m.p50()), ms(m.p99()), ms(step.p99Min()), ms(step.p99Max()), ms(m.p999()), ms(m.max()),
                        m.lost(), m.duplicates(), m.misdelivered(), 100 * m.serverCpu(), 100 * m.serverJitCpu(),
                        100 * m.generatorCpu(), 100 * m.serverCpuStolen(), 100 * m.generatorCpuStolen()));
            }
        }
        md.append("\n## Summary\n\n| figure | Parley | B0 | ratio |\n|---|---|---|---|\n");
        double parleyBest = best("Parley");
        double b0Best = best("B0");
        if (!fanOut.isEmpty()) {
            md.append(String.format("| highest passing fan-out deliveries/s | %,.0f | %,.0f | %.2f× |%n", parleyBest,
                    b0Best, ratio(parleyBest, b0Best)));
        }
        if (fanOut.containsKey(MIX)) {
            double mixBest = best(MIX);
            md.append(String.format("| highest passing mediation-mix offered/s (B0: its fan-out) | %,.0f | %,.0f | %.2f× |%n",
                    mixBest, b0Best, ratio(mixBest, b0Best)));
        }
        if (refusals != null) {
            md.append(String.format("| mediation mix: unauthorised frames sent / refused; other refusals | %d / %d; %d | – | – |%n",
                    refusals[0], refusals[1], refusals[2]));
        }
        // Each series at half and nine tenths of its own best passing load: Parley's fan-out and its mix (which may
        // pass where the fan-out does not), each beside B0's.
        for (double share : new double[] {0.5, 0.9}) {
            RunResult b = atShare.getOrDefault("B0", Map.of()).get(share);
            for (String series : List.of("Parley", MIX)) {
                RunResult p = atShare.getOrDefault(series, Map.of()).get(share);
                if (p == null && b == null) {
                    continue;
                }
                md.append(String.format("| p50 / p99 / p99.9 / max ms at %.0f%% of own best (%s) | %s | %s | %s |%n",
                        share * 100, series, percentiles(p), percentiles(b),
                        p == null || b == null ? "–" : String.format("p99 %.2f×", ratio(p.p99(), b.p99()))));
            }
        }
        if (!idle.containsKey("Parley")) {
            idle.getOrDefault("B0", Map.of()).forEach((connections, b) -> md.append(String.format(
                    "| heap / RSS per idle connection after GC, %,d connections | – | %,.0f B / %,.0f B | – |%n",
                    connections, b[0], b[1])));
        }
        for (Integer connections : idle.getOrDefault("Parley", Map.of()).keySet()) {
            double[] p = idle.get("Parley").get(connections);
            double[] b = idle.getOrDefault("B0", Map.of()).get(connections);
            if (b == null) {
                md.append(String.format("| heap / RSS per idle connection after GC, %,d connections | %,.0f B / %,.0f B | – | – |%n",
                        connections, p[0], p[1]));
            } else {
                md.append(String.format("| heap per idle connection after GC, %,d connections | %,.0f B | %,.0f B | %.2f× |%n",
                        connections, p[0], b[0], ratio(p[0], b[0])));
                md.append(String.format("| RSS per idle connection, %,d connections | %,.0f B | %,.0f B | %.2f× |%n",
                        connections, p[1], b[1], ratio(p[1], b[1])));
            }
        }
        reconnectRow(md, "", reconnectSeconds);
        reconnectRow(md, ", the server's first storm (still compiling)", coldReconnectSeconds);
        if (!Double.isNaN(ticketsPerSecond)) {
            md.append(String.format("| room tickets per second (32 callers) | %.0f | – | – |%n", ticketsPerSecond));
        }
        if (!ticketsAgainst.isEmpty()) {
            md.append("\n## Ticket path against a real Keycloak\n\n");
            md.append("| server | room tickets/s (32 callers) | ratio to the first | server CPU | Keycloak CPU |\n");
            md.append("|---|---|---|---|---|\n");
            double first = ticketsAgainst.values().iterator().next()[0];
            ticketsAgainst.forEach((server, t) -> md.append(String.format("| %s | %.0f | %.2f× | %.0f%% | %s |%n",
                    server, t[0], ratio(t[0], first), 100 * t[1],
                    Double.isNaN(t[2]) ? "–" : String.format("%.0f%%", 100 * t[2]))));
        }
        if (!sweeps.isEmpty()) {
            md.append("\n## Revocation sweep against a real Keycloak (one `DisabledAccountSweep` pass)\n\n");
            md.append("| connected subjects | median pass s | passes s | ms per subject | server CPU | Keycloak CPU | interval |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            sweeps.forEach((subjects, each) -> md.append(String.format("| %,d | %.3f | %s | %.2f | %.0f%% | %.0f%% | %d s |%n",
                    subjects, each.median(), each.seconds().stream().map(v -> String.format("%.3f", v)).toList(),
                    1000 * each.median() / subjects, 100 * each.serverCpu(), 100 * each.keycloakCpu(),
                    each.intervalSeconds())));
        }
        return md.toString();
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
