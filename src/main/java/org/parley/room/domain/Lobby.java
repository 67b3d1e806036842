package org.parley.room.domain;

/** The waiting room: participants land here when they connect, and nothing is said or replayed here. */
public record Lobby() implements Place {

    static final Lobby INSTANCE = new Lobby();

    @Override
    public String toString() {
        return "lobby";
    }
}
