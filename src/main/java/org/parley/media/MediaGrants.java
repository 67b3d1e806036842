package org.parley.media;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.SessionId;

/**
 * Where a live session's media changes go: the session runtime hands it each accepted decision's revocations
 * before the decision's deliveries leave, and the rest after them.
 */
public interface MediaGrants {

    /**
     * Cuts each revoked grant. Never fails: answers the revocations the media server could not confirm, which the
     * caller must treat as cut (and tell the mediator about) rather than wait for.
     */
    Uni<List<MediaChange.Revoke>> revoke(SessionId session, List<MediaChange.Revoke> revokes);

    /**
     * Applies grants and retirements in order. Never fails: answers a pass for each grant made; a grant the media
     * server refused has none, so its participant simply has no media.
     */
    Uni<List<MediaPass>> apply(SessionId session, List<MediaChange> changes);

    /**
     * The media server lost (or may have lost) everything of this session: drop what is held for it, closing what
     * is left on the media server, so that its current grants can be made again from scratch. Never fails.
     */
    default Uni<Void> forget(SessionId session) {
        return Uni.createFrom().voidItem();
    }
}
