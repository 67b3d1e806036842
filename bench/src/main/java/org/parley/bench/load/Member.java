package org.parley.bench.load;

import io.vertx.core.http.WebSocket;
import java.util.BitSet;

/**
 * One simulated participant: its connection, the room it belongs to, what it has sent and what it has received
 * from each room-mate (by number, so a duplicate shows).
 */
public final class Member {

    /** Unique over the whole run; carried in every payload. */
    public final int index;
    public final Room room;
    /** Its position within its room. */
    public final int seat;
    private final BitSet[] receivedFrom;
    public WebSocket socket;
    /** Where the server last placed it (Parley only): a message names it. */
    public volatile String place = "joint";
    public volatile long placement;
    /** While its room's mediator moves people, a member sends nothing (its schedule runs on, unsent). */
    public volatile boolean paused;
    /** The participant id the server knows it by (Parley only). */
    public String participantId;
    int sent;
    long nextIntendedNanos;

    Member(int index, Room room, int seat) {
        this.index = index;
        this.room = room;
        this.seat = seat;
        this.receivedFrom = new BitSet[room.size()];
        for (int i = 0; i < receivedFrom.length; i++) {
            receivedFrom[i] = new BitSet();
        }
    }

    /** Marks message {@code number} from room-mate {@code seat} received; false if it had been received already. */
    boolean receive(int fromSeat, int number) {
        BitSet seen = receivedFrom[fromSeat];
        if (seen.get(number)) {
            return false;
        }
        seen.set(number);
        return true;
    }

    long receivedCount() {
        long total = 0;
        for (int i = 0; i < receivedFrom.length; i++) {
            if (i != seat) {
                total += receivedFrom[i].cardinality();
            }
        }
        return total;
    }

    /** {@code j} in the joint room, {@code c} in a caucus; what a payload records and a recipient is checked by. */
    public char placeCode() {
        return place.startsWith("caucus") ? 'c' : 'j';
    }

    void resetCounts() {
        for (BitSet seen : receivedFrom) {
            seen.clear();
        }
        sent = 0;
    }
}
