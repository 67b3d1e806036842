-- Parley schema, version 6: display names are unique among a case's participants, trimmed and ignoring case, so
-- that nobody joins a case under the name of someone already in it. Removed participants keep their names, since a
-- live session's roster still lists them. The service checks first; this index closes the race between two
-- invitations made at the same moment.
CREATE UNIQUE INDEX case_participant_display_name
    ON case_participant (case_id, lower(btrim(display_name)));
