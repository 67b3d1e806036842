-- Parley schema, version 11: when a session is planned to start and how long it is expected to take, so that every
-- participant sees it on the case and can add it to a calendar. Both are set together or not at all.

ALTER TABLE mediation_session
    ADD COLUMN scheduled_start  TIMESTAMPTZ,
    ADD COLUMN expected_minutes INTEGER;

ALTER TABLE mediation_session
    ADD CONSTRAINT mediation_session_schedule_whole
        CHECK ((scheduled_start IS NULL) = (expected_minutes IS NULL)),
    ADD CONSTRAINT mediation_session_expected_minutes_range
        CHECK (expected_minutes IS NULL OR expected_minutes BETWEEN 15 AND 720);
