package org.parley.room.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds what one viewer may see of where everyone is: a caucus is disclosed only to those entitled to know it. */
final class PresenceView {

    private final SessionState state;
    private final MediaEntitlements entitlements;

    PresenceView(SessionState state) {
        this.state = state;
        this.entitlements = new MediaEntitlements(state);
    }

    List<PresenceEntry> forViewer(ParticipantId viewerId) {
        Participant viewer = state.roster().get(viewerId);
        Set<MediaChange.Grant> grantsNow = Set.copyOf(entitlements.now().grants());
        return state.roster().all().stream()
                .map(subject -> {
                    PlaceView seen = placeSeenBy(viewer, subject);
                    return new PresenceEntry(subject.id(), subject.displayName(), subject.role(), subject.side(),
                            seen, state.placement().isConnected(subject.id()), mediaSeen(subject, seen, grantsNow),
                            handSeenBy(viewer, subject));
                })
                .toList();
    }

    /**
     * Who is on audio/video is part of where they are: it is shown only with the place in full (the joint room, or
     * a caucus the viewer may know), never with an undisclosed caucus, so the other side does not learn even that.
     */
    private Optional<MediaState> mediaSeen(Participant subject, PlaceView seen, Set<MediaChange.Grant> grantsNow) {
        if (!(seen instanceof PlaceView.InJointRoom) && !(seen instanceof PlaceView.InCaucus)) {
            return Optional.empty();
        }
        return state.mediaStates().current(subject.id(), grantsNow);
    }

    /**
     * A raised hand is seen by those placed where the raiser is, and by the mediation team wherever it is (as a knock
     * reaches it), never by anyone elsewhere: not even by the raiser's own side in another room.
     */
    boolean handSeenBy(Participant viewer, Participant subject) {
        if (!state.hands().isRaised(subject.id(), state.placement())) {
            return false;
        }
        if (viewer.isOnMediationTeam()) {
            return true;
        }
        Optional<Place> where = state.placement().placeOf(subject.id());
        return where.isPresent() && where.equals(state.placement().placeOf(viewer.id()));
    }

    /** The full view of a place, for someone who is in it or entitled to know it. */
    PlaceView full(Place place) {
        if (place instanceof Lobby) {
            return new PlaceView.InLobby();
        }
        if (place instanceof JointRoom) {
            return new PlaceView.InJointRoom();
        }
        CaucusId id = ((Caucus) place).caucusId();
        Optional<Side> forSide = state.caucuses().find(id).flatMap(CaucusInfo::forSide);
        return new PlaceView.InCaucus(id, forSide);
    }

    private PlaceView placeSeenBy(Participant viewer, Participant subject) {
        Optional<Place> place = state.placement().placeOf(subject.id());
        if (place.isEmpty()) {
            return new PlaceView.NotInSession();
        }
        if (!(place.get() instanceof Caucus caucus)) {
            return full(place.get());
        }
        if (viewer.isOnMediationTeam() || viewer.id().equals(subject.id()) || viewer.sameSideAs(subject)) {
            return full(caucus);
        }
        CaucusInfo info = state.caucuses().find(caucus.caucusId()).orElseThrow();
        if (subject.isOnMediationTeam()) {
            // Nobody may hide where the mediator (or the co-mediator) is, but only the caucus's members learn which caucus it is.
            return info.members().contains(viewer.id()) ? full(caucus)
                    : new PlaceView.InUndisclosedCaucus(info.sidesServed());
        }
        // The other side learns only "in caucus": no id, no companions, no side served.
        return new PlaceView.InUndisclosedCaucus(Set.of());
    }
}
