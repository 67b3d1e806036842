package org.parley.ticket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subprotocol offer an accepted upgrade keeps once its ticket is spent: everything but the ticket. */
class SubprotocolOfferTest {

    @Test
    void theTicketEntryLeavesTheOfferAndTheRestStaysInOrder() {
        assertEquals(Optional.of("parley.v1"), TicketAuthenticationMechanism.withoutTickets("parley.v1, ticket.eyJ.a.b"));
        assertEquals(Optional.of("parley.v1"), TicketAuthenticationMechanism.withoutTickets("ticket.eyJ.a.b,parley.v1"));
        assertEquals(Optional.of("other, parley.v1"),
                TicketAuthenticationMechanism.withoutTickets("other,ticket.x, parley.v1"));
    }

    @Test
    void anOfferOfNothingButTicketsIsLeftAsItCame() {
        assertEquals(Optional.empty(), TicketAuthenticationMechanism.withoutTickets("ticket.eyJ.a.b"));
        assertEquals(Optional.empty(), TicketAuthenticationMechanism.withoutTickets(" , "));
        assertEquals(Optional.empty(), TicketAuthenticationMechanism.withoutTickets(null));
    }
}
