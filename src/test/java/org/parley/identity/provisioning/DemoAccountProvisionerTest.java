package org.parley.identity.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.identity.demo.DemoAccounts;
import org.parley.platform.problem.ApiException;

/** Plain JUnit: the quick start binds invitations of demo emails to the demo accounts, and nothing else. */
class DemoAccountProvisionerTest {

    private final DemoAccountProvisioner provisioner = new DemoAccountProvisioner("demo-court", new DemoAccounts(false));

    @Test
    void aDemoEmailBindsToItsDemoAccount() {
        ProvisionedAccount account = provisioner
                .provision("Demo.Party.A@demo.parley.invalid", "Paul", "party", "demo-court").await().indefinitely();
        assertEquals(ProvisionedAccount.linked("demo-demo-party-a"), account);
    }

    @Test
    void anyOtherEmailStaysUnprovisioned() {
        ProvisionedAccount account = provisioner.provision("someone@example.org", "Some One", "party", "demo-court")
                .await().indefinitely();
        assertFalse(account.provisioned());
    }

    @Test
    void aDemoAccountIsNotLinkedToAnotherCourt() {
        ApiException refused = assertThrows(ApiException.class, () -> provisioner
                .provision("demo.mediator@demo.parley.invalid", "Maya", "mediator", "court-north").await().indefinitely());
        assertEquals("account_in_other_court", refused.code());
    }

    @Test
    void onlyDemoSubjectsAreEnabled() {
        assertTrue(provisioner.isEnabled("demo-demo-mediator").await().indefinitely());
        assertFalse(provisioner.isEnabled("someone-else").await().indefinitely());
    }
}
