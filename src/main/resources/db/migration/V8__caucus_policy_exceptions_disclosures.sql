-- Parley schema, version 8: the case's caucus policy, statutory exceptions invoked in caucus, and the mediator's
-- conflict-of-interest disclosure with each party's acknowledgement.
-- Metadata only, as everywhere: an exception row names the item, never its text.

ALTER TABLE mediation_case
    ADD COLUMN caucus_policy VARCHAR(20) NOT NULL DEFAULT 'release_required'
        CHECK (caucus_policy IN ('release_required', 'open_caucus'));

-- Cases opened from now on need the mediator's disclosure acknowledged by every party before it attests; cases that
-- existed before disclosures did are not locked out of their next sessions (the column's default changes after the
-- existing rows took the old one).
ALTER TABLE mediation_case ADD COLUMN disclosure_required BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE mediation_case ALTER COLUMN disclosure_required SET DEFAULT true;

-- One row per caucus item the mediator marked (UMA §6(a)); exported_at is set when its single export is used.
CREATE TABLE caucus_exception (
    session_id   UUID         NOT NULL REFERENCES mediation_session (id),
    item_id      VARCHAR(64)  NOT NULL,
    room         VARCHAR(80)  NOT NULL,
    category     VARCHAR(30)  NOT NULL
        CHECK (category IN ('threat_of_bodily_harm', 'abuse_or_neglect', 'crime_planning')),
    invoked_by   VARCHAR(64)  NOT NULL,
    invoked_at   TIMESTAMPTZ  NOT NULL,
    exported_by  VARCHAR(64),
    exported_at  TIMESTAMPTZ,
    PRIMARY KEY (session_id, item_id)
);

-- The mediator's disclosure (UMA §9), one per case; a new version replaces it and needs new acknowledgements.
-- The text is shown to the case's participants only; the court sees that it exists and who acknowledged it.
CREATE TABLE conflict_disclosure (
    case_id       UUID         PRIMARY KEY REFERENCES mediation_case (id),
    version       INTEGER      NOT NULL CHECK (version > 0),
    none_known    BOOLEAN      NOT NULL,
    body          TEXT,
    disclosed_by  UUID         NOT NULL REFERENCES case_participant (id),
    disclosed_at  TIMESTAMPTZ  NOT NULL,
    CHECK (none_known = (body IS NULL))
);

CREATE TABLE disclosure_acknowledgement (
    case_id          UUID         NOT NULL REFERENCES mediation_case (id),
    participant_id   UUID         NOT NULL REFERENCES case_participant (id),
    version          INTEGER      NOT NULL,
    acknowledged_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, participant_id, version)
);
