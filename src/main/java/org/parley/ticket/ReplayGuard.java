package org.parley.ticket;

import java.time.Instant;

/** Remembers spent ticket ids so that each ticket admits exactly once. */
public interface ReplayGuard {

    /**
     * Atomically records {@code jti} as spent.
     *
     * @param jti       the ticket id
     * @param expiresAt until when the id must be remembered; after that the ticket is refused as expired anyway
     * @return {@code true} if this is the first use of {@code jti}, {@code false} if it was already spent
     */
    boolean firstUse(String jti, Instant expiresAt);
}
