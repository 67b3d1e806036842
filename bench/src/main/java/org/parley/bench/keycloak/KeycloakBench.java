package org.parley.bench.keycloak;

import io.vertx.core.Context;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.bench.load.Room;
import org.parley.bench.parley.ParleyApi;
import org.parley.bench.parley.ParleyTarget;
import org.parley.bench.report.Report;

/**
 * Mode {@code keycloak}: the ticket path and the revocation sweep against a real Keycloak. First the demo profile's
 * server (the demo identity provider answers from memory) for the ticket rate; then Keycloak, pinned to the
 * generator's CPU, and Parley against it on the server's CPU, for the ticket rate (every ticket asks Keycloak whether
 * the account is enabled) and the duration of one {@code DisabledAccountSweep} pass with N connected subjects, read
 * from the server's {@code parley.accounts.sweep} timer in {@code /q/metrics}.
 *
 * <p>Environment: {@code BENCH_KEYCLOAK_SUBJECTS} (default {@code 100,500}) the connected subjects of each sweep step.
 */
public final class KeycloakBench {

    public static final String DEMO = "Parley (demo identity)";
    public static final String KEYCLOAK = "Parley + Keycloak";
    private static final int SERVER_CPU = 0;
    private static final int GENERATOR_CPU = 1;
    private static final int ROOM_SIZE = 5;
    /** The ticket callers ask for the members of these rooms in turn (none connected). */
    private static final int TICKET_ROOMS = 20;
    private static final int CALLERS = 32;
    private static final int TICKET_WARMUP_SECONDS = 5;
    private static final int TICKET_SECONDS = 15;
    /** How often the server sweeps during this mode (30 s in production); passes never overlap. */
    private static final int SWEEP_INTERVAL_SECONDS = 5;
    private static final int SWEEP_PASSES = 3;
    private static final Pattern SWEEP_COUNT =
            Pattern.compile("(?m)^parley_accounts_sweep_seconds_count(?:\\{[^}]*\\})? (\\S+)$");
    private static final Pattern SWEEP_SUM =
            Pattern.compile("(?m)^parley_accounts_sweep_seconds_sum(?:\\{[^}]*\\})? (\\S+)$");

    private KeycloakBench() {
    }

    /**
     * Runs the mode with the packaged server {@code jar} ({@code <project>/target/quarkus-app/quarkus-run.jar}, next
     * to which the build unpacks Keycloak) and the servers' JVM options {@code jvm}.
     */
    public static void run(Context context, Path jar, List<String> jvm, Path out, Report report) throws Exception {
        Path target = jar.getParent().getParent();
        Path home = target.resolve("keycloak/keycloak-" + Keycloak.VERSION);
        Path realm = target.getParent().resolve("config/keycloak/parley-realm.json");
        Path logs = out.resolve("logs");

        try (ParleyTarget demo = new ParleyTarget(SERVER_CPU, freePort(), jvm, jar,
                Files.createTempDirectory("parley-bench-data"), logs)) {
            log(DEMO + ": started; provisioning " + TICKET_ROOMS * ROOM_SIZE + " participants");
            List<Room> rooms = demo.provisioned(TICKET_ROOMS, ROOM_SIZE, 0);
            tickets(DEMO, demo, null, rooms, report);
        }

        long keycloakStart = System.nanoTime();
        try (Keycloak keycloak = Keycloak.start(GENERATOR_CPU, home, realm, logs)) {
            log(String.format("Keycloak: ready in %.0f s", (System.nanoTime() - keycloakStart) / 1e9));
            KeycloakIdentity identity = new KeycloakIdentity(keycloak,
                    List.of("-Dparley.revocation.check-interval=" + SWEEP_INTERVAL_SECONDS + "s"));
            try (ParleyTarget parley = new ParleyTarget(KEYCLOAK, identity, SERVER_CPU, freePort(), jvm, jar,
                    Files.createTempDirectory("parley-bench-data"), logs)) {
                log(KEYCLOAK + ": started; provisioning " + TICKET_ROOMS * ROOM_SIZE + " participants through SSO");
                long start = System.nanoTime();
                List<Room> rooms = new ArrayList<>(parley.provisioned(TICKET_ROOMS, ROOM_SIZE, 0));
                log(String.format("%s: provisioned in %.0f s", KEYCLOAK, (System.nanoTime() - start) / 1e9));
                // No room connection is open yet, so the sweep has nobody to ask about while the tickets run.
                tickets(KEYCLOAK, parley, keycloak, rooms, report);
                List<Room> joined = new ArrayList<>();
                for (int subjects : subjects()) {
                    int more = subjects / ROOM_SIZE - rooms.size();
                    if (more > 0) {
                        start = System.nanoTime();
                        rooms.addAll(parley.provisioned(more, ROOM_SIZE, rooms.size() * ROOM_SIZE));
                        log(String.format("%s: %d more provisioned in %.0f s", KEYCLOAK, more * ROOM_SIZE,
                                (System.nanoTime() - start) / 1e9));
                    }
                    List<Room> toJoin = rooms.subList(joined.size(), subjects / ROOM_SIZE);
                    parley.join(context, toJoin);
                    joined.addAll(toJoin);
                    sweep(parley, keycloak, joined.size() * ROOM_SIZE, report);
                }
            }
        }
    }

    /** Warm-up, then the measured ticket rate of {@code CALLERS} callers, with each process's CPU share. */
    private static void tickets(String label, ParleyTarget parley, Keycloak keycloak, List<Room> rooms,
            Report report) throws InterruptedException {
        parley.ticketsPerSecond(rooms, CALLERS, TICKET_WARMUP_SECONDS);
        long serverCpu = parley.server().cpuNanos();
        long keycloakCpu = keycloak == null ? 0 : keycloak.server().cpuNanos();
        long start = System.nanoTime();
        double rate = parley.ticketsPerSecond(rooms, CALLERS, TICKET_SECONDS);
        long elapsed = System.nanoTime() - start;
        double serverShare = (parley.server().cpuNanos() - serverCpu) / (double) elapsed;
        Double keycloakShare = keycloak == null ? null
                : (keycloak.server().cpuNanos() - keycloakCpu) / (double) elapsed;
        report.ticketsAgainst(label, rate, serverShare, keycloakShare);
        log(String.format("%s: %.0f tickets/s (%d callers), server CPU %.0f%%%s", label, rate, CALLERS,
                100 * serverShare, keycloakShare == null ? "" : String.format(", Keycloak CPU %.0f%%",
                        100 * keycloakShare)));
    }

    /**
     * The duration of {@code SWEEP_PASSES} whole sweep passes with {@code subjects} connected: the pass that may
     * have started while they were still connecting is waited out, then each later pass is read from the timer's
     * count and sum as it ends.
     */
    private static void sweep(ParleyTarget parley, Keycloak keycloak, int subjects, Report report)
            throws InterruptedException {
        ParleyApi api = parley.api();
        double[] last = nextPass(api, sweepTimer(api));
        long serverCpu = parley.server().cpuNanos();
        long keycloakCpu = keycloak.server().cpuNanos();
        long start = System.nanoTime();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < SWEEP_PASSES; i++) {
            double[] now = nextPass(api, last);
            seconds.add((now[1] - last[1]) / (now[0] - last[0]));
            last = now;
        }
        long elapsed = System.nanoTime() - start;
        double serverShare = (parley.server().cpuNanos() - serverCpu) / (double) elapsed;
        double keycloakShare = (keycloak.server().cpuNanos() - keycloakCpu) / (double) elapsed;
        report.sweep(subjects, seconds, serverShare, keycloakShare, SWEEP_INTERVAL_SECONDS);
        log(String.format("%s: sweep of %d connected subjects: %s s per pass (server CPU %.0f%%, Keycloak CPU "
                + "%.0f%% over the passes, one every %d s)", KEYCLOAK, subjects, seconds, 100 * serverShare,
                100 * keycloakShare, SWEEP_INTERVAL_SECONDS));
    }

    /** Waits until the sweep timer's count moves past {@code after}; answers the new count and sum. */
    private static double[] nextPass(ParleyApi api, double[] after) throws InterruptedException {
        long deadline = System.nanoTime() + (SWEEP_INTERVAL_SECONDS + 120) * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            double[] now = sweepTimer(api);
            if (now[0] > after[0]) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no sweep pass ended within " + (SWEEP_INTERVAL_SECONDS + 120) + " s");
    }

    /** The sweep timer's count and sum of seconds, from {@code /q/metrics}; zeros before its first pass. */
    static double[] sweepTimer(ParleyApi api) {
        String metrics = api.text("/q/metrics");
        return new double[] {value(SWEEP_COUNT, metrics), value(SWEEP_SUM, metrics)};
    }

    private static double value(Pattern pattern, String metrics) {
        Matcher found = pattern.matcher(metrics);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    private static int[] subjects() {
        String steps = System.getenv("BENCH_KEYCLOAK_SUBJECTS");
        return steps == null ? new int[] {100, 500}
                : Arrays.stream(steps.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
