-- Parley schema, version 2: live sessions and their confidentiality metadata.
-- Session content (messages, released wordings) is never stored: releases keep a SHA-256 of the wording only.

CREATE TABLE mediation_session (
    id          UUID         PRIMARY KEY,
    case_id     UUID         NOT NULL REFERENCES mediation_case (id),
    status      VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    started_at  TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ
);

CREATE INDEX mediation_session_case ON mediation_session (case_id);

-- Who went where, caucus openings and closings, connects and disconnects: one row per domain fact.
CREATE TABLE session_event (
    id              BIGSERIAL    PRIMARY KEY,
    session_id      UUID         NOT NULL REFERENCES mediation_session (id),
    kind            VARCHAR(40)  NOT NULL,
    participant_id  VARCHAR(64),
    actor_id        VARCHAR(64),
    from_place      VARCHAR(80),
    to_place        VARCHAR(80),
    caucus_id       VARCHAR(64),
    at              TIMESTAMPTZ  NOT NULL
);

CREATE INDEX session_event_session ON session_event (session_id, id);

CREATE TABLE release_record (
    id              VARCHAR(64)  PRIMARY KEY,
    session_id      UUID         NOT NULL REFERENCES mediation_session (id),
    item_id         VARCHAR(64)  NOT NULL,
    scope           VARCHAR(30)  NOT NULL,
    audience        VARCHAR(80)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    proposed_by     VARCHAR(64),
    released_by     VARCHAR(64),
    wording_sha256  CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    released_at     TIMESTAMPTZ,
    withdrawn_at    TIMESTAMPTZ,
    conveyed_at     TIMESTAMPTZ,
    conveyed_by     VARCHAR(64)
);

CREATE INDEX release_record_session ON release_record (session_id);

CREATE TABLE caucus_review_confirmation (
    session_id      UUID         NOT NULL REFERENCES mediation_session (id),
    caucus_id       VARCHAR(64)  NOT NULL,
    participant_id  VARCHAR(64)  NOT NULL,
    item_statuses   TEXT         NOT NULL,
    confirmed_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (session_id, caucus_id, participant_id)
);
