package org.parley.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * The verified content of a room ticket: who may join which session, in which role and on which side.
 *
 * @param subject   the user id the ticket was issued to; this is the joining identity
 * @param sessionId the live session the ticket admits to
 * @param role      the participant role (mediator, party, counsel, ...)
 * @param side      the participant's side, or {@code null} for roles without one (mediator, some third parties)
 * @param jti       the unique ticket id used for single-use enforcement
 * @param issuedAt  the {@code iat} time
 * @param expiresAt the {@code exp} time
 */
public record TicketClaims(
        String subject,
        String sessionId,
        String role,
        String side,
        String jti,
        Instant issuedAt,
        Instant expiresAt) {

    public TicketClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
