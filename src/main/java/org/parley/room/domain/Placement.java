package org.parley.room.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tracks where every participant is placed and who is connected; a dropped connection keeps its place. */
final class Placement {

    // Placement survives a disconnect so that a reconnect resumes in the same place (and its audience keeps the
    // participant, so the resume replays what was said meanwhile); only "leave" or the end of the session unplaces.
    private final Map<ParticipantId, Place> places = new HashMap<>();
    private final Set<ParticipantId> connected = new HashSet<>();
    // When each participant's connection last ended, so that a reconnect can tell a long disconnection.
    private final Map<ParticipantId, Instant> disconnectedSince = new HashMap<>();
    // Counts every change of each participant's place (never reset, not even by "leave"), so that a room-scoped
    // frame can name exactly which arrival its author had seen when composing it.
    private final Map<ParticipantId, Long> versions = new HashMap<>();

    Optional<Place> placeOf(ParticipantId participant) {
        return Optional.ofNullable(places.get(participant));
    }

    boolean isPlaced(ParticipantId participant) {
        return places.containsKey(participant);
    }

    boolean isConnected(ParticipantId participant) {
        return connected.contains(participant);
    }

    /** The room a participant can speak in right now: connected, and placed in a room rather than the lobby. */
    Optional<Room> speakingRoomOf(ParticipantId participant) {
        if (!isConnected(participant) || !(places.get(participant) instanceof Room room)) {
            return Optional.empty();
        }
        return Optional.of(room);
    }

    /** Everyone placed in the place, connected or not, in roster order. */
    List<ParticipantId> placedIn(Place place, Roster roster) {
        // A plain loop: this runs for every message, and a stream pipeline cost more than the rest of the decision.
        List<ParticipantId> placed = new ArrayList<>(roster.all().size());
        for (Participant participant : roster.all()) {
            if (place.equals(places.get(participant.id()))) {
                placed.add(participant.id());
            }
        }
        return placed;
    }

    /** Everyone placed in the place who can receive a delivery now, in roster order. */
    List<ParticipantId> connectedIn(Place place, Roster roster) {
        return connectedAmong(placedIn(place, roster));
    }

    /** Those of {@code placed} (e.g. from {@link #placedIn}) who can receive a delivery now, in the same order. */
    List<ParticipantId> connectedAmong(List<ParticipantId> placed) {
        List<ParticipantId> reachable = new ArrayList<>(placed.size());
        for (ParticipantId participant : placed) {
            if (connected.contains(participant)) {
                reachable.add(participant);
            }
        }
        return reachable;
    }

    void place(ParticipantId participant, Place place) {
        places.put(participant, place);
        versions.merge(participant, 1L, Long::sum);
    }

    /** How many times the participant's place has changed; the arrival frame carries it to the client. */
    long versionOf(ParticipantId participant) {
        return versions.getOrDefault(participant, 0L);
    }

    /** When the participant's connection ended, if they have been disconnected (or left) since connecting. */
    Optional<Instant> disconnectedSince(ParticipantId participant) {
        return Optional.ofNullable(disconnectedSince.get(participant));
    }

    void connect(ParticipantId participant) {
        connected.add(participant);
        disconnectedSince.remove(participant);
    }

    void disconnect(ParticipantId participant, Instant at) {
        if (connected.remove(participant)) {
            disconnectedSince.put(participant, at);
        }
    }

    /** Leaving also ends the connection; someone who left while disconnected keeps the earlier time. */
    void unplace(ParticipantId participant, Instant at) {
        disconnect(participant, at);
        // The version is kept: coming back means connecting again, and that places (and counts) anew.
        places.remove(participant);
    }

    /** Puts a participant back where a stored state had them, with their move count; for restoring only. */
    void restore(ParticipantId participant, Place place, long version) {
        if (place != null) {
            places.put(participant, place);
        }
        versions.put(participant, version);
    }

    Placement copy() {
        Placement copy = new Placement();
        copy.places.putAll(places);
        copy.connected.addAll(connected);
        copy.disconnectedSince.putAll(disconnectedSince);
        copy.versions.putAll(versions);
        return copy;
    }

    void clear() {
        places.clear();
        connected.clear();
        disconnectedSince.clear();
        versions.clear();
    }

    Map<ParticipantId, Place> placesSnapshot() {
        return Map.copyOf(places);
    }

    Set<ParticipantId> connectedSnapshot() {
        return Set.copyOf(connected);
    }

    Map<ParticipantId, Long> versionsSnapshot() {
        return Map.copyOf(versions);
    }

    Map<ParticipantId, Instant> disconnectedSnapshot() {
        return Map.copyOf(disconnectedSince);
    }
}
