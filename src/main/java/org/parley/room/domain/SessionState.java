package org.parley.room.domain;

import java.time.Clock;
import java.time.Instant;

/** Everything one live session holds in memory, shared by the command handlers of that session. */
final class SessionState {

    private final SessionId sessionId;
    private final Roster roster;
    private final Clock clock;
    private final IdSource ids;
    private final Placement placement = new Placement();
    private final CaucusRegistry caucuses = new CaucusRegistry();
    private final RoomHistory history = new RoomHistory();
    private final ReleaseBook releases = new ReleaseBook();
    private final CaucusReviews reviews = new CaucusReviews();
    private SessionPhase phase = SessionPhase.NOT_STARTED;

    SessionState(SessionId sessionId, Roster roster, Clock clock, IdSource ids) {
        this.sessionId = sessionId;
        this.roster = roster;
        this.clock = clock;
        this.ids = ids;
    }

    SessionId sessionId() {
        return sessionId;
    }

    Roster roster() {
        return roster;
    }

    Placement placement() {
        return placement;
    }

    CaucusRegistry caucuses() {
        return caucuses;
    }

    RoomHistory history() {
        return history;
    }

    ReleaseBook releases() {
        return releases;
    }

    CaucusReviews reviews() {
        return reviews;
    }

    SessionPhase phase() {
        return phase;
    }

    void phase(SessionPhase newPhase) {
        this.phase = newPhase;
    }

    Instant now() {
        return clock.instant();
    }

    /** Called only once a command has passed every check, so a refusal never consumes an id. */
    String newId() {
        return ids.nextId();
    }

    /** Drops all content and placement: what was said lives only as long as the session. */
    void dropEverything() {
        placement.clear();
        caucuses.clear();
        history.clear();
        releases.clear();
        reviews.clear();
    }

    SessionSnapshot snapshot() {
        return new SessionSnapshot(phase, placement.placesSnapshot(), placement.connectedSnapshot(),
                caucuses.snapshot(), history.snapshot(), releases.all(), reviews.snapshot());
    }
}
