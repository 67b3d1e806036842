package org.parley.room.domain;

/** Stable, typed reasons for refusing a command; the wire codes never change once published. */
public enum ErrorCode {
    FORBIDDEN("forbidden"),
    NOT_IN_ROOM("not_in_room"),
    NOT_RELEASED("not_released"),
    NO_SUCH_ITEM("no_such_item"),
    SESSION_ENDED("session_ended"),
    /** {@code start} of a session that is already live; the start time stays the first one. */
    ALREADY_STARTED("already_started"),
    NOT_STARTED("not_started"),
    NO_SUCH_PARTICIPANT("no_such_participant"),
    NO_SUCH_CAUCUS("no_such_caucus"),
    ALREADY_USED("already_used"),
    INVALID_REQUEST("invalid_request"),
    /** A third party may not enter a room while any party's consent is missing or withdrawn. */
    CONSENT_REQUIRED("consent_required"),
    /** The participant has not attested (or must attest again) for this session, so may not enter a room. */
    ATTESTATION_REQUIRED("attestation_required"),
    /**
     * A room-scoped frame named a place (or placement) that is no longer the author's: the author was moved after
     * composing it, so it is delivered nowhere rather than into the new place.
     */
    MOVED("moved"),
    /** Only an item the mediator marked as a statutory exception can be exported. */
    EXCEPTION_NOT_INVOKED("exception_not_invoked"),
    /**
     * A media frame (signaling, or a media state report) from someone who holds no audio/video grant now, or media
     * signaling for a subscription Parley did not make for them.
     */
    NO_MEDIA("no_media"),
    /**
     * Too soon after the same command: a knock within its interval. The transport edge uses the same code for a
     * connection over its frame rate limit.
     */
    RATE_LIMITED("rate_limited"),
    /**
     * The release's wording was lost with a server restart (content lives in memory only): it cannot be conveyed or
     * confirmed, and must be released again.
     */
    WORDING_LOST("wording_lost"),
    /**
     * The frame's effect could not be recorded (the database did not answer): nothing was delivered and nothing
     * changed; the same frame may be sent again.
     */
    TRY_AGAIN("try_again"),
    /** The settlement agreement has been signed, so its text can no longer change. */
    SETTLEMENT_LOCKED("settlement_locked"),
    /** Every party has signed the settlement agreement: it is complete and takes no more signatures. */
    SETTLEMENT_COMPLETE("settlement_complete"),
    /** The signer has signed the settlement agreement already. */
    ALREADY_SIGNED("already_signed"),
    /** The signer named the hash of another text than the agreement's: it changed after they read it. */
    DRAFT_CHANGED("draft_changed"),
    /** The name typed to sign is not the signer's display name. */
    NAME_MISMATCH("name_mismatch"),
    /** Used by the transport edge only: the frame could not be decoded. */
    BAD_FRAME("bad_frame"),
    /** Used by the transport edge only: the frame names a type nobody handles. */
    UNKNOWN_TYPE("unknown_type"),
    /** Used by the transport edge only: the frame exceeds the size limit. */
    TOO_LARGE("too_large");

    // Spelled out rather than derived from name() so that renaming a constant cannot change the protocol.
    private final String wireCode;

    ErrorCode(String wireCode) {
        this.wireCode = wireCode;
    }

    public String wireCode() {
        return wireCode;
    }
}
