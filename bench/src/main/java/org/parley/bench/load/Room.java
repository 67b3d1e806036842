package org.parley.bench.load;

import java.util.ArrayList;
import java.util.List;

/** A group of simulated participants who all hear each other: a B0 room, or a Parley session's joint room. */
public final class Room {

    public final String name;
    private final int size;
    public final List<Member> members = new ArrayList<>();

    public Room(String name, int size, int firstIndex) {
        this.name = name;
        this.size = size;
        for (int seat = 0; seat < size; seat++) {
            members.add(new Member(firstIndex + seat, this, seat));
        }
    }

    public int size() {
        return size;
    }

    /** The member with this run-wide index, or null when it is not in this room. */
    Member byIndex(int index) {
        int seat = index - members.get(0).index;
        return seat >= 0 && seat < size ? members.get(seat) : null;
    }
}
