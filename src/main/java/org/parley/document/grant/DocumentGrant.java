package org.parley.document.grant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SeenPlace;

/**
 * A short-lived, single-use permission bound to one participant of one session and to one item (a download) or one
 * seen place (an upload). The token is 256 random bits; it is a capability, so it is never logged or stored.
 */
public record DocumentGrant(String token, GrantPurpose purpose, UUID sessionId, ParticipantId holder,
                            Optional<ItemId> item, Optional<SeenPlace> place, Instant expiresAt) {

    @Override
    public String toString() {
        // A grant may end up in an exception message or a debugger; its token must not.
        return "DocumentGrant[" + purpose + ", session " + sessionId + ", expires " + expiresAt + "]";
    }
}
