package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Releases of caucus items by parties, proposals by counsel, confirmations and withdrawals. */
final class ReleaseCommands {

    private final SessionState state;
    private final ReleaseNotices notices;

    ReleaseCommands(SessionState state, ReleaseNotices notices) {
        this.state = state;
        this.notices = notices;
    }

    Decision release(Participant actor, ReleaseTerms terms) {
        if (actor.role() != Role.PARTY) {
            return refused(ErrorCode.FORBIDDEN, "only a party releases; counsel may propose");
        }
        return create(actor, terms, false);
    }

    Decision propose(Participant actor, ReleaseTerms terms) {
        if (actor.role() != Role.COUNSEL) {
            return refused(ErrorCode.FORBIDDEN, "only counsel proposes a release");
        }
        return create(actor, terms, true);
    }

    Decision confirm(Participant actor, ReleaseId releaseId) {
        if (actor.role() != Role.PARTY) {
            return refused(ErrorCode.FORBIDDEN, "only a party confirms a release");
        }
        Optional<Release> release = visibleRelease(actor, releaseId);
        if (release.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_ITEM, "no release " + releaseId);
        }
        if (!mayRelease(actor, release.get().origin())) {
            return refused(ErrorCode.FORBIDDEN, "item " + release.get().itemId() + " is not yours or your counsel's");
        }
        if (release.get().status() != ReleaseStatus.PENDING) {
            return refused(ErrorCode.INVALID_REQUEST, "release " + releaseId + " is not awaiting confirmation");
        }
        if (release.get().wordingLost()) {
            // The proposal's wording went with a restart: confirming it would release words nobody holds.
            return refused(ErrorCode.WORDING_LOST, "release " + releaseId + " must be released again");
        }
        Release confirmed = release.get().confirmedBy(actor.id());
        state.releases().put(confirmed);
        Outcome outcome = new Outcome();
        outcome.record(recorded(confirmed));
        notices.announce(outcome, confirmed);
        return outcome.accepted();
    }

    Decision withdraw(Participant actor, ReleaseId releaseId) {
        if (actor.role() != Role.PARTY) {
            return refused(ErrorCode.FORBIDDEN, "only a party withdraws a release");
        }
        Optional<Release> release = visibleRelease(actor, releaseId);
        if (release.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_ITEM, "no release " + releaseId);
        }
        if (!mayRelease(actor, release.get().origin())) {
            return refused(ErrorCode.FORBIDDEN, "item " + release.get().itemId() + " is not yours or your counsel's");
        }
        if (release.get().status() == ReleaseStatus.CONVEYED) {
            return refused(ErrorCode.ALREADY_USED, "release " + releaseId + " was already conveyed");
        }
        if (release.get().status() == ReleaseStatus.WITHDRAWN) {
            return refused(ErrorCode.INVALID_REQUEST, "release " + releaseId + " was already withdrawn");
        }
        Release withdrawn = release.get().withStatus(ReleaseStatus.WITHDRAWN);
        state.releases().put(withdrawn);
        Outcome outcome = new Outcome();
        outcome.record(new Fact.ReleaseWithdrawn(withdrawn.id(), withdrawn.itemId(), actor.id(), state.now()));
        notices.announce(outcome, withdrawn);
        return outcome.accepted();
    }

    private Decision create(Participant actor, ReleaseTerms terms, boolean proposal) {
        if (terms == null || terms.itemId() == null || terms.scope() == null) {
            return refused(ErrorCode.INVALID_REQUEST, "a release names an item and a scope");
        }
        // An item the actor did not hear is reported as missing, so releases cannot probe for other items.
        Optional<Item> found = state.history().find(terms.itemId()).filter(i -> i.heardBy(actor.id()));
        if (found.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_ITEM, "no item " + terms.itemId());
        }
        Item item = found.get();
        if (!item.isCaucusOrigin()) {
            return refused(ErrorCode.INVALID_REQUEST, "only original caucus items are released");
        }
        if (!mayRelease(actor, ItemOrigin.of(item))) {
            return refused(ErrorCode.FORBIDDEN, "item " + item.id() + " is not yours or your counsel's");
        }
        if (terms.scope() == ReleaseScope.JOINT_VERBATIM && terms.editedWording().isPresent()) {
            return refused(ErrorCode.INVALID_REQUEST, "a verbatim release carries no edited wording");
        }
        if (terms.editedWording().map(String::isBlank).orElse(false)) {
            return refused(ErrorCode.INVALID_REQUEST, "empty wording");
        }
        Optional<ReleaseAudience> audience = audienceOf(item, terms);
        if (audience.isEmpty()) {
            return refused(ErrorCode.INVALID_REQUEST, "the release does not name exactly one audience");
        }
        if (state.releases().openFor(item.id()).isPresent()) {
            return refused(ErrorCode.INVALID_REQUEST, "item " + item.id() + " already has an open release");
        }

        String wording = terms.editedWording().orElse(item.text());
        Release release = new Release(new ReleaseId(state.newId()), item.id(), terms.scope(), audience.get(),
                wording, actor.id(), proposal ? Optional.empty() : Optional.of(actor.id()),
                proposal ? ReleaseStatus.PENDING : ReleaseStatus.RELEASED, ItemOrigin.of(item));
        state.releases().put(release);
        Outcome outcome = new Outcome();
        outcome.record(proposal
                ? new Fact.ReleaseProposed(release.id(), item.id(), release.scope(), release.audience(), actor.id(),
                        WordingDigest.sha256Hex(wording), state.now())
                : recorded(release));
        notices.announce(outcome, release);
        return outcome.accepted();
    }

    /**
     * A party may release its own items and its counsel's; counsel may propose for any item of its side. Both
     * must have heard the item (checked by the callers' lookup).
     */
    private boolean mayRelease(Participant actor, ItemOrigin item) {
        if (!item.authorSide().equals(actor.side())) {
            return false;
        }
        if (actor.role() == Role.COUNSEL) {
            return true;
        }
        Participant author = state.roster().get(item.author());
        return author.id().equals(actor.id()) || author.role() == Role.COUNSEL;
    }

    private Optional<Release> visibleRelease(Participant actor, ReleaseId releaseId) {
        // Judged by the release's own record of the item's origin, so it still holds once the item is gone.
        return state.releases().find(releaseId).filter(r -> r.origin().heardBy(actor.id()));
    }

    private Optional<ReleaseAudience> audienceOf(Item item, ReleaseTerms terms) {
        if (terms.scope() != ReleaseScope.OTHER_SIDE_CONVEY) {
            return terms.toSide().isPresent() ? Optional.empty() : Optional.of(new ReleaseAudience.Joint());
        }
        Set<Side> others = new LinkedHashSet<>(state.roster().sides());
        others.remove(item.authorSide().orElseThrow());
        if (terms.toSide().isPresent()) {
            return others.contains(terms.toSide().get())
                    ? Optional.of(new ReleaseAudience.OtherSideCaucus(terms.toSide().get())) : Optional.empty();
        }
        // With only two sides "the other side" is unambiguous; with more, the party must name it.
        return others.size() == 1
                ? Optional.of(new ReleaseAudience.OtherSideCaucus(others.iterator().next())) : Optional.empty();
    }

    private Fact.ReleaseRecorded recorded(Release release) {
        return new Fact.ReleaseRecorded(release.id(), release.itemId(), release.scope(), release.audience(),
                release.requestedBy(), release.confirmedBy().orElseThrow(), WordingDigest.sha256Hex(release.wording()),
                state.now());
    }
}
