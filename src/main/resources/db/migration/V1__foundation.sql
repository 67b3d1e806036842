-- Parley schema, version 1: courts, cases and their participants.
-- Metadata only: no column in this schema ever holds session content, tokens or secrets.

CREATE TABLE court (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE mediation_case (
    id                 UUID         PRIMARY KEY,
    court_id           VARCHAR(64)  NOT NULL REFERENCES court (id),
    reference          VARCHAR(100) NOT NULL,
    title              VARCHAR(200) NOT NULL,
    mediator_subject   VARCHAR(100),
    status             VARCHAR(20)  NOT NULL DEFAULT 'open',
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_at          TIMESTAMPTZ,
    UNIQUE (court_id, reference)
);

CREATE TABLE case_participant (
    id            UUID         PRIMARY KEY,
    case_id       UUID         NOT NULL REFERENCES mediation_case (id),
    subject       VARCHAR(100),
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    side          VARCHAR(20),
    invited_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    removed_at    TIMESTAMPTZ,
    UNIQUE (case_id, email)
);

CREATE INDEX case_participant_subject ON case_participant (subject);
