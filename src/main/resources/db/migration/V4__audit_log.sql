-- Parley schema, version 4: the tamper-evident audit log.
-- Who did what, when, where, with what result: pseudonymous ids and codes only, never content, names, emails,
-- tokens or secrets. Each record carries the SHA-256 of its predecessor's hash and its own fields (see
-- org.parley.audit.AuditChain), so a changed, inserted or deleted record breaks the chain.
-- No foreign keys on purpose: audit records outlive the cases, sessions and people they name (retention purges).

CREATE TABLE audit_record (
    seq         BIGINT       PRIMARY KEY CHECK (seq > 0),  -- assigned by the appender: 1, 2, 3 … without gaps
    at          TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(100) NOT NULL,                     -- participant id or identity subject, never a name
    kind        VARCHAR(50)  NOT NULL,
    court_id    VARCHAR(64),
    case_id     UUID,
    session_id  UUID,
    room        VARCHAR(80),
    target      VARCHAR(100),
    result      VARCHAR(40)  NOT NULL,                     -- "ok" or a refusal code
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL
);

-- Append-only: the application can add records but never change or remove one. A database owner can still
-- disable these triggers; the hash chain is what detects that.
CREATE FUNCTION audit_record_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_record_append_only
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_refuse_change();

CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_change();
