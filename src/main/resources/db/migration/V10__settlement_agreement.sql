-- Parley schema, version 10: the settlement agreement signed in a session. What is kept is its SHA-256 and the
-- signatures (typed name, capacity, time, whether the signer asked to file it with the court). The text is kept
-- only when every party chose to file the agreement with the court: a signed agreement is not privileged
-- (UMA section 6(a)(1)), and the court then receives it.

CREATE TABLE settlement_agreement (
    session_id    UUID         PRIMARY KEY REFERENCES mediation_session (id),
    text_sha256   CHAR(64)     NOT NULL,
    opened_at     TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ,
    filed         BOOLEAN      NOT NULL DEFAULT FALSE,
    filed_text    TEXT,
    CONSTRAINT settlement_text_only_when_filed CHECK (filed_text IS NULL OR (filed AND completed_at IS NOT NULL))
);

CREATE TABLE settlement_signature (
    session_id       UUID         NOT NULL REFERENCES settlement_agreement (session_id),
    participant_id   UUID         NOT NULL,
    position         INT          NOT NULL,
    signed_name      TEXT         NOT NULL,
    role             TEXT         NOT NULL CHECK (role IN ('party', 'counsel', 'mediator')),
    signed_at        TIMESTAMPTZ  NOT NULL,
    file_with_court  BOOLEAN      NOT NULL,
    PRIMARY KEY (session_id, participant_id),
    UNIQUE (session_id, position)
);
