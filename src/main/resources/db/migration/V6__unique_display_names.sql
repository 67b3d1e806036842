-- Parley schema, version 6: display names are unique among a case's active participants, trimmed and ignoring case,
-- so that nobody joins a case under the name of someone already in it. The service checks first; this index closes
-- the race between two invitations made at the same moment.
CREATE UNIQUE INDEX case_participant_display_name
    ON case_participant (case_id, lower(btrim(display_name)))
    WHERE removed_at IS NULL;
