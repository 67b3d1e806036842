package org.parley.ticket;

import java.util.Objects;

/** The outcome of verifying a room ticket: either its claims or the single reason it was refused. */
public sealed interface TicketVerification permits TicketVerification.Valid, TicketVerification.Rejected {

    /** The ticket passed every check and its jti is now spent. */
    record Valid(TicketClaims claims) implements TicketVerification {
        public Valid {
            Objects.requireNonNull(claims, "claims");
        }
    }

    /** The ticket was refused; deliberately carries no token text, only the reason. */
    record Rejected(TicketRefusal reason) implements TicketVerification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
