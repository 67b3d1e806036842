package org.parley.room.domain;

/** Where a participant is: the lobby, or a room ({@link JointRoom} or a {@link Caucus}); exactly one at a time. */
public sealed interface Place permits Lobby, Room {

    static Lobby lobby() {
        return Lobby.INSTANCE;
    }

    static JointRoom joint() {
        return JointRoom.INSTANCE;
    }

    static Caucus caucus(CaucusId id) {
        return new Caucus(id);
    }
}
