-- Parley schema, version 7: closing cases, per-case data keys, and the retention purge.
--
-- What outlives a purge (the audit chain, the outcome report) keeps its personal fields encrypted with the case's
-- data key (AES-GCM); the purge deletes the key, so those fields can no longer be read while every hash over them
-- still verifies.

ALTER TABLE mediation_case ADD COLUMN purged_at TIMESTAMPTZ;
CREATE INDEX mediation_case_closed ON mediation_case (closed_at) WHERE status = 'closed';

-- One data key per case, kept apart from the records it protects. No key is ever logged or answered.
CREATE TABLE case_data_key (
    case_id     UUID         PRIMARY KEY REFERENCES mediation_case (id),
    key_bytes   BYTEA        NOT NULL CHECK (octet_length(key_bytes) = 32),
    created_at  TIMESTAMPTZ  NOT NULL
);

-- The accounts Parley created in the identity provider for an invitation to this case: the purge disables and
-- deletes those (and only those) that no other case still needs.
CREATE TABLE provisioned_account (
    subject     VARCHAR(100) PRIMARY KEY,
    case_id     UUID         NOT NULL REFERENCES mediation_case (id),
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX provisioned_account_case ON provisioned_account (case_id);

-- The purge of one case, step by step: each step commits together with its progress here, so a purge interrupted
-- by a crash resumes at the first step not recorded, and a finished purge is never run again.
CREATE TABLE case_purge (
    case_id       UUID         PRIMARY KEY REFERENCES mediation_case (id),
    started_at    TIMESTAMPTZ  NOT NULL,
    steps_done    INTEGER      NOT NULL DEFAULT 0,
    finished_at   TIMESTAMPTZ
);

-- Encrypted fields are longer than the ids they hide (nonce, ciphertext and tag in base64url).
ALTER TABLE audit_record ALTER COLUMN actor TYPE VARCHAR(300);
ALTER TABLE audit_record ALTER COLUMN target TYPE VARCHAR(300);
ALTER TABLE session_outcome ALTER COLUMN recorded_by TYPE VARCHAR(300);

-- Attendance outlives the participants it names: it keeps their role, and the pseudonymous participant id no
-- longer points at a row once the purge has deleted the case's participants.
ALTER TABLE session_outcome_attendance ADD COLUMN role VARCHAR(20);
UPDATE session_outcome_attendance a SET role = p.role FROM case_participant p WHERE p.id = a.participant_id;
ALTER TABLE session_outcome_attendance DROP CONSTRAINT session_outcome_attendance_participant_id_fkey;
