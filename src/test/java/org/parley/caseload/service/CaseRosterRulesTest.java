package org.parley.caseload.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.caseload.CaseParticipant;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.identity.provisioning.ProvisionedAccount;
import org.parley.platform.problem.ApiException;

/** The invitation rules that need no server: separation of duties and unique display names. */
class CaseRosterRulesTest {

    private static final Caller ADMIN = new Caller("admin-subject", "admin.north", "Ada Admin", "admin.north@parley.test",
            true, "court-north", Set.of(Roles.COURT_ADMIN));

    private static CaseParticipant participant(UUID id, String displayName) {
        CaseParticipant participant = new CaseParticipant();
        participant.id = id;
        participant.displayName = displayName;
        return participant;
    }

    @Test
    void aCourtAdminCannotInviteItsOwnEmailInAnySpelling() {
        for (String email : List.of("admin.north@parley.test", "ADMIN.North@Parley.Test", " admin.north@parley.test ")) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> SeparationOfDuties.refuseSelfInvitation(ADMIN, email));
            assertEquals(409, refused.status());
            assertEquals("separation_of_duties", refused.code());
        }
        assertDoesNotThrow(() -> SeparationOfDuties.refuseSelfInvitation(ADMIN, "counsel.a@parley.test"));
    }

    @Test
    void aCourtAdminCannotBeBoundToItsOwnAccount() {
        assertEquals("separation_of_duties", assertThrows(ApiException.class,
                () -> SeparationOfDuties.refuseOwnAccount(ADMIN, ProvisionedAccount.linked("admin-subject"))).code());
        assertDoesNotThrow(() -> SeparationOfDuties.refuseOwnAccount(ADMIN, ProvisionedAccount.linked("other")));
        assertDoesNotThrow(() -> SeparationOfDuties.refuseOwnAccount(ADMIN, ProvisionedAccount.notProvisioned()));
    }

    @Test
    void displayNamesAreComparedTrimmedAndIgnoringCase() {
        List<CaseParticipant> active = List.of(participant(UUID.randomUUID(), "Sam Okafor"));

        for (String name : List.of("Sam Okafor", " sam okafor ", "SAM OKAFOR")) {
            ApiException refused = assertThrows(ApiException.class, () -> DisplayNames.requireFree(active, name, null));
            assertEquals(409, refused.status());
            assertEquals("display_name_taken", refused.code());
        }
        assertDoesNotThrow(() -> DisplayNames.requireFree(active, "Sam Okafor Jr", null));
    }

    @Test
    void aRenewedInvitationMayKeepItsOwnName() {
        UUID self = UUID.randomUUID();
        List<CaseParticipant> active = List.of(participant(self, "Sam Okafor"));

        assertDoesNotThrow(() -> DisplayNames.requireFree(active, "sam okafor", self));
    }
}
