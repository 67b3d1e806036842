package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.List;
import java.util.Optional;

/** Builds each party's review of a closed caucus and records the party's confirmation of it. */
final class CaucusReviewDesk {

    private final SessionState state;

    CaucusReviewDesk(SessionState state) {
        this.state = state;
    }

    void requestReviews(Outcome outcome, CaucusInfo caucus) {
        for (Participant participant : state.roster().all()) {
            if (participant.role() == Role.PARTY && caucus.members().contains(participant.id())) {
                state.reviews().request(caucus.id(), participant.id());
                // An unattested party gets the review (caucus content) once attested again: markAttested sends it.
                if (state.placement().isConnected(participant.id())
                        && state.attestations().isAttested(participant.id())) {
                    outcome.deliver(participant.id(), reviewFor(caucus.id(), participant));
                }
            }
        }
    }

    List<Event.CaucusReview> pendingReviewsFor(Participant participant) {
        return state.reviews().pendingFor(participant.id()).stream()
                .map(caucusId -> reviewFor(caucusId, participant))
                .toList();
    }

    Decision confirm(Participant actor, CaucusId caucusId) {
        if (actor.role() != Role.PARTY) {
            return refused(ErrorCode.FORBIDDEN, "only a party confirms a caucus review");
        }
        if (caucusId == null) {
            return refused(ErrorCode.INVALID_REQUEST, "no caucus named");
        }
        if (!state.reviews().isRequested(caucusId, actor.id())) {
            Optional<CaucusInfo> caucus = state.caucuses().findOpen(caucusId);
            if (caucus.isPresent() && caucus.get().members().contains(actor.id())) {
                return refused(ErrorCode.INVALID_REQUEST, "caucus " + caucusId + " is still open");
            }
            // Same answer whether the caucus exists or belongs to the other side: its existence is not theirs.
            return refused(ErrorCode.NO_SUCH_CAUCUS, "no review of caucus " + caucusId);
        }
        if (state.reviews().isConfirmed(caucusId, actor.id())) {
            return refused(ErrorCode.ALREADY_USED, "review of caucus " + caucusId + " already confirmed");
        }
        state.reviews().confirm(caucusId, actor.id());
        List<ReviewedItem> reviewed = reviewFor(caucusId, actor).items().stream()
                .map(entry -> new ReviewedItem(entry.itemId(), entry.status()))
                .toList();
        Outcome outcome = new Outcome();
        outcome.record(new Fact.CaucusReviewConfirmed(caucusId, actor.id(), reviewed, state.now()));
        Event confirmed = new Event.CaucusReviewConfirmed(caucusId, actor.id());
        if (state.placement().isConnected(actor.id())) {
            outcome.deliver(actor.id(), confirmed);
        }
        new MediationTeam(state).tell(outcome, confirmed);
        return outcome.accepted();
    }

    /**
     * A party disagrees with its review of a closed caucus (as a whole, or about one item of it). Only the mediator
     * is told, with the party's note; the party gets the same frame back as its receipt. The record keeps who, when,
     * which caucus and which item, never the note: the note is content.
     */
    Decision dispute(Participant actor, CaucusId caucusId, ItemId itemId, String note) {
        if (actor.role() != Role.PARTY) {
            return refused(ErrorCode.FORBIDDEN, "only a party disputes a caucus review");
        }
        if (caucusId == null) {
            return refused(ErrorCode.INVALID_REQUEST, "no caucus named");
        }
        if (!state.reviews().isRequested(caucusId, actor.id())) {
            // As for a confirmation: the same answer whether the caucus is unknown, open or the other side's.
            return refused(ErrorCode.NO_SUCH_CAUCUS, "no review of caucus " + caucusId);
        }
        Optional<ItemId> item = Optional.ofNullable(itemId);
        if (item.isPresent() && reviewFor(caucusId, actor).items().stream()
                .noneMatch(entry -> entry.itemId().equals(itemId))) {
            return refused(ErrorCode.NO_SUCH_ITEM, "item " + itemId + " is not in this review");
        }
        String shownNote = note == null || note.isBlank() ? null : note.strip();
        Outcome outcome = new Outcome();
        outcome.record(new Fact.CaucusReviewDisputed(caucusId, actor.id(), item, state.now()));
        Event disputed = new Event.CaucusReviewDisputed(caucusId, actor.id(), item, shownNote, state.now());
        for (ParticipantId recipient : disputeRecipients(actor.id())) {
            if (state.placement().isConnected(recipient)) {
                outcome.deliver(recipient, disputed);
            }
        }
        return outcome.accepted();
    }

    /** Who learns of a party's disagreement with its review: the mediation team, and the party itself as its receipt. */
    List<ParticipantId> disputeRecipients(ParticipantId party) {
        List<ParticipantId> recipients = new java.util.ArrayList<>(state.roster().mediationTeam());
        recipients.add(party);
        return recipients;
    }

    private static ReviewRelease shownInReview(Release release) {
        return new ReviewRelease(release.scope(), release.audience(), release.wording(), release.status());
    }

    /** The party's own side's original items in that caucus which the party heard, with their current status. */
    Event.CaucusReview reviewFor(CaucusId caucusId, Participant party) {
        List<ReviewEntry> entries = state.history().itemsOf(Place.caucus(caucusId)).stream()
                .filter(Item::isCaucusOrigin)
                .filter(item -> item.authorSide().equals(party.side()) && item.heardBy(party.id()))
                .map(item -> new ReviewEntry(item.id(), item.author(), item.text(), item.at(),
                        state.releases().statusOf(item.id()), item.document(),
                        state.releases().latestFor(item.id()).map(CaucusReviewDesk::shownInReview)))
                .toList();
        return new Event.CaucusReview(caucusId, entries);
    }
}
