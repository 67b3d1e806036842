-- Parley schema, version 12: every room ticket (and every sign-in) looks for invitations made for the caller's email
-- that no account has claimed yet. Invitations nobody ever claims pile up over the years, and among many of them
-- that lookup was a sequential scan of the table; this partial index holds only unclaimed invitations, keyed the
-- way the lookup compares emails (ignoring case).

CREATE INDEX case_participant_unlinked_email ON case_participant (lower(email))
    WHERE subject IS NULL AND removed_at IS NULL;
