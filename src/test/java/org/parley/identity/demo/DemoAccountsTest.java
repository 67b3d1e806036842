package org.parley.identity.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.identity.Roles;

/** Plain JUnit: generated benchmark accounts exist only when turned on, and only for roles that take part in cases. */
class DemoAccountsTest {

    private final DemoAccounts fixedOnly = new DemoAccounts(false);
    private final DemoAccounts withGenerated = new DemoAccounts(true);

    @Test
    void theFixedAccountsAreFoundEitherWay() {
        for (DemoAccounts accounts : new DemoAccounts[] {fixedOnly, withGenerated}) {
            DemoAccount maya = accounts.byUsername("demo.mediator").orElseThrow();
            assertEquals(Roles.MEDIATOR, maya.role());
            assertEquals(Optional.of(maya), accounts.byEmail(" DEMO.mediator@demo.parley.invalid "));
            assertEquals(Optional.of(maya), accounts.bySubject(maya.subject()));
        }
    }

    @Test
    void generatedAccountsDoNotExistUnlessTurnedOn() {
        assertEquals(Optional.empty(), fixedOnly.byUsername("bench-party-s1a"));
        assertEquals(Optional.empty(), fixedOnly.byEmail("bench-party-s1a@bench.parley.invalid"));
        assertEquals(Optional.empty(), fixedOnly.bySubject("demo-bench-party-s1a"));
    }

    @Test
    void aGeneratedAccountTakesItsRoleFromItsNameAndIsFoundByEveryKey() {
        DemoAccount party = withGenerated.byUsername("bench-party-s17a").orElseThrow();
        assertEquals(Roles.PARTY, party.role());
        assertEquals("bench-party-s17a@bench.parley.invalid", party.email());
        assertEquals(Optional.of(party), withGenerated.byEmail("Bench-Party-S17a@bench.parley.invalid"));
        assertEquals(Optional.of(party), withGenerated.bySubject(party.subject()));
        assertEquals(Roles.MEDIATOR, withGenerated.byUsername("bench-mediator-1").orElseThrow().role());
        assertEquals(Roles.COUNSEL, withGenerated.byUsername("bench-counsel-1").orElseThrow().role());
    }

    @Test
    void noOtherNameIsGenerated() {
        for (String name : new String[] {"bench-admin-1", "bench-court-admin-1", "bench-party-", "bench-party-A1",
                "bench-party-" + "x".repeat(33), "bench-party-1 ", "xbench-party-1", "bench-party-1@x"}) {
            assertEquals(Optional.empty(), withGenerated.byUsername(name), name);
        }
        assertEquals(Optional.empty(), withGenerated.byEmail("bench-party-1@example.org"));
        assertEquals(Optional.empty(), withGenerated.bySubject("bench-party-1"));
        assertTrue(withGenerated.listed().stream().noneMatch(account -> account.username().startsWith("bench-")),
                "the sign-in page never lists generated accounts");
    }
}
