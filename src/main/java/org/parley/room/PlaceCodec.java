package org.parley.room;

import java.util.Optional;
import org.parley.room.domain.Caucus;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.JointRoom;
import org.parley.room.domain.Lobby;
import org.parley.room.domain.Place;

/**
 * The wire names of places: {@code lobby}, {@code joint} and {@code caucus:<id>}.
 */
public final class PlaceCodec {

    private static final String CAUCUS_PREFIX = "caucus:";

    private PlaceCodec() {
    }

    public static Optional<Place> parse(String wire) {
        if ("lobby".equals(wire)) {
            return Optional.of(Place.lobby());
        }
        if ("joint".equals(wire)) {
            return Optional.of(Place.joint());
        }
        if (wire != null && wire.startsWith(CAUCUS_PREFIX) && wire.length() > CAUCUS_PREFIX.length()) {
            return Optional.of(Place.caucus(new CaucusId(wire.substring(CAUCUS_PREFIX.length()))));
        }
        return Optional.empty();
    }

    public static String format(Place place) {
        if (place instanceof Lobby) {
            return "lobby";
        }
        if (place instanceof JointRoom) {
            return "joint";
        }
        return CAUCUS_PREFIX + ((Caucus) place).caucusId().value();
    }
}
