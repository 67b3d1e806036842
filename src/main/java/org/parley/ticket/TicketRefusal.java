package org.parley.ticket;

/** Why a room ticket was refused, each with a stable lower_snake wire code for error frames and the audit log. */
public enum TicketRefusal {
    MISSING("ticket_missing"),
    MALFORMED("ticket_malformed"),
    ALG_NOT_ALLOWED("ticket_alg_not_allowed"),
    EMBEDDED_KEY_REFUSED("ticket_embedded_key_refused"),
    UNEXPECTED_HEADER("ticket_unexpected_header"),
    WRONG_TYPE("ticket_wrong_type"),
    UNKNOWN_KID("ticket_unknown_kid"),
    BAD_SIGNATURE("ticket_bad_signature"),
    WRONG_ISSUER("ticket_wrong_issuer"),
    WRONG_AUDIENCE("ticket_wrong_audience"),
    MISSING_EXP("ticket_missing_exp"),
    LIFETIME_TOO_LONG("ticket_lifetime_too_long"),
    EXPIRED("ticket_expired"),
    NOT_YET_VALID("ticket_not_yet_valid"),
    MISSING_CLAIM("ticket_missing_claim"),
    WRONG_SESSION("ticket_wrong_session"),
    REPLAYED("ticket_replayed");

    private final String code;

    TicketRefusal(String code) {
        this.code = code;
    }

    /** The stable wire code; never changes once released, clients and audit queries depend on it. */
    public String code() {
        return code;
    }
}
