package org.parley.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Accounts for every message of one run at every member expected to receive it: latency of the first receipt,
 * and every receipt that should not have happened (a duplicate, or a frame from outside the member's room).
 */
public final class Ledger {

    /** Microseconds, up to a minute, three significant digits. */
    public final Histogram latency = new Histogram(60_000_000L, 3);
    private final long measureFromNanos;
    public long deliveries;
    public long duplicates;
    public long misdelivered;
    public long selfEchoes;
    public long foreignFrames;
    /** Deliveries owed: for each message sent, the room-mates in the sender's place at that moment. */
    public long expected;

    public Ledger(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    /** A payload {@code receiver} got, at {@code nowNanos}. */
    void receipt(Member receiver, Payload payload, long nowNanos) {
        Member sender = receiver.room.byIndex(payload.sender());
        if (sender == null || payload.place() != receiver.placeCode()) {
            // From another room, or from a place the receiver was not in when the server sent it.
            misdelivered++;
            return;
        }
        if (sender == receiver) {
            // Parley echoes a message to its author; B0 does not. Neither counts as a delivery.
            selfEchoes++;
            return;
        }
        if (!receiver.receive(sender.seat, payload.number())) {
            duplicates++;
            return;
        }
        deliveries++;
        if (payload.intendedNanos() >= measureFromNanos) {
            latency.recordValue(Math.max(0, (nowNanos - payload.intendedNanos()) / 1_000));
        }
    }
}
