package org.parley.audit;

/**
 * The kinds of audited action; stable codes, because verification and later reviews read them back.
 */
public final class AuditKinds {

    // Session lifecycle and presence
    public static final String SESSION_STARTED = "session_started";
    public static final String SESSION_ENDED = "session_ended";
    public static final String CONNECTED = "connected";
    public static final String RECONNECTED = "reconnected";
    public static final String DISCONNECTED = "disconnected";
    public static final String LEFT = "left";

    // Routing: the mediator admits people from the lobby and moves them between places
    public static final String ADMISSION = "admission";
    public static final String MOVE = "move";
    public static final String CAUCUS_OPENED = "caucus_opened";
    public static final String CAUCUS_CLOSED = "caucus_closed";
    public static final String CAUCUS_REVIEW_CONFIRMED = "caucus_review_confirmed";
    public static final String CAUCUS_REVIEW_DISPUTED = "caucus_review_disputed";

    // Releases of caucus items (ids only, never the wording)
    public static final String RELEASE_PROPOSED = "release_proposed";
    public static final String RELEASE = "release";
    public static final String RELEASE_WITHDRAWN = "release_withdrawn";
    public static final String CONVEY = "convey";
    /** Under the open-caucus policy: a caucus item conveyed without a release (item id only). */
    public static final String CONVEY_OPEN_CAUCUS = "convey_open_caucus";

    // Statutory exceptions (UMA §6(a)): item id and category only, never the text
    // The category is part of the kind (exception_invoked_abuse_or_neglect …): the record has no other code field.
    public static final String EXCEPTION_INVOKED_PREFIX = "exception_invoked_";
    public static final String EXCEPTION_EXPORTED = "exception_exported";

    // The settlement agreement: who signed in which capacity, and whether it was filed; never the text
    public static final String SETTLEMENT_SIGNED = "settlement_signed";
    public static final String SETTLEMENT_COMPLETED = "settlement_completed";

    // The case's caucus policy and the mediator's conflict-of-interest disclosure (never its text)
    public static final String CAUCUS_POLICY_SET = "caucus_policy_set";
    public static final String DISCLOSURE_RECORDED = "disclosure_recorded";
    public static final String DISCLOSURE_ACKNOWLEDGED = "disclosure_acknowledged";

    // Attestations, consent and privacy
    public static final String ATTESTATION = "attestation";
    public static final String REATTESTATION_REQUESTED = "reattestation_requested";
    public static final String PRIVACY_ALERT = "privacy_alert";
    public static final String CONSENT = "consent";
    public static final String CONSENT_WITHDRAWN = "consent_withdrawn";

    // Room tickets
    public static final String TICKET_ISSUED = "ticket_issued";
    public static final String TICKET_REFUSED = "ticket_refused";

    // Case administration and the report to the court
    public static final String CASE_CREATED = "case_created";
    public static final String PARTICIPANT_INVITED = "participant_invited";
    public static final String PARTICIPANT_REMOVED = "participant_removed";
    public static final String OUTCOME_RECORDED = "outcome_recorded";
    public static final String CASE_CLOSED = "case_closed";
    /** A session's planned start and length set or moved; target: {@code <start>_<minutes>}. */
    public static final String SESSION_SCHEDULED = "session_scheduled";

    // Retention: what the purge removed, by kind and count (the target is "<what>:<count>"), never whose
    public static final String RETENTION_PURGED = "retention_purged";
    public static final String RETENTION_KEY_SHREDDED = "retention_key_shredded";
    public static final String RETENTION_PURGE_FINISHED = "retention_purge_finished";

    private AuditKinds() {
    }

    public static String exceptionInvoked(org.parley.room.domain.ExceptionCategory category) {
        return EXCEPTION_INVOKED_PREFIX + category.wireName();
    }
}
