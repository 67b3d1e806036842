package org.parley.room.domain;

import java.util.Optional;

/**
 * A participant reports its microphone, camera and screen-sharing state. Only someone who holds an audio/video
 * grant now may report one; it changes what presence shows, nothing else.
 */
final class MediaStateCommand {

    private final SessionState state;
    private final MediaEntitlements entitlements;

    MediaStateCommand(SessionState state, MediaEntitlements entitlements) {
        this.state = state;
        this.entitlements = entitlements;
    }

    Decision report(Participant actor, MediaState reported) {
        Optional<MediaChange.Grant> grant = entitlements.now().grants().stream()
                .filter(held -> held.participant().equals(actor.id())).findFirst();
        if (grant.isEmpty()) {
            return Decision.refused(ErrorCode.NO_MEDIA, "no audio/video grant now");
        }
        state.mediaStates().report(grant.get(), reported);
        // Nobody is told directly: the presence updates that follow carry it to whoever may see it.
        return new Outcome().accepted();
    }
}
