package org.parley.room.service;

import java.util.Collection;
import java.util.UUID;

/**
 * What the room offers the case's lifecycle about a case's sessions held on this server: whether one is live, and
 * ending them all once the case has closed. The room owns this port, so the lifecycle depends on the room and never
 * the other way round.
 */
public interface LiveCaseSessions {

    /**
     * Whether a session of the case is live here. A start is journaled just after its frames leave, so for a moment
     * the records may still say "scheduled" while everyone has been told it started; memory is the truth then.
     */
    boolean anyLive(UUID caseId);

    /**
     * The case has closed (its closing committed) and these were its sessions: each one loaded here ends now, its
     * connected clients are told (reason {@code case_closed}) and closed with 4410, and none of them loads again.
     */
    void caseClosed(UUID caseId, Collection<UUID> sessionIds);
}
