package org.parley.room.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The media rule: voice and video only in the room one is in (the joint room or an open caucus, never the lobby),
 * only while connected and attested, and for a third party only with every party's consent. Compares what the rule
 * allowed before a command with what it allows after, so every way out of a room revokes without each command
 * having to remember it.
 */
final class MediaEntitlements {

    /** What the rule allows at one moment: each grant (in roster order) and the rooms that may carry media. */
    record Snapshot(List<MediaChange.Grant> grants, Set<Room> rooms) {
    }

    private final SessionState state;

    MediaEntitlements(SessionState state) {
        this.state = state;
    }

    Snapshot now() {
        if (state.phase() != SessionPhase.LIVE) {
            return new Snapshot(List.of(), Set.of());
        }
        Set<Room> rooms = new LinkedHashSet<>();
        rooms.add(Place.joint());
        state.caucuses().snapshot().stream().filter(CaucusInfo::open)
                .forEach(caucus -> rooms.add(Place.caucus(caucus.id())));
        List<MediaChange.Grant> grants = new ArrayList<>();
        for (Participant participant : state.roster().all()) {
            state.placement().speakingRoomOf(participant.id())
                    .filter(rooms::contains)
                    .filter(room -> mayHaveMedia(participant))
                    .ifPresent(room -> grants.add(new MediaChange.Grant(participant.id(), room,
                            state.placement().versionOf(participant.id()))));
        }
        // Ordered (joint room first, caucuses as opened), so that the changes come out in the same order every time.
        return new Snapshot(List.copyOf(grants), Collections.unmodifiableSet(rooms));
    }

    /** The same two conditions as {@link EntryGate}, checked again here because either can be lost in a room. */
    private boolean mayHaveMedia(Participant participant) {
        if (!state.attestations().isAttested(participant.id())) {
            return false;
        }
        return !participant.isThirdParty() || state.consents().missingFor(participant.id(), state.roster()).isEmpty();
    }

    /** Adds to the decision what changed since {@code before}: revocations first, then grants, then retirements. */
    Decision.Accepted withChanges(Decision.Accepted accepted, Snapshot before) {
        Snapshot after = now();
        List<MediaChange> revokes = new ArrayList<>();
        List<MediaChange> rest = new ArrayList<>();
        for (MediaChange.Grant old : before.grants()) {
            if (!after.grants().contains(old)) {
                revokes.add(old.revoke());
            }
        }
        for (MediaChange.Grant granted : after.grants()) {
            if (!before.grants().contains(granted)) {
                rest.add(granted);
            }
        }
        for (Room room : before.rooms()) {
            if (!after.rooms().contains(room)) {
                rest.add(new MediaChange.Retire(room));
            }
        }
        if (revokes.isEmpty() && rest.isEmpty()) {
            return accepted;
        }
        List<MediaChange> media = new ArrayList<>(accepted.mediaRevokes());
        media.addAll(revokes);
        media.addAll(accepted.mediaAfterDeliveries());
        media.addAll(rest);
        return new Decision.Accepted(accepted.deliveries(), accepted.facts(), media);
    }
}
