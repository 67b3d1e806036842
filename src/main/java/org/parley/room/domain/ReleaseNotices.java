package org.parley.room.domain;

import java.util.List;

/**
 * Tells a release's status to the owning side's members who heard the item, and to the mediator once confirmed;
 * only while attested, since an update carries the wording (an unattested one gets the open releases on attesting).
 */
final class ReleaseNotices {

    private final SessionState state;

    ReleaseNotices(SessionState state) {
        this.state = state;
    }

    void announce(Outcome outcome, Release release) {
        Event event = updated(release);
        for (Participant participant : state.roster().all()) {
            if (state.placement().isConnected(participant.id()) && state.attestations().isAttested(participant.id())
                    && isEntitled(participant, release)) {
                outcome.deliver(participant.id(), event);
            }
        }
    }

    /** The open releases a (re)connecting participant should know about. */
    List<Event> openReleasesFor(Participant participant) {
        return state.releases().all().stream()
                .filter(Release::isOpen)
                .filter(release -> isEntitled(participant, release))
                .map(ReleaseNotices::updated)
                .map(Event.class::cast)
                .toList();
    }

    private static Event.ReleaseUpdated updated(Release release) {
        // An open release whose wording went with a restart is shown as what it now needs: to be released again.
        return new Event.ReleaseUpdated(release.id(), release.itemId(), release.scope(), release.audience(),
                release.status(), release.wording(), release.isOpen() && release.wordingLost());
    }

    /**
     * Whether the mediator may know the release exists: only once a party made or confirmed it. An unconfirmed
     * counsel proposal, and one the party declined, is the side's internal deliberation.
     */
    static boolean isKnownToMediator(Release release) {
        return release.confirmedBy().isPresent();
    }

    private static boolean isEntitled(Participant participant, Release release) {
        // A release "to the mediator" is to the mediation team: the co-mediator sees it too, wherever it is.
        if (participant.isOnMediationTeam()) {
            return isKnownToMediator(release);
        }
        ItemOrigin item = release.origin();
        return item.authorSide().map(participant::isOn).orElse(false) && item.heardBy(participant.id());
    }
}
