-- Parley schema, version 3: the mediator's outcome report to the court (Uniform Mediation Act, section 7).
-- Only whether the session was held or ended, whether it settled, and who attended. There is deliberately no
-- free-text column: no assessments, recommendations or "good faith" findings can be stored.

-- settlement is VARCHAR(20), not 10: 'not_applicable' has 14 characters.
CREATE TABLE session_outcome (
    session_id   UUID          PRIMARY KEY REFERENCES mediation_session (id),
    held         BOOLEAN       NOT NULL,
    ended        BOOLEAN       NOT NULL,
    settlement   VARCHAR(20)   NOT NULL CHECK (settlement IN ('full', 'partial', 'none', 'not_applicable')),
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL
);

CREATE TABLE session_outcome_attendance (
    session_id      UUID     NOT NULL REFERENCES session_outcome (session_id),
    participant_id  UUID     NOT NULL REFERENCES case_participant (id),
    attended        BOOLEAN  NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);
