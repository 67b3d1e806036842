-- Parley schema, version 5: confidentiality agreements, per-session attestations and third-party consent.
-- The agreement text is the court's published template, not session content.

CREATE TABLE agreement_template (
    id           UUID         PRIMARY KEY,
    court_id     VARCHAR(64)  NOT NULL REFERENCES court (id),
    version      INTEGER      NOT NULL,
    body         TEXT         NOT NULL,
    body_sha256  CHAR(64)     NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (court_id, version)
);

-- The agreement of a case: the court's template copied into the case, so later template changes do not alter it.
CREATE TABLE case_agreement (
    case_id      UUID         PRIMARY KEY REFERENCES mediation_case (id),
    version      INTEGER      NOT NULL,
    body         TEXT         NOT NULL,
    body_sha256  CHAR(64)     NOT NULL,
    copied_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE agreement_acceptance (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES mediation_case (id),
    participant_id  UUID         NOT NULL REFERENCES case_participant (id),
    version         INTEGER      NOT NULL,
    body_sha256     CHAR(64)     NOT NULL,
    accepted_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (case_id, participant_id, version)
);

-- One row per attestation; a re-attestation request, a privacy alert or a long disconnection clears it.
CREATE TABLE session_attestation (
    id                UUID         PRIMARY KEY,
    session_id        UUID         NOT NULL REFERENCES mediation_session (id),
    participant_id    UUID         NOT NULL REFERENCES case_participant (id),
    no_recording      BOOLEAN      NOT NULL,
    private_location  BOOLEAN      NOT NULL,
    attested_at       TIMESTAMPTZ  NOT NULL,
    cleared_at        TIMESTAMPTZ,
    cleared_because   VARCHAR(40)
);

CREATE INDEX session_attestation_current ON session_attestation (session_id, participant_id) WHERE cleared_at IS NULL;

CREATE TABLE third_party_consent (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES mediation_case (id),
    party_id        UUID         NOT NULL REFERENCES case_participant (id),
    third_party_id  UUID         NOT NULL REFERENCES case_participant (id),
    consented       BOOLEAN      NOT NULL,
    changed_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (case_id, party_id, third_party_id)
);
