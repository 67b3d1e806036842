package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.ticket.TicketFixture.KID;
import static org.parley.ticket.TicketFixture.rawToken;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The header check on its own: it must name a broken header as such by itself, since it runs before the parser and
 * the signature check that would otherwise be the only ones to notice.
 */
class TicketHeaderCheckTest {

    private final TicketHeaderCheck check = new TicketHeaderCheck(KID);

    @Test
    void headerThatIsNotJsonIsMalformed() {
        assertEquals(Optional.of(TicketRefusal.MALFORMED), check.check(rawToken("alg=ES256", "{}", "c2ln")));
    }

    @Test
    void algorithmThatIsNotAStringIsMalformed() {
        String header = "{\"alg\":256,\"typ\":\"parley-room-ticket+jwt\",\"kid\":\"" + KID + "\"}";

        assertEquals(Optional.of(TicketRefusal.MALFORMED), check.check(rawToken(header, "{}", "c2ln")));
    }

    @Test
    void headerWeIssuePasses() {
        String header = "{\"alg\":\"ES256\",\"typ\":\"parley-room-ticket+jwt\",\"kid\":\"" + KID + "\"}";

        assertEquals(Optional.empty(), check.check(rawToken(header, "{}", "c2ln")));
    }
}
