package org.parley.room;

import java.util.Optional;
import org.parley.room.domain.Caucus;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.JointRoom;
import org.parley.room.domain.Lobby;
import org.parley.room.domain.Place;
import org.parley.room.domain.PlaceView;

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

    /** How a presence entry's place reads in REST views: a place name, {@code in_caucus} or {@code absent}. */
    public static String describe(PlaceView view) {
        if (view instanceof PlaceView.InLobby) {
            return "lobby";
        }
        if (view instanceof PlaceView.InJointRoom) {
            return "joint";
        }
        if (view instanceof PlaceView.InCaucus caucus) {
            return CAUCUS_PREFIX + caucus.caucusId().value();
        }
        return view instanceof PlaceView.InUndisclosedCaucus ? "in_caucus" : "absent";
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
