-- Parley schema, version 9: the durable state of each live session, so that a restart (or a crash) brings it back.
-- One row per live session: phase, placements, caucuses, releases (ids, scope, status, the item's origin), owed
-- reviews, attestations and consents. Never content: no message text, no release wording, no display text.
-- Written in the same transaction as the facts of the decision that changed it; deleted when the session ends.

CREATE TABLE live_session_state (
    session_id  UUID         PRIMARY KEY REFERENCES mediation_session (id),
    version     BIGINT       NOT NULL,
    state       JSONB        NOT NULL,
    written_at  TIMESTAMPTZ  NOT NULL
);
