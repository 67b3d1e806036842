package org.parley.bench.parley;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.bench.load.Member;
import org.parley.bench.load.OpenLoopRun;
import org.parley.bench.load.Room;

/**
 * The mediation mix: in every room the mediator takes side A (its party and counsel) into side A's caucus and back,
 * half a cycle each, while side B stays in the joint room; everyone types now and then, and one frame in a hundred
 * from a party or counsel is one it may not send (opening a caucus), which the server must refuse.
 *
 * <p>So that every delivery can be accounted for exactly, a room pauses while its mediator moves people: each member
 * stops sending, makes sure the server has applied everything it sent (a {@code ping} answered behind it), and
 * starts again once everyone moved has been told where they now are. Rooms move at staggered times, so at any
 * moment most rooms are talking.
 */
final class MediationMix implements OpenLoopRun.Choreography {

    private static final int TYPING_EVERY = 10;
    private static final int UNAUTHORISED_EVERY = 100;

    private final ParleyTarget target;
    private final Context context;
    private final List<Room> rooms;
    private final Map<Room, String> caucuses;
    private final long halfCycleMillis;
    /**
     * Messages sent by parties and counsel over the whole mix, so that one in {@link #UNAUTHORISED_EVERY} of them is
     * followed by a frame the server must refuse. Counted across members: at low load a member sends only a few
     * messages per run, and a per-member count never reached 100 (the full run of 2026-12-02 sent none).
     */
    private long fromPartiesAndCounsel;

    MediationMix(ParleyTarget target, Context context, List<Room> rooms, Map<Room, String> caucuses,
            int cycleSeconds) {
        this.target = target;
        this.context = context;
        this.rooms = rooms;
        this.caucuses = caucuses;
        this.halfCycleMillis = cycleSeconds * 500L;
    }

    @Override
    public void start(long endNanos) {
        for (int r = 0; r < rooms.size(); r++) {
            Room room = rooms.get(r);
            long offset = 1 + halfCycleMillis * r / rooms.size();
            context.owner().setTimer(offset, id -> cycle(room, endNanos));
        }
    }

    private void cycle(Room room, long endNanos) {
        if (System.nanoTime() >= endNanos) {
            return;
        }
        move(room).onComplete(done -> context.owner().setTimer(halfCycleMillis, id -> cycle(room, endNanos)));
    }

    /** Pauses the room, lets the server catch up with it, moves side A and the mediator, and resumes. */
    private Future<?> move(Room room) {
        room.members.forEach(member -> member.paused = true);
        List<Future<Void>> caughtUp = new ArrayList<>();
        for (Member member : room.members) {
            caughtUp.add(target.awaitFrame(member, frame -> frame.contains("\"type\":\"pong\"")));
            member.socket.writeTextMessage("{\"type\":\"ping\"}");
        }
        return Future.all(caughtUp).compose(ignored -> {
            Member mediator = room.members.get(0);
            boolean toCaucus = mediator.place.equals("joint");
            String to = toCaucus ? "caucus:" + caucuses.get(room) : "joint";
            List<Future<Void>> told = new ArrayList<>();
            for (Member member : room.members) {
                if (member.seat <= 2) {
                    told.add(target.awaitFrame(member, frame -> frame.contains("\"type\":\"you_are_in\"")
                            && frame.contains(toCaucus ? "\"kind\":\"caucus\"" : "\"kind\":\"joint\"")));
                }
            }
            mediator.socket.writeTextMessage("{\"type\":\"move_side\",\"side\":\"A\",\"to\":\"" + to + "\"}");
            mediator.socket.writeTextMessage("{\"type\":\"go_to\",\"to\":\"" + to + "\"}");
            return Future.all(told);
        }).onComplete(ignored -> room.members.forEach(member -> member.paused = false));
    }

    @Override
    public void extraFrames(Member member, int number) {
        if (number % TYPING_EVERY == 0) {
            member.socket.writeTextMessage("{\"type\":\"typing\",\"place\":\"" + member.place + "\",\"placement\":"
                    + member.placement + ",\"typing\":true}");
        }
        if (member.seat != 0 && ++fromPartiesAndCounsel % UNAUTHORISED_EVERY == 0) {
            target.expectRefusal();
            member.socket.writeTextMessage("{\"type\":\"open_caucus\",\"side\":\"B\",\"ref\":\""
                    + ParleyTarget.UNAUTHORISED_REF + "\"}");
        }
    }
}
