package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Optional;

/**
 * The mediator's convey, the only way caucus-origin content leaves its caucus: as a release allows, or, under the
 * case's open-caucus policy, any caucus item the mediator heard.
 */
final class ConveyCommand {

    private final SessionState state;
    private final ReleaseNotices notices;
    private final StaleViewCheck staleView;

    ConveyCommand(SessionState state, ReleaseNotices notices, StaleViewCheck staleView) {
        this.state = state;
        this.notices = notices;
        this.staleView = staleView;
    }

    /**
     * Succeeds only for a confirmed, unwithdrawn, unused release whose audience is exactly the mediator's room; a
     * release the mediator was never told of (an unconfirmed or declined proposal) is "no such item".
     */
    Decision convey(Participant mediator, SeenPlace seen, ReleaseId releaseId) {
        // Bound to the room the mediator saw, like a message: a convey clicked in one room never lands in the next.
        Optional<Decision> stale = staleView.refusalFor(mediator.id(), seen);
        if (stale.isPresent()) {
            return stale.get();
        }
        Optional<Release> found = state.releases().find(releaseId).filter(ReleaseNotices::isKnownToMediator);
        if (found.isEmpty()) {
            // A proposal no party confirmed does not exist for the mediator, so its id answers like a made-up one.
            return refused(ErrorCode.NO_SUCH_ITEM, "no release " + releaseId);
        }
        Release release = found.get();
        if (release.status() == ReleaseStatus.CONVEYED) {
            return refused(ErrorCode.ALREADY_USED, "release " + releaseId + " was already conveyed");
        }
        if (release.status() != ReleaseStatus.RELEASED) {
            return refused(ErrorCode.NOT_RELEASED, "release " + releaseId + " is " + release.status());
        }
        Optional<Item> original = state.history().find(release.itemId());
        if (release.wordingLost() || original.isEmpty()) {
            // Content lives in memory only: after a restart the words are gone, and nothing is conveyed from nothing.
            return refused(ErrorCode.WORDING_LOST, "release " + releaseId + " must be released again");
        }
        Optional<Room> room = state.placement().speakingRoomOf(mediator.id());
        if (room.isEmpty() || !covers(release.audience(), room.get())) {
            return refused(ErrorCode.NOT_IN_ROOM, "release " + releaseId + " is for " + release.audience());
        }

        // A released document goes with its release: the copy carries the same document, with the wording as caption.
        Conveyance conveyance = new Conveyance(release.id(), original.get().id(), original.get().authorSide(),
                release.scope());
        Item conveyed = new Item(new ItemId(state.newId()), room.get(), original.get().author(),
                original.get().authorSide(),
                release.wording(), state.now(), state.audienceIn(room.get()),
                Optional.of(conveyance), original.get().document());
        state.history().add(conveyed);
        Release used = release.withStatus(ReleaseStatus.CONVEYED);
        state.releases().put(used);

        Outcome outcome = new Outcome();
        outcome.record(new Fact.ReleaseConveyed(release.id(), original.get().id(), conveyed.id(), room.get(),
                mediator.id(), conveyed.at()));
        outcome.deliverEach(state.placement().connectedIn(room.get(), state.roster()),
                new Event.MessagePosted(conveyed.view()));
        notices.announce(outcome, used);
        return outcome.accepted();
    }

    /** Exactly the audience released: the joint room, or the open caucus opened for the named side. */
    private boolean covers(ReleaseAudience audience, Room room) {
        if (audience instanceof ReleaseAudience.Joint) {
            return room instanceof JointRoom;
        }
        Side side = ((ReleaseAudience.OtherSideCaucus) audience).side();
        return room instanceof Caucus caucus
                && state.caucuses().findOpen(caucus.caucusId())
                .flatMap(CaucusInfo::forSide)
                .filter(side::equals)
                .isPresent();
    }

    /**
     * Open caucus only: conveys a caucus item the mediator heard, verbatim, into the mediator's current room (the
     * joint room or another caucus) without a release. Under the release-required policy this is always refused
     * with NOT_RELEASED, whatever the item.
     */
    Decision conveyItem(Participant mediator, SeenPlace seen, ItemId itemId) {
        Optional<Decision> stale = staleView.refusalFor(mediator.id(), seen);
        if (stale.isPresent()) {
            return stale.get();
        }
        if (state.policy() != CaucusPolicy.OPEN_CAUCUS) {
            return refused(ErrorCode.NOT_RELEASED, "the case's caucus policy requires a party's release");
        }
        Optional<Item> found = state.history().find(itemId).filter(Item::isCaucusOrigin)
                .filter(item -> item.heardBy(mediator.id()));
        if (found.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_ITEM, "no caucus item " + itemId + " heard by the mediator");
        }
        Item original = found.get();
        Optional<Room> room = state.placement().speakingRoomOf(mediator.id());
        if (room.isEmpty()) {
            return refused(ErrorCode.NOT_IN_ROOM, "the mediator is in no room");
        }
        if (room.get().equals(original.room())) {
            return refused(ErrorCode.INVALID_REQUEST, "item " + itemId + " was said in this caucus");
        }
        ReleaseScope scope = room.get() instanceof JointRoom ? ReleaseScope.JOINT_VERBATIM
                : ReleaseScope.OTHER_SIDE_CONVEY;
        Conveyance conveyance = new Conveyance(Optional.empty(), original.id(), original.authorSide(), scope);
        Item conveyed = new Item(new ItemId(state.newId()), room.get(), original.author(), original.authorSide(),
                original.text(), state.now(), state.audienceIn(room.get()),
                Optional.of(conveyance), original.document());
        state.history().add(conveyed);
        Outcome outcome = new Outcome();
        outcome.record(new Fact.ItemConveyedOpenly(original.id(), conveyed.id(), room.get(), mediator.id(),
                conveyed.at()));
        outcome.deliverEach(state.placement().connectedIn(room.get(), state.roster()),
                new Event.MessagePosted(conveyed.view()));
        return outcome.accepted();
    }
}
