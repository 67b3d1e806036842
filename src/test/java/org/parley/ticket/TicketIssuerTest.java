package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/** The issuer never signs a ticket that names nobody, no session, no role or no ticket id. */
class TicketIssuerTest {

    private final TicketFixture fx = new TicketFixture();

    @Test
    void blankSubjectSessionOrRoleIsRefusedBeforeSigning() {
        for (String blank : Arrays.asList(null, "", "  ")) {
            assertThrows(IllegalArgumentException.class, () -> fx.issuer.issue(blank, "s", "party", "A"));
            assertThrows(IllegalArgumentException.class, () -> fx.issuer.issue("user", blank, "party", "A"));
            assertThrows(IllegalArgumentException.class, () -> fx.issuer.issue("user", "s", blank, "A"));
        }
    }

    @Test
    void blankTicketIdFromTheSourceIsRefused() {
        for (String blank : Arrays.asList(null, " ")) {
            TicketIssuer issuer = new TicketIssuer(TicketFixture.KEYS, TicketFixture.SETTINGS,
                    new MutableClock(TicketFixture.T0), () -> blank);

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> issuer.issue("user", "s", "party", "A"));
            assertEquals("ticket jti must not be blank", refused.getMessage());
        }
    }
}
