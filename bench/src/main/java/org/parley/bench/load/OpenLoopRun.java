package org.parley.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One measured run at one offered load: every member sends at a fixed rate from its own schedule (open loop), for a
 * fixed time; then the run waits for the last deliveries and accounts for every message at every room-mate.
 *
 * <p>Everything runs on one Vert.x context (the generator has one CPU), so the ledger needs no locks.
 */
public final class OpenLoopRun {

    private static final long TICK_MILLIS = 1;
    /** How long the run waits without any new delivery before it counts what is missing as lost. */
    private static final long DRAIN_QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Context context;
    private final List<Room> rooms;
    private final Wire wire;
    private final int payloadBytes;
    private final Choreography choreography;

    /** What happens in the rooms besides talking while a run lasts, such as a mediator moving people. */
    public interface Choreography {
        /** Starts on the run's context when sending starts; stops by itself at {@code endNanos}. */
        void start(long endNanos);

        /** Frames a member sends besides its messages (typing, refused frames), after message {@code number}. */
        default void extraFrames(Member member, int number) {
        }
    }

    public OpenLoopRun(Context context, List<Room> rooms, Wire wire, int payloadBytes) {
        this(context, rooms, wire, payloadBytes, endNanos -> { });
    }

    public OpenLoopRun(Context context, List<Room> rooms, Wire wire, int payloadBytes, Choreography choreography) {
        this.context = context;
        this.rooms = rooms;
        this.wire = wire;
        this.payloadBytes = payloadBytes;
        this.choreography = choreography;
    }

    /** Routes every frame the members receive into {@code ledger}; called once per run before sending starts. */
    private void listen(Ledger ledger) {
        for (Room room : rooms) {
            for (Member member : room.members) {
                member.socket.textMessageHandler(frame -> {
                    long now = System.nanoTime();
                    String text = wire.payloadOf(member, frame);
                    if (text == null) {
                        ledger.foreignFrames++;
                        return;
                    }
                    Payload payload = Payload.decode(text);
                    if (payload == null) {
                        ledger.foreignFrames++;
                    } else {
                        ledger.receipt(member, payload, now);
                    }
                });
            }
        }
    }

    /**
     * Offers {@code deliveriesPerSecond} (to room-mates, summed over all rooms) for {@code seconds}, measuring
     * latency after the first {@code warmupSeconds}.
     */
    public RunResult run(double deliveriesPerSecond, int seconds, int warmupSeconds) {
        CompletableFuture<RunResult> done = new CompletableFuture<>();
        context.runOnContext(ignored -> start(deliveriesPerSecond, seconds, warmupSeconds, done));
        return done.join();
    }

    private void start(double deliveriesPerSecond, int seconds, int warmupSeconds, CompletableFuture<RunResult> done) {
        long members = rooms.stream().mapToLong(Room::size).sum();
        int roomSize = rooms.get(0).size();
        double messagesPerMemberPerSecond = deliveriesPerSecond / members / (roomSize - 1);
        long intervalNanos = (long) (1e9 / messagesPerMemberPerSecond);
        long startNanos = System.nanoTime();
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(seconds);
        Ledger ledger = new Ledger(startNanos + TimeUnit.SECONDS.toNanos(warmupSeconds));
        long[] cpuAtStart = {processCpuNanos()};
        int slot = 0;
        for (Room room : rooms) {
            for (Member member : room.members) {
                member.resetCounts();
                // Spread the first sends over one interval, so members do not all send in the same millisecond.
                member.nextIntendedNanos = startNanos + (intervalNanos * (slot++ % 997)) / 997;
            }
        }
        listen(ledger);
        choreography.start(endNanos);
        long[] timer = new long[1];
        timer[0] = context.owner().setPeriodic(TICK_MILLIS, id -> {
            long now = System.nanoTime();
            for (Room room : rooms) {
                for (Member member : room.members) {
                    while (member.nextIntendedNanos <= now && member.nextIntendedNanos < endNanos) {
                        if (!member.paused) {
                            send(member, member.nextIntendedNanos, ledger);
                        }
                        member.nextIntendedNanos += intervalNanos;
                    }
                }
            }
            if (now >= endNanos) {
                context.owner().cancelTimer(timer[0]);
                long generatorCpu = processCpuNanos() - cpuAtStart[0];
                drain(ledger, startNanos, now, generatorCpu, done);
            }
        });
    }

    private void send(Member member, long intendedNanos, Ledger ledger) {
        for (Member mate : member.room.members) {
            if (mate != member && mate.place.equals(member.place)) {
                ledger.expected++;
            }
        }
        int number = member.sent++;
        Payload payload = new Payload(member.index, number, intendedNanos, member.placeCode());
        member.socket.writeTextMessage(wire.messageFrame(member, payload.encode(payloadBytes)));
        choreography.extraFrames(member, number);
    }

    private void drain(Ledger ledger, long startNanos, long sendEndNanos, long generatorCpuNanos,
            CompletableFuture<RunResult> done) {
        long finalExpected = ledger.expected;
        long[] last = {ledger.deliveries, System.nanoTime()};
        Promise<Void> drained = Promise.promise();
        long[] timer = new long[1];
        timer[0] = context.owner().setPeriodic(50, id -> {
            long now = System.nanoTime();
            if (ledger.deliveries != last[0]) {
                last[0] = ledger.deliveries;
                last[1] = now;
            }
            if (ledger.deliveries >= finalExpected || now - last[1] > DRAIN_QUIET_NANOS) {
                context.owner().cancelTimer(timer[0]);
                drained.complete();
            }
        });
        drained.future().onComplete(ignored -> done.complete(RunResult.of(ledger, finalExpected,
                sendEndNanos - startNanos, generatorCpuNanos)));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
